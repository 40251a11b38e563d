// Every row a command writes, in one statement: each kind of write is a
// data-modifying CTE fed by one JSON parameter, so the text depends only on
// which kinds of write a command has (a few prepared statements in all), not
// on how many rows. The CTEs never touch the same row: rows are inserted only
// for live element instances, deleted only for ended ones, and a done job or
// a fired timer is named only when its element instance lives on.

export interface FlushRows {
  /** Persisted element instances that ended: they and all they own go. */
  ended: string[];
  now: Date;
  /** Jobs that end while their element instance lives on (e.g. its completion raised an incident). */
  doneJobs: string[];
  /** Timers that fired while their element instance (if any) lives on. */
  firedTimers: string[];
  updatedElements: { key: string; data: unknown }[];
  inserts: { table: InsertTable; rows: object[] }[];
  /** The command used cached latest versions, read when this many definitions were stored. */
  storedDefinitions: number | null;
}

/**
 * SQLSTATE of a flush whose command used latest versions that are no longer
 * the latest (another engine process deployed since they were cached): the
 * statement divides by zero, so that the whole command rolls back, and the
 * processor runs it again on fresh versions.
 */
export const STALE_DEFINITIONS = '22012';

export type InsertTable =
  | 'element_instances'
  | 'variables'
  | 'jobs'
  | 'timers'
  | 'message_subscriptions'
  | 'signal_subscriptions'
  | 'incidents'
  | 'records';

const ENDED = `
  e_del as (delete from engine.element_instances where key = any($keys::bigint[])),
  v_del as (delete from engine.variables where scope_key = any($keys::bigint[])),
  j_del as (delete from engine.jobs where element_instance_key = any($keys::bigint[])),
  t_del as (delete from engine.timers where element_instance_key = any($keys::bigint[])),
  m_del as (delete from engine.message_subscriptions where element_instance_key = any($keys::bigint[])),
  s_del as (delete from engine.signal_subscriptions where element_instance_key = any($keys::bigint[])),
  i_res as (update engine.incidents set state = 'resolved', resolved_at = $now
             where element_instance_key = any($keys::bigint[]) and state = 'active')`;

// The rows' JSON null reads as SQL NULL; a variable's null value stays JSON null.
const SELECTED: Partial<Record<InsertTable, Record<string, string>>> = {
  variables: { value: "coalesce(x.value, 'null'::jsonb)" },
};
const ON_CONFLICT: Partial<Record<InsertTable, string>> = {
  variables: 'on conflict (scope_key, name) do update set value = excluded.value',
};

export function flushStatement(rows: FlushRows): { text: string; values: unknown[] } | null {
  const parts: string[] = [];
  const values: unknown[] = [];
  const param = (value: unknown) => `$${values.push(value)}`;

  if (rows.ended.length) {
    const keys = param(rows.ended);
    const now = param(rows.now);
    parts.push(ENDED.replaceAll('$keys', () => keys).replace('$now', () => now));
  }
  if (rows.doneJobs.length) {
    parts.push(
      `jd_del as (delete from engine.jobs where key = any(${param(rows.doneJobs)}::bigint[]))`,
    );
  }
  if (rows.firedTimers.length) {
    parts.push(
      `tf_del as (delete from engine.timers where key = any(${param(rows.firedTimers)}::bigint[]))`,
    );
  }
  if (rows.updatedElements.length) {
    parts.push(
      `e_upd as (update engine.element_instances e set data = x.data
         from jsonb_to_recordset(${param(JSON.stringify(rows.updatedElements))}::jsonb) as x(key bigint, data jsonb)
        where e.key = x.key)`,
    );
  }
  for (const { table, rows: inserted } of rows.inserts) {
    if (!inserted.length) continue;
    const columns = [...new Set(inserted.flatMap((row) => Object.keys(row)))].sort();
    const selected = columns.map((c) => SELECTED[table]?.[c] ?? `x.${c}`);
    // Ordinality keeps the rows' order (records are numbered by `position`).
    parts.push(
      `${table}_ins as (insert into engine.${table} (${columns.join(', ')})
         select ${selected.join(', ')}
           from jsonb_populate_recordset(null::engine.${table}, ${param(JSON.stringify(inserted))}::jsonb)
                with ordinality as x
          order by x.ordinality
         ${ON_CONFLICT[table] ?? ''})`,
    );
  }
  if (!parts.length) return null;
  if (rows.storedDefinitions === null)
    return { text: `with ${parts.join(',\n')}\nselect 1`, values };
  // Definitions are never deleted: the same count means no deploy since.
  parts.push(
    `fresh as (select 1 / (count(*) = ${param(rows.storedDefinitions)}::bigint)::int as ok
                 from engine.process_definitions)`,
  );
  return { text: `with ${parts.join(',\n')}\nselect ok from fresh`, values };
}
