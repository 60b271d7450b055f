-- briefing-service's own database. Households, tokens, recipients and memories are local copies
-- rebuilt from the compacted topics stevens.households.v1 and stevens.memories.v1; briefs and
-- deliveries are this service's own records.

create table households (
    id              uuid primary key,
    name            text        not null,
    time_zone       text        not null,
    brief_time      time        not null,
    form_of_address text,
    telegram_chat_id bigint,
    version         bigint      not null
);

create table household_tokens (
    household_id uuid   not null references households (id) on delete cascade,
    token_sha256 text   not null primary key,
    scopes       text[] not null
);

create index household_tokens_household on household_tokens (household_id);

-- who receives the brief on which channel (one row per recipient and channel)
create table household_recipients (
    household_id uuid not null references households (id) on delete cascade,
    channel      text not null,
    address      text not null,
    name         text,
    primary key (household_id, channel, address)
);

create table memories (
    id           uuid primary key,
    household_id uuid        not null,
    source       text        not null,
    memory_date  date,
    text         text        not null,
    tags         text[]      not null,
    version      bigint      not null,
    deleted      boolean     not null,
    updated_at   timestamptz
);

create index memories_household_date on memories (household_id, memory_date) where not deleted;

create table briefs (
    id               uuid primary key,
    household_id     uuid        not null,
    brief_date       date        not null,
    content          text        not null,
    composer         text        not null,
    composer_version text        not null,
    memories         jsonb       not null,
    created_at       timestamptz not null default now(),
    unique (household_id, brief_date)
);

create table deliveries (
    id           uuid primary key,
    brief_id     uuid        not null references briefs (id),
    household_id uuid        not null,
    brief_date   date        not null,
    channel      text        not null,
    recipient    text        not null,
    status       text        not null
        check (status in ('PENDING', 'SENDING', 'DELIVERED', 'SKIPPED', 'FAILED')),
    receipt      text,
    attempts     int         not null default 0,
    last_error   text,
    claimed_at   timestamptz,
    delivered_at timestamptz,
    created_at   timestamptz not null default now(),
    unique (household_id, brief_date, channel, recipient)
);

create index deliveries_open on deliveries (household_id, brief_date) where status in ('PENDING', 'SENDING');
