-- Households are the tenant: every other table carries household_id.
create table households (
    id               uuid primary key,
    name             text        not null,
    time_zone        text        not null,
    brief_time       time        not null,
    form_of_address  text        not null,
    telegram_chat_id bigint,
    version          bigint      not null default 0,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);

-- Only the SHA-256 of a token is stored; the token itself is shown once and never kept.
create table api_tokens (
    id           uuid primary key,
    household_id uuid        not null references households (id),
    token_sha256 text        not null unique,
    scopes       text[]      not null,
    label        text        not null,
    created_at   timestamptz not null,
    revoked_at   timestamptz
);

create index api_tokens_household on api_tokens (household_id);

create table dashboard_users (
    id            uuid primary key,
    household_id  uuid not null references households (id),
    username      text not null unique,
    password_hash text not null,
    role          text not null check (role in ('OWNER', 'MEMBER'))
);

create table memories (
    id            uuid primary key,
    household_id  uuid        not null references households (id),
    source        text        not null,
    external_key  text,
    memory_date   date,
    text          text        not null,
    tags          text[]      not null default '{}',
    version       bigint      not null,
    deleted       boolean     not null default false,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    last_event_id uuid        not null
);

-- The same source item (same external key) is the same memory: replaced, never duplicated.
create unique index memories_external_key
    on memories (household_id, source, external_key)
    where external_key is not null;

create index memories_household_date on memories (household_id, memory_date);

-- The API's sort order (date, undated last, then created, id) for keyset pagination.
create index memories_household_order
    on memories (household_id, coalesce(memory_date, 'infinity'::date), created_at, id);

create table memory_revisions (
    memory_id   uuid        not null references memories (id),
    version     bigint      not null,
    text        text        not null,
    memory_date date,
    tags        text[]      not null,
    deleted     boolean     not null,
    event_id    uuid        not null,
    actor       text        not null,
    changed_at  timestamptz not null,
    primary key (memory_id, version)
);

-- Ids of applied events: a replayed event finds its id here and changes nothing.
create table processed_events (
    event_id     uuid primary key,
    household_id uuid        not null,
    processed_at timestamptz not null
);

-- Records written in the same transaction as the change they describe, relayed to Kafka after.
create table outbox (
    id         bigserial primary key,
    topic      text        not null,
    record_key text        not null,
    payload    jsonb       not null,
    event_id   uuid        not null,
    created_at timestamptz not null
);
