/**
 * CPU time of one browser's processes, read from Linux's /proc (nanoseconds on the CPU, per thread, summed): how the
 * benchmarks measure what the extension's service worker costs, without instrumenting it.
 */
import { readdirSync, readFileSync } from 'node:fs';

const read = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

function allPids(): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
}

/** The command line as one string (zygote-forked processes rewrite theirs into one space-separated argument). */
const cmdline = (pid: number) => read(`/proc/${pid}/cmdline`).split('\0').join(' ');
const parentOf = (pid: number) => {
  // Field 4 of /proc/PID/stat, after the parenthesised command name (which may contain spaces).
  const stat = read(`/proc/${pid}/stat`);
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
};

/** The processes of the browser started with this profile directory: the browser and all its descendants. */
export function browserProcesses(userDataDir: string): Array<{ pid: number; args: string }> {
  const pids = allPids();
  const root = pids.find((p) => {
    const args = cmdline(p);
    return args.includes(`--user-data-dir=${userDataDir} `) && !args.includes(' --type=');
  });
  if (root === undefined) return [];
  const parent = new Map(pids.map((p) => [p, parentOf(p)]));
  const inTree = (p: number): boolean => {
    for (let q: number | undefined = p, hops = 0; q && hops < 10; q = parent.get(q), hops++)
      if (q === root) return true;
    return false;
  };
  return pids.filter(inTree).map((pid) => ({ pid, args: cmdline(pid) }));
}

/** The extension's renderer process (where its service worker runs), or undefined. */
export function extensionProcess(userDataDir: string): number | undefined {
  return browserProcesses(userDataDir).find((p) => p.args.includes(' --extension-process '))?.pid;
}

/** Nanoseconds the process has been on a CPU so far (all its threads). */
export function cpuNs(pid: number): number {
  let total = 0;
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return 0;
  }
  for (const t of tasks) total += Number(read(`/proc/${pid}/task/${t}/schedstat`).split(' ')[0] ?? 0) || 0;
  return total;
}
