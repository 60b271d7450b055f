-- Issue 3, expand step: full-text search and the statistics window. It only adds a function, a
-- generated column and indexes; the previous release never names any of them.

-- array_to_string is only STABLE in general (element output functions); for text[] it is
-- immutable, which a generated column needs.
create function memory_tags_text(tags text[]) returns text
    language sql immutable parallel safe
    return array_to_string(tags, ' ');

-- English stemming over the text (weight A) and the tags (weight B); kept by PostgreSQL itself.
alter table memories add column search tsvector
    generated always as (
        setweight(to_tsvector('english', text), 'A')
        || setweight(to_tsvector('english', memory_tags_text(tags)), 'B')
    ) stored;

create index memories_search on memories using gin (search);

-- The imports chart: memories per source per day of one household.
create index memories_household_created on memories (household_id, created_at);

-- Retention: live, unarchived memories of one source, by date.
create index memories_retention on memories (source, memory_date)
    where not archived and not deleted;
