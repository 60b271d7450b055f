-- The persistence statements of the previous release (memory-service before issue 3, commit 3a5589d),
-- copied verbatim from its code with sample parameters filled in. PreviousReleaseCompatibilityTest
-- applies every current migration and then runs these, in order, each in its own statement; they
-- must all still succeed. When a release ships, replace this file with that release's statements.
-- Statements are separated by a line holding only ';'.

-- Households.insert
insert into households (id, name, time_zone, brief_time, form_of_address,
    telegram_chat_id, version, created_at, updated_at)
values ('00000000-0000-0000-0000-0000000000a1', 'Previous release', 'Europe/London', '07:30', 'Sir',
    4242, 0, '2026-01-01T08:00:00Z', '2026-01-01T08:00:00Z')
;
-- Households.registerTokenHash
insert into api_tokens (id, household_id, token_sha256, scopes, label,
    created_at)
values ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a1',
    'abc123', '{imports:write,memories:read}', 'initial', '2026-01-01T08:00:00Z')
;
-- Households.exists
select count(*) from households where id = '00000000-0000-0000-0000-0000000000a1'
;
-- HouseholdSettingsChangelog.recordChange
update households set version = version + 1, updated_at = '2026-01-01T08:00:01Z'
where id = '00000000-0000-0000-0000-0000000000a1'
returning name, time_zone, brief_time, form_of_address,
    telegram_chat_id, version
;
-- HouseholdSettingsChangelog.tokens
select token_sha256, scopes from api_tokens
where household_id = '00000000-0000-0000-0000-0000000000a1' and revoked_at is null
order by created_at, token_sha256
;
-- TokenDirectory.findByTokenHash
select household_id, scopes from api_tokens
where token_sha256 = 'abc123' and revoked_at is null
;
-- DashboardUsers.ensureOwner (insert)
insert into dashboard_users (id, household_id, username, password_hash,
    role)
values ('00000000-0000-0000-0000-0000000000c1', '00000000-0000-0000-0000-0000000000a1',
    'previous-demo', '{noop}x', 'OWNER')
;
-- DashboardUsers.ensureOwner (select)
select password_hash from dashboard_users
where username = 'previous-demo' and household_id = '00000000-0000-0000-0000-0000000000a1' for update
;
-- DashboardUsers.ensureOwner (update)
update dashboard_users set password_hash = '{noop}y' where username = 'previous-demo'
;
-- DashboardUsers.loadUserByUsername
select username, password_hash, role from dashboard_users where username = 'previous-demo'
;
-- DemoHousehold.ensureHousehold (select)
select 1 from households where id = '00000000-0000-0000-0000-0000000000a1' for update
;
-- DemoHousehold.ensureHousehold (update)
update households set time_zone = 'UTC', brief_time = '07:45',
    form_of_address = 'Madam', telegram_chat_id = null
where id = '00000000-0000-0000-0000-0000000000a1' and (time_zone, brief_time, form_of_address,
    coalesce(telegram_chat_id, 0))
    is distinct from ('UTC', '07:45', 'Madam',
    coalesce(cast(null as bigint), 0))
;
-- DemoToken.ensure (revoke)
update api_tokens set revoked_at = '2026-01-01T09:00:00Z'
where household_id = '00000000-0000-0000-0000-0000000000a1' and label = 'demo'
    and token_sha256 <> 'abc123' and revoked_at is null
;
-- DemoToken.ensure (select)
select household_id from api_tokens
where token_sha256 = 'abc123' and revoked_at is null
    and scopes @> cast('{imports:write,memories:read,memories:write,briefings:read}' as text[])
;
-- DemoToken.ensure (delete)
delete from api_tokens where token_sha256 = 'zzz' and household_id = '00000000-0000-0000-0000-0000000000a1'
;
-- MemoryStore.markProcessed
insert into processed_events (event_id, household_id, processed_at)
values ('00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-0000000000a1', '2026-01-01T08:00:00Z')
on conflict (event_id) do nothing
;
-- MemoryStore.insert
insert into memories (id, household_id, source, external_key, memory_date, text, tags,
    version, deleted, created_at, updated_at, last_event_id)
