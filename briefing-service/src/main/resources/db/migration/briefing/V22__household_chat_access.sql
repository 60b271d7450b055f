-- Expand: who may chat with the butler, and in which language, now live on the one households read
-- model (written by the households listener) instead of chat's own copy in chat_households.
alter table households
    add column allowed_chats bigint[] not null default '{}',
    add column language      text     not null default 'en';

-- what chat already knew, so nobody loses access until the household's next settings version
update households h
set allowed_chats = c.allowed_chats, language = c.language
from chat_households c
where c.household_id = h.id;

-- chat_households is no longer written by this release; the previous release still writes it
-- while it runs. Contract (drop table chat_households) in a release after this one.
