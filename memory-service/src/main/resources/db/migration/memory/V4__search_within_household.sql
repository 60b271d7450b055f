-- Issue 3, expand step: full-text search within one household. A GIN index on the tsvector alone
-- finds every household's matches for a common word (a third of a million rows at 1M memories)
-- and filters by household afterwards; with btree_gin the household id is part of the GIN key,
-- so a search touches only that household's postings. btree_gin is a trusted extension shipped
-- with PostgreSQL. The older index stays until a reviewed contract step drops it.
create extension if not exists btree_gin;

create index memories_household_search on memories using gin (household_id, search);
