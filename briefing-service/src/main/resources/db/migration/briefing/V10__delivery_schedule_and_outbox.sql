-- Wave 2 of delivery: per-recipient options, retry schedule, the MISSED status and an event outbox.
-- Expand only: every new column is nullable or has a default, so the previous release keeps working.

-- recipients choose to skip an empty brief and have quiet hours; webhook deliveries are signed
alter table household_recipients add column skip_empty_brief boolean not null default false;
alter table household_recipients add column quiet_start time;
alter table household_recipients add column quiet_end time;
alter table households add column webhook_signing_secret text;

-- how many dated memories the brief mentions (null for briefs written before this column),
-- when it was due, and the version of its last BriefIssued publication
alter table briefs add column dated_items int;
alter table briefs add column due_at timestamptz;
alter table briefs add column issue_version bigint not null default 0;

alter table deliveries drop constraint deliveries_status_check;
alter table deliveries add constraint deliveries_status_check
    check (status in ('PENDING', 'SENDING', 'DELIVERED', 'SKIPPED', 'FAILED', 'MISSED'));

-- next_attempt_at: not before (quiet hours, backoff, Telegram's retry_after);
-- deadline_at: after it a still-undelivered delivery is FAILED;
-- progress: what a multi-part send already got through (Telegram message ids), so a retry resumes
alter table deliveries add column next_attempt_at timestamptz;
alter table deliveries add column deadline_at timestamptz;
alter table deliveries add column progress text;
alter table deliveries add column updated_at timestamptz;
update deliveries set next_attempt_at = created_at where status in ('PENDING', 'SENDING');

create index deliveries_due on deliveries (next_attempt_at) where status = 'PENDING';
create index deliveries_sending on deliveries (claimed_at) where status = 'SENDING';

-- events written in the same transaction as the state they describe; a relay publishes and
-- deletes them (at least once; consumers are idempotent by event id and brief version)
create table outbox_events (
    id         bigserial primary key,
    topic      text        not null,
    event_key  text        not null,
    event_type text        not null,
    payload    text        not null,
    created_at timestamptz not null default now()
);
