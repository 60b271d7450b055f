-- Issue 6, expand only: the dashboard's read models of other services' topics and the household
-- settings that only the dashboard edits. New tables; nothing existing is touched.

-- ImporterRunFinished (stevens.importer-runs.v1); the event id makes a replay change nothing.
create table dashboard_importer_runs (
    event_id      uuid primary key,
    household_id  uuid        not null,
    importer      text        not null,
    scope         text,
    started_at    timestamptz,
    finished_at   timestamptz not null,
    items_seen    integer     not null,
    items_changed integer     not null,
    error         text
);

create index dashboard_importer_runs_latest
    on dashboard_importer_runs (household_id, importer, scope, finished_at desc);

-- ChatMessagePosted (stevens.chat.v1): the household's transcript, newest first.
create table dashboard_chat_messages (
    event_id     uuid primary key,
    household_id uuid        not null,
    posted_at    timestamptz not null,
    channel      text,
    author       text,
    from_butler  boolean     not null,
    text         text        not null
);

create index dashboard_chat_messages_transcript
    on dashboard_chat_messages (household_id, posted_at desc, event_id);

-- BriefIssued (compacted stevens.briefs.v1): the latest version of each brief.
create table dashboard_briefs (
    brief_id     uuid primary key,
    household_id uuid        not null,
    brief_date   date        not null,
    content      text        not null,
    composer     text,
    memory_ids   uuid[]      not null,
    deliveries   jsonb       not null,
    version      bigint      not null,
    issued_at    timestamptz not null
);

create index dashboard_briefs_history on dashboard_briefs (household_id, brief_date desc);

-- Settings that only exist in the dashboard's settings form (published in HouseholdSettingsChanged).
create table dashboard_household_settings (
    household_id           uuid primary key references households (id),
    language               text        not null default 'en',
    recipients             jsonb       not null default '[]',
    allowed_telegram_chats bigint[]    not null default '{}',
    importers              jsonb       not null default '{}',
    updated_at             timestamptz not null
);

-- Dead letters stay on their topic (Kafka is append-only); this remembers which were replayed.
create table dashboard_dead_letter_replays (
    topic         text        not null,
    partition_no  integer     not null,
    record_offset bigint      not null,
    household_id  uuid        not null,
    replayed_by   text        not null,
    replayed_at   timestamptz not null,
    primary key (topic, partition_no, record_offset)
);
