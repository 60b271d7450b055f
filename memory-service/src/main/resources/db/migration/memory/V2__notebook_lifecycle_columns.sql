-- Issue 3, expand step: every column is new and nullable or has a default, so the previous
-- release (which names its columns explicitly) keeps reading and writing the table unchanged.

-- The snapshot scope an importer run covers (e.g. calendar:family); null = no snapshot scope.
alter table memories add column scope text;
-- The last day the memory is true; after it the memory is expired and never reaches a brief.
alter table memories add column valid_until date;
-- Retention archives instead of deleting: archived memories stay findable but leave the brief.
alter table memories add column archived boolean not null default false;
alter table memories add column archived_at timestamptz;
-- When the source says the item happened: an older import never overwrites a newer one.
alter table memories add column occurred_at timestamptz;
-- Who or what made the latest change (the revisions keep the full history).
alter table memories add column last_actor text;

alter table memory_revisions add column archived boolean not null default false;
alter table memory_revisions add column valid_until date;
