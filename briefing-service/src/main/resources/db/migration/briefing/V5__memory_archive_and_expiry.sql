-- Issue 3's archive and valid-until reach the read model (expand only: new columns with defaults).
-- Archived and expired memories stay in the read model, as in the changelog, but never in a brief.
alter table memories add column archived boolean not null default false;
alter table memories add column valid_until date;
