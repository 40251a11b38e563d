import { execFileSync } from 'node:child_process';

/** PostgreSQL server processes whose data directory is `dir`. */
export function postgresProcesses(dir: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes(`postgres -D ${dir}`));
}
