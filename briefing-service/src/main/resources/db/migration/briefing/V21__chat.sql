-- The chat: who may talk to the butler, the transcript, and every memory change made from chat.

-- chat's own copy of the household settings it needs (from stevens.households.v1), newest wins
create table chat_households (
    household_id  uuid primary key,
    allowed_chats bigint[] not null,
    language      text     not null default 'en',
    version       bigint   not null
);

-- every message of the conversation, people's and the butler's, by event id (replays are no-ops)
create table chat_messages (
    id           uuid primary key,
    seq          bigserial   not null, -- arrival order: what the butler had seen, and when
    household_id uuid        not null,
    channel      text        not null,
    conversation text        not null,
    author       text,
    from_butler  boolean     not null,
    text         text        not null,
    posted_at    timestamptz not null
);

create index chat_messages_recent on chat_messages (household_id, conversation, seq desc);

-- the audit of memory commands issued from chat; an undo is a command too and points at the one
-- it reverts (undoes), which in turn records it (undone_by)
create table chat_commands (
    id           uuid primary key,
    seq          bigserial   not null, -- the order they were issued in (clocks can tie)
    household_id uuid        not null,
    conversation text        not null,
    actor        text        not null,
    action       text        not null,
    memory_id    uuid        not null,
    text         text,
    memory_date  date,
    caused_by    uuid        not null,
    undoes       uuid references chat_commands (id),
    undone_by    uuid,
    issued_at    timestamptz not null
);

create index chat_commands_recent on chat_commands (household_id, seq desc);

-- a /forget waiting for /yes or /no, one per conversation
create table chat_confirmations (
    household_id uuid        not null,
    conversation text        not null,
    memory_id    uuid        not null,
    memory_text  text        not null,
    asked_at     timestamptz not null,
    primary key (household_id, conversation)
);

-- the numbered items of the last /today or /week, so "/forget 2" means what the person saw
create table chat_last_lists (
    household_id uuid not null,
    conversation text not null,
    position     int  not null,
    memory_id    uuid not null,
    primary key (household_id, conversation, position)
);
