// CPU time of the PostgreSQL backends serving one database, read from /proc
// (the server must run on this machine). With the Node process's own CPU
// time, it tells what one instance costs whatever else the machine is doing.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
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
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): utime is the 12th, stime the 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      result.set(pid, (ticks * 1000) / clockTicks());
    } catch {
      // Not on this machine, or gone meanwhile.
    }
  }
  return result;
}

/** CPU ms the backends used between two readings (backends started meanwhile count whole). */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}
