// The engine's history, written compactly: one row per command and process
// instance, holding that command's records of the instance as a JSON array,
// instead of a row (with two index entries and a sequence value) per record.
// engine.records stays, as a view with the old table's columns.
import type { Knex } from 'knex';

// A record in a batch: [key, value_type, intent, element_id, element_type, payload].
// A batch holds fewer than 2^20 records: position is the batch's position
// shifted by 20 bits plus the record's place in it.
const VIEW = `
  create view engine.records as
    select (b.position << 20) + r.n as position,
           (r.value->>0)::bigint as key,
           r.value->>1 as value_type,
           r.value->>2 as intent,
           b.process_instance_key,
           r.value->>3 as element_id,
           r.value->>4 as element_type,
           nullif(r.value->5, 'null'::jsonb) as payload,
           b.created_at
      from engine.record_batches b,
           jsonb_array_elements(b.records) with ordinality as r(value, n)`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table engine.record_batches (
      position bigserial primary key,
      -- Null for records of no process instance (deployments, messages, signals).
      process_instance_key bigint,
      records jsonb not null,
      created_at timestamptz not null
    );
    create index on engine.record_batches (process_instance_key);

    insert into engine.record_batches (process_instance_key, records, created_at)
    select process_instance_key,
           jsonb_build_array(jsonb_build_array(key::text, value_type, intent,
             element_id, element_type, payload)),
           created_at
      from engine.records order by position;
    drop table engine.records;
    ${VIEW};
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    create table engine.records_table as select * from engine.records order by position;
    drop view engine.records;
    drop table engine.record_batches;
    alter table engine.records_table rename to records;
    create sequence engine.records_position_seq owned by engine.records.position;
    select setval('engine.records_position_seq', coalesce((select max(position) from engine.records), 0) + 1, false);
    alter table engine.records
      alter column position set default nextval('engine.records_position_seq'),
      alter column position set not null,
      alter column key set not null,
      alter column value_type set not null,
      alter column intent set not null,
      alter column created_at set not null,
      add primary key (position);
    create index on engine.records (process_instance_key);
  `);
}
