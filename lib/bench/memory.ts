/**
 * The peak resident memory of a server process (and any children) while a measure runs: Linux's
 * high-water mark reset at the start where the kernel allows it, and frequent samples besides.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** The process and its descendants, from /proc. */
function processTree(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // The parent pid is the second field after the parenthesised command name.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(parents.get(tree[i]!) ?? []));
  return tree;
}

export interface MemoryWatch {
  /** The resident memory when the watch began, in MiB: what the peak grew from. */
  startMb: number | undefined;
  /** Stops sampling; answers the peak in MiB (undefined where /proc cannot be read). */
  stop: () => number | undefined;
}

export function watchPeakMemory(pid: number, everyMs = 20): MemoryWatch {
  const pids = processTree(pid);
  for (const p of pids) {
    try {
      // "5" resets the process's peak RSS (VmHWM) to its current RSS.
      writeFileSync(`/proc/${p}/clear_refs`, "5");
    } catch {
      // Not permitted: the samples alone give the peak.
    }
  }
  let peakKb = 0;
  const sample = () => {
    const total = pids.reduce((sum, p) => sum + statusKb(p, "VmRSS"), 0);
    peakKb = Math.max(peakKb, total);
  };
  sample();
  const startKb = peakKb;
  const timer = setInterval(sample, everyMs);
  return {
    startMb: startKb > 0 ? startKb / 1024 : undefined,
    stop: () => {
      clearInterval(timer);
      sample();
      const hwm = pids.reduce((sum, p) => sum + statusKb(p, "VmHWM"), 0);
      const kb = Math.max(peakKb, hwm);
      return kb > 0 ? kb / 1024 : undefined;
    },
  };
}
