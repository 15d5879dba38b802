// On a shared machine a benchmark is only as good as the quiet around it. This measures how much
// of the CPU other processes (anything outside this bench's process tree: itself, the servers,
// PostgreSQL and its backends) used during a run, from /proc, so disturbed figures are visible.
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Process time (user, nice, system) and total jiffies of the whole machine, from /proc/stat.
 * Interrupt time is left out of "busy": the kernel books loopback networking there, not on the
 * process that caused it, so it would count the bench's own traffic as someone else's.
 */
function machineJiffies() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number);
  const busy = user + nice + system;
  return { busy, total: busy + idle + iowait + irq + softirq + steal };
}

/** pid → { ppid, jiffies } for every process still readable. */
function processTable() {
  const table = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name, which may itself contain spaces and parentheses.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const [utime, stime, cutime, cstime] = rest.slice(11, 15).map(Number);
      table.set(Number(entry), { ppid: Number(rest[1]), jiffies: utime + stime + cutime + cstime });
    } catch {
      // the process ended while the table was read
    }
  }
  return table;
}

/** CPU jiffies used so far by this process and all its descendants. */
function ownJiffies() {
  const table = processTable();
  const ours = new Set([process.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, { ppid }] of table) {
      if (!ours.has(pid) && ours.has(ppid)) {
        ours.add(pid);
        grew = true;
      }
    }
  }
  let sum = 0;
  for (const pid of ours) sum += table.get(pid)?.jiffies ?? 0;
  return sum;
}

export function cpuSnapshot() {
  return { machine: machineJiffies(), own: ownJiffies() };
}

/** Share of the machine's whole capacity (all cores) that other processes used between two snapshots. */
export function foreignShare(before, after) {
  const total = after.machine.total - before.machine.total;
  const foreign = after.machine.busy - before.machine.busy - (after.own - before.own);
  return total > 0 ? Math.max(0, foreign / total) : 0;
}
