// CPU time of the PostgreSQL backends serving one database, and of a process
// group (the system under load), read from /proc (they must run on this
// machine). It tells what one instance costs whatever else the machine is doing.
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import type { Knex } from 'knex';

let ticksPerSecond: number | null = null;

function clockTicks(): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  return ticksPerSecond;
}

/** CPU ms so far by backend pid; empty when /proc does not show them. */
export async function backendCpu(admin: Knex, database: string): Promise<Map<number, number>> {
  const { rows } = await admin.raw<{ rows: { pid: number }[] }>(
    'select pid from pg_stat_activity where datname = ?',
    [database],
  );
  const result = new Map<number, number>();
  for (const { pid } of rows) {
    const stat = await statOf(pid);
    if (stat) result.set(pid, stat.cpuMs);
  }
  return result;
}

/** CPU ms so far of the live processes of a process group (all their threads). */
export async function processGroupCpu(group: number): Promise<number> {
  let total = 0;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await statOf(Number(entry));
    if (stat?.group === group) total += stat.cpuMs;
  }
  return total;
}

async function statOf(pid: number): Promise<{ group: number; cpuMs: number } | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): the process
    // group is the 3rd, utime the 12th, stime the 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { group: Number(fields[2]), cpuMs: (ticks * 1000) / clockTicks() };
  } catch {
    // Not on this machine, or gone meanwhile.
    return null;
  }
}

/** CPU ms the backends used between two readings (backends started meanwhile count whole). */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}
