// npm passes SIGTERM and SIGINT only to the process it runs the script in (package.json's
// `exec node --import tsx` makes that this script rather than a shell, which would die of SIGTERM
// or sit out SIGINT). When npm itself dies without passing anything on (SIGKILL, a crash),
// `npm start` notices here: it watches the processes that launched it and stops as if signalled
// when one is gone.
// Linux's /proc shows the chain; elsewhere only the direct parent is watched.
import { readFileSync } from 'node:fs';

function parentOf(pid: number): number | null {
  try {
    // The command name in parentheses may hold spaces; the fields after it are fixed.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** npm gives the processes it runs a script in this variable; npm itself does not have it. */
function runByNpm(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').some((entry) => entry.startsWith('npm_lifecycle_event='));
  } catch {
    return false;
  }
}

/** The direct parent, and up the chain while the processes are part of the npm script: npm included. */
export function launchers(): number[] {
  const chain: number[] = [];
  for (let pid: number | null = process.ppid; pid !== null && pid > 1; pid = parentOf(pid)) {
    chain.push(pid);
    if (!runByNpm(pid)) break;
  }
  return chain;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Calls `onGone` once when a launcher has exited (or this process was handed to another parent). */
export function watchLaunchers(onGone: () => void, intervalMs = 500): void {
  const watched = launchers();
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent && watched.every(alive)) return;
    clearInterval(timer);
    onGone();
  }, intervalMs);
  timer.unref();
}
