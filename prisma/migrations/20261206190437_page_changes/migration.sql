-- CreateTable
CREATE TABLE "page_change" (
    "id" BIGSERIAL NOT NULL,
    "topic" VARCHAR(40) NOT NULL,
    "xact" BIGINT NOT NULL DEFAULT ((pg_current_xact_id())::text)::bigint,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "page_change_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "page_change_xact_idx" ON "page_change"("xact");

-- What each write changed, for the page cache (app/server/db/changes.server.ts, decision 039).
-- Triggers note one row per topic per statement: "post:<id>" (that story's page), "posts" (every
-- list, search and member page), "figures" (the outcomes dashboards) or "site" (everything).
-- Tables page_change_install() knows nothing about note "site": a write nobody classified
-- retires every kept page, which is always safe. It runs after every migration (the migrator
-- calls it), so a table added later gets that default at once.

-- The topics named in the trigger's arguments after the first, and "post:<id>" for the posts
-- the changed rows belong to. The first argument says how to find them: id (the row is a post),
-- post_id (the row names its post), comment_id (the row names a reply) or nothing.
CREATE FUNCTION "page_change_note"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  via text := TG_ARGV[0]\073
  changed text\073
BEGIN
  IF TG_NARGS > 1 THEN
    INSERT INTO page_change (topic) SELECT unnest(TG_ARGV[1:TG_NARGS - 1])\073
  END IF\073
  IF via = '''' THEN
    RETURN NULL\073
  END IF\073
  changed := CASE TG_OP
    WHEN ''INSERT'' THEN format(''SELECT %I AS ref FROM new_rows'', via)
    WHEN ''DELETE'' THEN format(''SELECT %I AS ref FROM old_rows'', via)
    ELSE format(''SELECT %I AS ref FROM new_rows UNION SELECT %I FROM old_rows'', via, via)
  END\073
  IF via = ''comment_id'' THEN
    changed := ''SELECT c.post_id AS ref FROM ('' || changed || '') r JOIN comment c ON c.id = r.ref''\073
  END IF\073
  EXECUTE ''INSERT INTO page_change (topic) SELECT DISTINCT ''''post:'''' || ref FROM ('' || changed || '') x WHERE ref IS NOT NULL''\073
  RETURN NULL\073
END
';

-- A member's row: a new or deleted account, or a change to anything pages may show (handle, role,
-- perspective...), retires everything. Sign-ins (the active day) and password changes do not.
CREATE FUNCTION "page_change_note_user"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP <> ''UPDATE'' OR EXISTS (
    SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE to_jsonb(n) - ARRAY[''password_hash'', ''must_change_password'', ''last_active_on'', ''days_active'']
      IS DISTINCT FROM to_jsonb(o) - ARRAY[''password_hash'', ''must_change_password'', ''last_active_on'', ''days_active'']
  ) THEN
    INSERT INTO page_change (topic) VALUES (''site'')\073
  END IF\073
  RETURN NULL\073
END
';

-- The safe default, for any table not classified below, and for TRUNCATE everywhere.
CREATE FUNCTION "page_change_note_site"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO page_change (topic) VALUES (''site'')\073
  RETURN NULL\073
END
';

-- Classifies every table: the tables here and their topics, and tables whose writes no signed-out page
-- shows (sessions, rate limits, notifications, follows, drafts, flags, the audit log...) note
-- nothing, and every other table notes "site". Idempotent: run after every migration.
CREATE FUNCTION "page_change_install"() RETURNS void LANGUAGE plpgsql AS E'
DECLARE
  t record\073
  rule text[]\073
  args text\073
BEGIN
  FOR t IN
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN (''r'', ''p'') AND NOT c.relispartition
  LOOP
    rule := CASE t.name
      WHEN ''post'' THEN ARRAY[''id'', ''posts'']
      WHEN ''post_tag'' THEN ARRAY[''post_id'', ''posts'']
      WHEN ''comment'' THEN ARRAY[''post_id'', ''posts'']
      WHEN ''post_revision'' THEN ARRAY[''post_id'']
      WHEN ''post_reaction'' THEN ARRAY[''post_id'']
      WHEN ''comment_revision'' THEN ARRAY[''comment_id'']
      WHEN ''comment_helpful'' THEN ARRAY[''comment_id'']
      WHEN ''experience_report'' THEN ARRAY[''post_id'', ''figures'']
      WHEN ''report_outcome'' THEN ARRAY['''', ''figures'']
      WHEN ''outcome_summary'' THEN ARRAY['''', ''figures'']
      WHEN ''user'' THEN ARRAY[''user'']
      ELSE NULL
    END\073
    IF t.name IN (''page_change'', ''_prisma_migrations'', ''session'', ''recovery_code'', ''rate_limit'', ''daily_salt'',
        ''notification'', ''thread_follow'', ''thread_read'', ''tag_follow'', ''council_follow'', ''saved_post'',
        ''following_visit'', ''api_key'', ''app_secret'', ''draft'', ''flag'', ''moderation_action'', ''watched_word'') THEN
      CONTINUE\073
    END IF\073
    EXECUTE format(''CREATE OR REPLACE TRIGGER page_change_truncate AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION page_change_note_site()'', t.name)\073
    IF rule IS NULL THEN
      EXECUTE format(''CREATE OR REPLACE TRIGGER page_change_default AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH STATEMENT EXECUTE FUNCTION page_change_note_site()'', t.name)\073
      CONTINUE\073
    END IF\073
    IF rule[1] = ''user'' THEN
      EXECUTE format(''CREATE OR REPLACE TRIGGER page_change_insert AFTER INSERT ON %I FOR EACH STATEMENT EXECUTE FUNCTION page_change_note_site()'', t.name)\073
      EXECUTE format(''CREATE OR REPLACE TRIGGER page_change_delete AFTER DELETE ON %I FOR EACH STATEMENT EXECUTE FUNCTION page_change_note_site()'', t.name)\073
      EXECUTE format(''CREATE OR REPLACE TRIGGER page_change_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION page_change_note_user()'', t.name)\073
      CONTINUE\073
    END IF\073
    args := (SELECT string_agg(quote_literal(a), '', '') FROM unnest(rule) a)\073
    EXECUTE format(''CREATE OR REPLACE TRIGGER page_change_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION page_change_note(%s)'', t.name, args)\073
    EXECUTE format(''CREATE OR REPLACE TRIGGER page_change_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION page_change_note(%s)'', t.name, args)\073
    EXECUTE format(''CREATE OR REPLACE TRIGGER page_change_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION page_change_note(%s)'', t.name, args)\073
  END LOOP\073
END
';

SELECT "page_change_install"();
