// CPU time used by a process (and by PostgreSQL's server processes), from /proc. Wall-clock
// latency on a machine shared with other work depends on that other work; CPU milliseconds per
// request do not, so the report shows both: what each request costs, and how long it took.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// Linux reports times in clock ticks of 1/100 s (sysconf CLK_TCK) on every platform Node supports.
const TICK_MS = 10;

interface Stat {
  ppid: number;
  /** utime + stime, and the same for reaped children (cutime + cstime), in ms. */
  own: number;
  children: number;
}

function stat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces: read the fields after it.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const field = (n: number) => Number(fields[n - 3]);
    return { ppid: field(4), own: (field(14) + field(15)) * TICK_MS, children: (field(16) + field(17)) * TICK_MS };
  } catch {
    return null;
  }
}

export function processCpuMs(pid: number): number {
  return stat(pid)?.own ?? NaN;
}

/** The process's live children (an app's cluster workers), from /proc. */
export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** CPU of a process and its live children: the whole app when it runs cluster workers (WEB_CONCURRENCY). */
export function processTreeCpuMs(pid: number): number {
  return childPids(pid).reduce((sum, child) => sum + (stat(child)?.own ?? 0), processCpuMs(pid));
}

/** True when the process id is a PostgreSQL process on this machine (not a remote server's id). */
export function isLocalPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    return false;
  }
}

/** The PostgreSQL server's process id, from postmaster.pid in its data folder, or null. */
export function postmasterPid(dataDir: string): number | null {
  if (!dataDir) return null;
  try {
    const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    return stat(pid) ? pid : null;
  } catch {
    return null;
  }
}

function postgresCpuOnce(postmaster: number): number {
  const root = stat(postmaster);
  if (!root) return NaN;
  let total = root.own + root.children;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const child = stat(Number(entry));
    if (child?.ppid === postmaster) total += child.own;
  }
  return total;
}

/**
 * CPU of the postmaster, its live children (backends, workers) and the children it has reaped.
 * A backend that ends between reading the postmaster and listing its children is in neither,
 * so the reading is taken twice and the larger kept (by then it is among the reaped).
 */
export function postgresCpuMs(postmaster: number | null): number {
  if (postmaster === null) return NaN;
  return Math.max(postgresCpuOnce(postmaster), postgresCpuOnce(postmaster));
}
