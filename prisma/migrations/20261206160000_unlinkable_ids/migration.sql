-- Post and reply ids are public (/stories/<id>, #comment-<id>, the API, feeds, downloads). Taken
-- from a sequence, an anonymous post published next to a named one by the same person had the
-- next id, which tied the two together. From now on a new id is a random number from 1 to
-- 2^31 - 1 that no row has yet, and the ids already given are replaced by random ones.
--
-- Function bodies are E'' strings with \073 for each semicolon because Prisma's WebAssembly engine
-- (which the tests run against these migrations) splits scripts at every literal semicolon.

-- 31 bits from gen_random_uuid() (a strong random source: its first 8 hex digits are all random),
-- tried again while the number is 0 or already taken. The check and the insert are not atomic, but
-- two inserts drawing the same number at once is a 1 in 2^31 event, and then the second one fails
-- on the primary key instead of reusing an id.
CREATE FUNCTION "random_row_id"(tbl regclass) RETURNS integer LANGUAGE plpgsql VOLATILE AS E'
DECLARE
  candidate integer\073
  taken boolean\073
BEGIN
  LOOP
    candidate := (''x'' || substr(gen_random_uuid()::text, 1, 8))::bit(32)::integer & 2147483647\073
    CONTINUE WHEN candidate = 0\073
    EXECUTE format(''SELECT EXISTS (SELECT 1 FROM %s WHERE id = $1)'', tbl) INTO taken USING candidate\073
    EXIT WHEN NOT taken\073
  END LOOP\073
  RETURN candidate\073
END
';

-- Every existing post and reply gets a random id. New ids never equal an old one, so one UPDATE
-- per table cannot collide with itself. Foreign keys follow (ON UPDATE CASCADE), and so do the
-- links kept in notifications. The moderation log is append-only and keeps the ids it recorded.
CREATE TEMPORARY TABLE "renumbered" (kind text, old_id integer, new_id integer, PRIMARY KEY (kind, old_id), UNIQUE (kind, new_id));

DO E'
DECLARE
  item record\073
  candidate integer\073
BEGIN
  FOR item IN SELECT ''post'' AS kind, id FROM "post" UNION ALL SELECT ''comment'', id FROM "comment" ORDER BY 2 LOOP
    LOOP
      candidate := (''x'' || substr(gen_random_uuid()::text, 1, 8))::bit(32)::integer & 2147483647\073
      EXIT WHEN candidate <> 0
        AND NOT EXISTS (SELECT 1 FROM "renumbered" r WHERE r.kind = item.kind AND (r.new_id = candidate OR r.old_id = candidate))
        AND NOT (item.kind = ''post'' AND EXISTS (SELECT 1 FROM "post" WHERE id = candidate))
        AND NOT (item.kind = ''comment'' AND EXISTS (SELECT 1 FROM "comment" WHERE id = candidate))\073
    END LOOP\073
    INSERT INTO "renumbered" VALUES (item.kind, item.id, candidate)\073
  END LOOP\073
END
';

UPDATE "post" p SET id = r.new_id FROM "renumbered" r WHERE r.kind = 'post' AND r.old_id = p.id;
UPDATE "comment" c SET id = r.new_id FROM "renumbered" r WHERE r.kind = 'comment' AND r.old_id = c.id;

-- Notification links are "/stories/<post id>" with an optional "#comment-<reply id>".
UPDATE "notification" n
SET link = '/stories/' || p.new_id::text || coalesce('#comment-' || (
    SELECT c.new_id FROM "renumbered" c
    WHERE c.kind = 'comment' AND c.old_id = substring(n.link FROM '#comment-([0-9]+)$')::integer
  )::text, '')
FROM "renumbered" p
WHERE p.kind = 'post' AND n.link ~ '^/stories/[0-9]+(#comment-[0-9]+)?$'
  AND p.old_id = substring(n.link FROM '^/stories/([0-9]+)')::integer;

DROP TABLE "renumbered";

-- AlterTable
ALTER TABLE "post" ALTER COLUMN "id" SET DEFAULT random_row_id('post'::regclass);
DROP SEQUENCE "post_id_seq";

-- AlterTable
ALTER TABLE "comment" ALTER COLUMN "id" SET DEFAULT random_row_id('comment'::regclass);
DROP SEQUENCE "comment_id_seq";

-- CreateTable
CREATE TABLE "app_secret" (
    "name" VARCHAR(40) NOT NULL,
    "value" BYTEA NOT NULL,

    CONSTRAINT "app_secret_pkey" PRIMARY KEY ("name")
);
