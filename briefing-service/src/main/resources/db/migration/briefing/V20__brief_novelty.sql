-- What is new in a brief since the household's previous one: the memories (id and version) that
-- the previous brief did not mention, or mentioned at a lower version. Filled in by the database as
-- the brief is inserted, so every writer (scheduler, catch-up, a second instance) stores the same
-- answer without coordinating; a household's first brief counts everything as new.
alter table briefs add column new_memories jsonb;

create function briefs_fill_new_memories() returns trigger language plpgsql as $$
declare
    previous jsonb;
begin
    select b.memories into previous
    from briefs b
    where b.household_id = new.household_id and b.brief_date < new.brief_date
    order by b.brief_date desc
    limit 1;
    select coalesce(jsonb_agg(m order by ord), '[]'::jsonb) into new.new_memories
    from jsonb_array_elements(new.memories) with ordinality as used(m, ord)
    where previous is null
       or not exists (
            select 1 from jsonb_array_elements(previous) p
            where p ->> 'id' = m ->> 'id'
              and (p ->> 'version')::bigint >= (m ->> 'version')::bigint);
    return new;
end;
$$;

create trigger briefs_new_memories before insert on briefs
    for each row when (new.new_memories is null) execute function briefs_fill_new_memories();

-- briefs written before this migration: compute it once from their predecessors
update briefs b set new_memories = (
    select coalesce(jsonb_agg(m order by ord), '[]'::jsonb)
    from jsonb_array_elements(b.memories) with ordinality as used(m, ord)
    where not exists (
        select 1 from briefs prev, jsonb_array_elements(prev.memories) p
        where prev.household_id = b.household_id
          and prev.brief_date = (select max(x.brief_date) from briefs x
                                 where x.household_id = b.household_id
                                   and x.brief_date < b.brief_date)
          and p ->> 'id' = m ->> 'id'
          and (p ->> 'version')::bigint >= (m ->> 'version')::bigint));
