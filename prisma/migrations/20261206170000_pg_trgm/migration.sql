-- Council and tag names typed into the story search's filters (council=Havering, tag=demntia) are
-- matched with trigram similarity, so small misspellings still find the right one
-- (docs/story-search.md). pg_trgm is a standard contrib module of PostgreSQL 14+, and a trusted
-- extension: the database owner may create it without being a superuser. There are only a few
-- hundred names, so no trigram index is needed: a scan of them takes well under a millisecond.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
