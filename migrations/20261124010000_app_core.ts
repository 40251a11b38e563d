// The case-management schema: agencies and units, accounts and sessions,
// the procedure catalogue, dossiers with attachments, the audit trail, the
// outboxes (engine hand-off, notifications) and the working-day calendar.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table agencies (
      id uuid primary key default gen_random_uuid(),
      -- Mã định danh of the agency, e.g. 000.00.12.H12.
      code text not null unique,
      name_vi text not null,
      name_en text not null,
      parent_id uuid references agencies(id),
      created_at timestamptz not null default now()
    );

    create table units (
      id uuid primary key default gen_random_uuid(),
      agency_id uuid not null references agencies(id),
      code text not null,
      name_vi text not null,
      name_en text not null,
      unique (agency_id, code)
    );

    create table accounts (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('citizen', 'organisation', 'staff')),
      email text not null,
      password_hash text not null,
      status text not null check (status in
        ('unverified', 'pending_review', 'active', 'refused', 'suspended', 'cancelled')),
      full_name text not null,
      citizen_id text,
      date_of_birth date,
      phone text,
      address text,
      organisation_name text,
      tax_code text,
      representative text,
      agency_id uuid references agencies(id),
      unit_ids uuid[] not null default '{}',
      roles text[] not null default '{}',
      review_due_at timestamptz,
      review_reasons text,
      email_verified_at timestamptz,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index accounts_email on accounts (lower(email));
    create unique index accounts_citizen_id on accounts (citizen_id) where citizen_id is not null;

    create table sessions (
      -- SHA-256 of the cookie's token: a leaked table opens no session.
      token_hash text primary key,
      account_id uuid not null references accounts(id),
      created_at timestamptz not null,
      expires_at timestamptz not null
    );
    create index on sessions (account_id);

    create table account_tokens (
      token_hash text primary key,
      account_id uuid not null references accounts(id),
      purpose text not null check (purpose in ('verify_email', 'reset_password')),
      expires_at timestamptz not null,
      used_at timestamptz
    );

    -- The yearly table admins edit: days off, and make-up working days.
    create table calendar_days (
      day date primary key,
      kind text not null check (kind in ('holiday', 'make_up_working_day')),
      name_vi text not null default '',
      name_en text not null default ''
    );

    create table procedures (
      id uuid primary key default gen_random_uuid(),
      code text not null,
      version integer not null,
      status text not null check (status in ('draft', 'published', 'retired')),
      agency_id uuid not null references agencies(id),
      definition jsonb not null,
      created_at timestamptz not null default now(),
      published_at timestamptz,
      unique (code, version)
    );

    create table dossier_code_sequences (
      agency_id uuid not null references agencies(id),
      day date not null,
      last_value integer not null,
      primary key (agency_id, day)
    );

    create table dossiers (
      id uuid primary key default gen_random_uuid(),
      code text unique,
      procedure_id uuid not null references procedures(id),
      agency_id uuid not null references agencies(id),
      applicant_id uuid not null references accounts(id),
      channel smallint not null check (channel in (1, 2, 3)),
      status text not null,
      lifecycle jsonb not null default '{}',
      form_data jsonb not null default '{}',
      submitted_at timestamptz,
      received_at timestamptz,
      appointment_at timestamptz,
      process_instance_key text,
      created_by uuid not null references accounts(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index on dossiers (applicant_id);
    create index on dossiers (agency_id, status);

    create table attachments (
      id uuid primary key default gen_random_uuid(),
      dossier_id uuid not null references dossiers(id),
      document_key text not null,
      file_name text not null,
      content_type text not null,
      size_bytes bigint not null,
      sha256 text not null,
      storage_key text not null,
      uploaded_by uuid not null references accounts(id),
      created_at timestamptz not null default now()
    );
    create index on attachments (dossier_id);

    -- The audit trail: append-only, each event hashed with the previous one.
    create table dossier_events (
      id bigserial primary key,
      dossier_id uuid not null references dossiers(id),
      seq integer not null,
      at timestamptz not null,
      actor_id uuid references accounts(id),
      actor_role text,
      action text not null,
      from_status text,
      to_status text,
      reason text,
      element_id text,
      changes jsonb,
      prev_hash text not null,
      hash text not null,
      unique (dossier_id, seq)
    );
    create function dossier_events_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'dossier_events is append-only: % refused', tg_op;
      end $$;
    create trigger dossier_events_append_only before update or delete on dossier_events
      for each row execute function dossier_events_append_only();

    create table idempotency_keys (
      account_id uuid not null references accounts(id),
      key text not null,
      request_hash text not null,
      status_code integer not null,
      response jsonb not null,
      created_at timestamptz not null default now(),
      primary key (account_id, key)
    );

    create table outbox (
      id bigserial primary key,
      topic text not null,
      payload jsonb not null,
      created_at timestamptz not null default now(),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      processed_at timestamptz,
      last_error text
    );
    create index outbox_pending on outbox (next_attempt_at) where processed_at is null;

    create table notifications (
      id uuid primary key default gen_random_uuid(),
      account_id uuid references accounts(id),
      channel text not null check (channel in ('email', 'sms', 'inapp')),
      recipient text not null,
      template text not null,
      locale text not null,
      subject text not null,
      body text not null,
      status text not null check (status in ('queued', 'sent', 'failed', 'kept')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      last_error text,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    );
    create index notifications_pending on notifications (next_attempt_at) where status = 'queued';
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    drop table notifications, outbox, idempotency_keys, dossier_events, attachments, dossiers,
      dossier_code_sequences, procedures, calendar_days, account_tokens, sessions, accounts,
      units, agencies;
    drop function dossier_events_append_only();
  `);
}
