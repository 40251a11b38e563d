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
  /** New data of element instances, and the roots of instances that get a new revision. */
  updatedElements: { key: string; data?: unknown; revised?: true }[];
  inserts: { table: InsertTable; rows: object[] }[];
  /** The command's records, by process instance (see RecordBatch). */
  records: RecordBatch[];
  /** The command used cached latest versions, read when this many definitions were stored. */
  storedDefinitions: number | null;
}

/**
 * The records a command writes for one process instance (null: for none), in
 * order; each is [key, value_type, intent, element_id, element_type, payload]
 * (a row of engine.record_batches; engine.records shows them one by one).
 */
export interface RecordBatch {
  processInstanceKey: string | null;
  records: unknown[][];
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
  | 'incidents';

const ENDED = (keys: string, now: string) => `
  e_del as (delete from engine.element_instances where key = any(${keys}::bigint[])),
  v_del as (delete from engine.variables where scope_key = any(${keys}::bigint[])),
  j_del as (delete from engine.jobs where element_instance_key = any(${keys}::bigint[])),
  t_del as (delete from engine.timers where element_instance_key = any(${keys}::bigint[])),
  m_del as (delete from engine.message_subscriptions where element_instance_key = any(${keys}::bigint[])),
  s_del as (delete from engine.signal_subscriptions where element_instance_key = any(${keys}::bigint[])),
  i_res as (update engine.incidents set state = 'resolved', resolved_at = ${now}
             where element_instance_key = any(${keys}::bigint[]) and state = 'active')`;

// The rows' JSON null reads as SQL NULL; a variable's null value stays JSON null.
const SELECTED: Partial<Record<InsertTable, Record<string, string>>> = {
  variables: { value: "coalesce(x.value, 'null'::jsonb)" },
};
const ON_CONFLICT: Partial<Record<InsertTable, string>> = {
  variables: 'on conflict (scope_key, name) do update set value = excluded.value',
};

/** One part of the statement: its CTE, given the placeholders of its values. */
type Part = (p: string[]) => string;

const PARTS: Record<string, Part> = {
  ended: ([keys, now]) => ENDED(keys!, now!),
  doneJobs: ([keys]) => `jd_del as (delete from engine.jobs where key = any(${keys}::bigint[]))`,
  firedTimers: ([keys]) =>
    `tf_del as (delete from engine.timers where key = any(${keys}::bigint[]))`,
  updatedElements: ([rows]) =>
    `e_upd as (update engine.element_instances e
         set data = coalesce(x.data, e.data),
             revision = e.revision + case when x.revised then 1 else 0 end
        from jsonb_to_recordset(${rows}::jsonb) as x(key bigint, data jsonb, revised boolean)
       where e.key = x.key)`,
  // Ordinality keeps the batches' order (they are numbered by `position`).
  records: ([batches, now]) =>
    `records_ins as (insert into engine.record_batches (process_instance_key, records, created_at)
       select (x.batch->>0)::bigint, x.batch->1, ${now}
         from jsonb_array_elements(${batches}::jsonb) with ordinality as x(batch, n)
        order by x.n)`,
  fresh: ([stored]) =>
    `fresh as (select 1 / (count(*) = ${stored}::bigint)::int as ok
                 from engine.process_definitions)`,
};

function insertPart(table: InsertTable, columns: string[]): Part {
  const selected = columns.map((c) => SELECTED[table]?.[c] ?? `x.${c}`);
  return ([rows]) =>
    `${table}_ins as (insert into engine.${table} (${columns.join(', ')})
       select ${selected.join(', ')}
         from jsonb_populate_recordset(null::engine.${table}, ${rows}::jsonb)
              with ordinality as x
        order by x.ordinality
       ${ON_CONFLICT[table] ?? ''})`;
}

// Statement texts by the parts they have, built once.
const texts = new Map<string, string>();

function columnsOf(rows: object[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) for (const column in row) columns.add(column);
  return [...columns].sort();
}

export function flushStatement(rows: FlushRows): { text: string; values: unknown[] } | null {
  // Each part with its values, in order; the signature names the text.
  const parts: { name: string; part: Part; count: number }[] = [];
  const values: unknown[] = [];
  const add = (name: string, part: Part, ...partValues: unknown[]) => {
    parts.push({ name, part, count: partValues.length });
    values.push(...partValues);
  };

  if (rows.ended.length) add('ended', PARTS.ended!, rows.ended, rows.now);
  if (rows.doneJobs.length) add('doneJobs', PARTS.doneJobs!, rows.doneJobs);
  if (rows.firedTimers.length) add('firedTimers', PARTS.firedTimers!, rows.firedTimers);
  if (rows.updatedElements.length) {
    add('updatedElements', PARTS.updatedElements!, JSON.stringify(rows.updatedElements));
  }
  for (const { table, rows: inserted } of rows.inserts) {
    if (!inserted.length) continue;
    const columns = columnsOf(inserted);
    add(`${table}(${columns.join(',')})`, insertPart(table, columns), JSON.stringify(inserted));
  }
  if (rows.records.length) {
    const batches = rows.records.map((b) => [b.processInstanceKey, b.records]);
    add('records', PARTS.records!, JSON.stringify(batches), rows.now);
  }
  if (!parts.length) return null;
  if (rows.storedDefinitions !== null) add('fresh', PARTS.fresh!, rows.storedDefinitions);

  const signature = parts.map((p) => p.name).join(' ');
  let text = texts.get(signature);
  if (!text) {
    let n = 0;
    const ctes = parts.map(({ part, count }) =>
      part(Array.from({ length: count }, () => `$${++n}`)),
    );
    const result = rows.storedDefinitions === null ? 'select 1' : 'select ok from fresh';
    texts.set(signature, (text = `with ${ctes.join(',\n')}\n${result}`));
  }
  return { text, values };
}
