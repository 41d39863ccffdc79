// Pass/fail for the fault scripts: each check prints a line; the script exits non-zero if any failed.
export class Checks {
  private failed = 0;

  check(ok: boolean, what: string, detail = ''): void {
    if (!ok) this.failed++;
    console.log(`${ok ? 'PASS' : 'FAIL'} ${what}${detail ? ` (${detail})` : ''}`);
  }

  /** Sets the exit code: 1 when any check failed. */
  finish(): void {
    console.log(this.failed ? `\n${this.failed} check(s) failed` : '\nall checks passed');
    process.exitCode = this.failed ? 1 : 0;
  }
}

/** --short: the small form for CI. */
export const short = process.argv.includes('--short');
