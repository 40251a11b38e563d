// Appending an audit event in one call: append_dossier_event locks the
// dossier, reads the chain head with a snapshot taken after the lock, and
// inserts the event with its seq, prev_hash and hash. The caller sends the
// canonical JSON the hash covers with marks where the seq (and, for events
// that keep the status, the status) go, since only the locked read knows
// them; the hash is sha256(prev_hash || '\n' || that JSON), as the verifier
// computes it (dossier-audit.ts). So an append is one statement, sent in the
// same round trip as the transaction's other statements, instead of a lock
// and read, then an insert. It replaces lock_dossier_chain_head.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create function append_dossier_event(
      p_dossier uuid, p_at timestamptz, p_actor uuid, p_actor_role text, p_action text,
      p_from_status text, p_to_status text, p_reason text, p_element text, p_changes jsonb,
      p_hashed_json text, p_seq_mark text, p_status_mark text)
      returns setof dossier_events language plpgsql volatile as $$
      declare
        v_status text;
        v_seq integer;
        v_prev text;
        v_json text := p_hashed_json;
      begin
        -- FOR NO KEY UPDATE serialises appends to the dossier without
        -- blocking inserts of rows that reference it.
        select d.status into v_status from dossiers d where d.id = p_dossier for no key update;
        if not found then return; end if;
        select e.seq, e.hash into v_seq, v_prev from dossier_events e
         where e.dossier_id = p_dossier order by e.seq desc limit 1;
        v_seq := coalesce(v_seq, 0) + 1;
        v_prev := coalesce(v_prev, repeat('0', 64));
        if p_status_mark is not null then
          p_from_status := v_status;
          p_to_status := v_status;
          v_json := replace(v_json, p_status_mark, to_json(v_status)::text);
        end if;
        v_json := replace(v_json, p_seq_mark, v_seq::text);
        return query insert into dossier_events
          (dossier_id, seq, at, actor_id, actor_role, action, from_status, to_status, reason,
           element_id, changes, prev_hash, hash)
          values (p_dossier, v_seq, p_at, p_actor, p_actor_role, p_action, p_from_status,
                  p_to_status, p_reason, p_element, p_changes, v_prev,
                  encode(sha256(convert_to(v_prev || E'\\n' || v_json, 'UTF8')), 'hex'))
          returning *;
      end $$;
    drop function lock_dossier_chain_head(uuid);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    drop function append_dossier_event(uuid, timestamptz, uuid, text, text, text, text, text,
      text, jsonb, text, text, text);
    create function lock_dossier_chain_head(dossier uuid, out seq integer, out hash text)
      returns setof record language plpgsql volatile as $$
      begin
        perform 1 from dossiers d where d.id = dossier for no key update;
        if not found then return; end if;
        select e.seq, e.hash into seq, hash from dossier_events e
         where e.dossier_id = dossier order by e.seq desc limit 1;
        return next;
      end $$;
  `);
}