values ('00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-0000000000a1', 'note', null,
    null, 'Milk is in the fridge', '{home}', 1,
    false, '2026-01-01T08:00:00Z', '2026-01-01T08:00:00Z', '00000000-0000-0000-0000-0000000000e1')
;
-- MemoryStore.insertIfKeyIsNew
insert into memories (id, household_id, source, external_key, memory_date, text, tags,
    version, deleted, created_at, updated_at, last_event_id)
values ('00000000-0000-0000-0000-0000000000d2', '00000000-0000-0000-0000-0000000000a1', 'calendar', 'evt-1',
    '2026-05-04', 'Dentist at 9', '{health}', 1,
    false, '2026-01-01T08:00:00Z', '2026-01-01T08:00:00Z', '00000000-0000-0000-0000-0000000000e2')
 on conflict (household_id, source, external_key) where external_key is not null do nothing
;
-- MemoryStore.lockByKey
select * from memories
where household_id = '00000000-0000-0000-0000-0000000000a1' and source = 'calendar'
    and external_key = 'evt-1'
for update
;
-- MemoryStore.update
update memories set memory_date = '2026-05-05', text = 'Dentist at 10', tags = '{health}',
    version = 2, deleted = false, updated_at = '2026-01-01T09:00:00Z',
    last_event_id = '00000000-0000-0000-0000-0000000000e3'
where id = '00000000-0000-0000-0000-0000000000d2' and household_id = '00000000-0000-0000-0000-0000000000a1'
;
-- MemoryChangelog.record
insert into memory_revisions (memory_id, version, text, memory_date, tags,
    deleted, event_id, actor, changed_at)
values ('00000000-0000-0000-0000-0000000000d2', 2, 'Dentist at 10', '2026-05-05', '{health}', false,
    '00000000-0000-0000-0000-0000000000e3', 'import:calendar', '2026-01-01T09:00:00Z')
;
-- Outbox.append
insert into outbox (topic, record_key, payload, event_id, created_at)
values ('stevens.memories.v1', '00000000-0000-0000-0000-0000000000d2', cast('{"id":"x"}' as jsonb),
    '00000000-0000-0000-0000-0000000000f1', '2026-01-01T09:00:00Z')
;
-- OutboxRelay.relayBatch (select)
select id, topic, record_key, payload::text as payload, event_id
from outbox order by id limit 100 for update skip locked
;
-- OutboxRelay.relayBatch (delete)
delete from outbox where id in (1, 2, 3)
;
-- MemoryQueries.list (every filter and a cursor)
select id, source, external_key, memory_date, text, tags, version, created_at, updated_at
 from memories where household_id = '00000000-0000-0000-0000-0000000000a1' and not deleted
 and memory_date >= '2026-01-01' and memory_date <= '2026-12-31' and memory_date is not null
 and source = 'calendar' and 'health' = any(tags) and text ilike '%dent%'
 and (coalesce(memory_date, 'infinity'::date), created_at, id) > (cast('2026-01-01' as date), '2026-01-01T00:00:00Z', '00000000-0000-0000-0000-000000000000')
 order by coalesce(memory_date, 'infinity'::date), created_at, id limit 51
;
-- MemoryQueries.find
select id, source, external_key, memory_date, text, tags, version, created_at, updated_at
 from memories where id = '00000000-0000-0000-0000-0000000000d2' and household_id = '00000000-0000-0000-0000-0000000000a1' and not deleted
;
-- MemoryQueries.revisions
select version, memory_date, text, tags, deleted, event_id, actor,
    changed_at
from memory_revisions where memory_id = '00000000-0000-0000-0000-0000000000d2' order by version
;
