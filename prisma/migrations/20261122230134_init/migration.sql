-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "role" AS ENUM ('member', 'moderator', 'researcher', 'admin');

-- CreateEnum
CREATE TYPE "perspective" AS ENUM ('carer', 'supported_person', 'acting_for_person', 'support_planner', 'social_worker', 'provider_staff', 'researcher', 'other');

-- CreateEnum
CREATE TYPE "display_mode" AS ENUM ('handle', 'anonymous');

-- CreateEnum
CREATE TYPE "moderation_status" AS ENUM ('pending', 'published', 'changes_requested', 'rejected', 'removed');

-- CreateEnum
CREATE TYPE "post_kind" AS ENUM ('story', 'practice_note', 'question');

-- CreateEnum
CREATE TYPE "tag_group" AS ENUM ('topic', 'support_arrangement', 'client_group', 'feeling');

-- CreateEnum
CREATE TYPE "support_arrangement" AS ENUM ('dp_employer', 'dp_agency', 'managed_budget', 'isf', 'commissioned', 'care_home', 'family_only', 'self_funded', 'waiting');

-- CreateEnum
CREATE TYPE "client_group" AS ENUM ('learning_disability', 'autism', 'physical_disability', 'older_people', 'dementia', 'mental_health', 'sensory', 'brain_injury', 'long_term_condition', 'other');

-- CreateEnum
CREATE TYPE "plan_lead" AS ENUM ('self_led', 'peer_led', 'planner_led', 'council_led', 'unknown');

-- CreateEnum
CREATE TYPE "budget_change" AS ENUM ('increased', 'same', 'reduced', 'stopped', 'no_review');

-- CreateEnum
CREATE TYPE "ease" AS ENUM ('very_easy', 'easy', 'neither', 'hard', 'very_hard');

-- CreateEnum
CREATE TYPE "budget_coverage" AS ENUM ('fully', 'partly', 'not_at_all');

-- CreateEnum
CREATE TYPE "outcome_rating" AS ENUM ('a_lot_better', 'a_bit_better', 'same', 'a_bit_worse', 'a_lot_worse', 'not_relevant');

-- CreateEnum
CREATE TYPE "flag_reason" AS ENUM ('personal_information', 'safeguarding', 'abuse', 'spam', 'other');

-- CreateTable
CREATE TABLE "user" (
    "id" SERIAL NOT NULL,
    "handle" VARCHAR(30) NOT NULL,
    "handle_key" VARCHAR(30) NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "role" NOT NULL DEFAULT 'member',
    "perspective" "perspective" NOT NULL,
    "trust_level" SMALLINT NOT NULL DEFAULT 0,
    "silenced_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_active_on" DATE,
    "days_active" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" VARCHAR(32) NOT NULL,
    "secret_hash" BYTEA NOT NULL,
    "user_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recovery_code" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "code_hash" TEXT NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "recovery_code_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "area" (
    "code" VARCHAR(9) NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "region_code" VARCHAR(9) NOT NULL,
    "region_name" TEXT NOT NULL,
    "nation" TEXT NOT NULL,

    CONSTRAINT "area_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "tag" (
    "id" SERIAL NOT NULL,
    "slug" VARCHAR(60) NOT NULL,
    "label" TEXT NOT NULL,
    "group" "tag_group" NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "tag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "post" (
    "id" SERIAL NOT NULL,
    "kind" "post_kind" NOT NULL,
    "title" VARCHAR(120) NOT NULL,
    "body_markdown" TEXT NOT NULL,
    "body_html" TEXT NOT NULL,
    "body_text" TEXT NOT NULL,
    "area_code" VARCHAR(9),
    "author_id" INTEGER,
    "display_mode" "display_mode" NOT NULL DEFAULT 'anonymous',
    "author_perspective" "perspective" NOT NULL,
    "status" "moderation_status" NOT NULL DEFAULT 'pending',
    "kept_findings" JSONB,
    "moderation_note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),
    -- Hand-written: full-text search kept current by PostgreSQL itself (title weighted above body).
    "search_vector" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce("title", '')), 'A') ||
        setweight(to_tsvector('english', coalesce("body_text", '')), 'B')
    ) STORED,

    CONSTRAINT "post_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "post_tag" (
    "post_id" INTEGER NOT NULL,
    "tag_id" INTEGER NOT NULL,

    CONSTRAINT "post_tag_pkey" PRIMARY KEY ("post_id","tag_id")
);

-- CreateTable
CREATE TABLE "post_revision" (
    "id" SERIAL NOT NULL,
    "post_id" INTEGER NOT NULL,
    "title" VARCHAR(120) NOT NULL,
    "body_markdown" TEXT NOT NULL,
    "edited_by_id" INTEGER,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "post_revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "comment" (
    "id" SERIAL NOT NULL,
    "post_id" INTEGER NOT NULL,
    "parent_id" INTEGER,
    "author_id" INTEGER,
    "display_mode" "display_mode" NOT NULL DEFAULT 'anonymous',
    "author_perspective" "perspective" NOT NULL,
    "body_markdown" TEXT NOT NULL,
    "body_html" TEXT NOT NULL,
    "status" "moderation_status" NOT NULL DEFAULT 'pending',
    "kept_findings" JSONB,
    "moderation_note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "comment_revision" (
    "id" SERIAL NOT NULL,
    "comment_id" INTEGER NOT NULL,
    "body_markdown" TEXT NOT NULL,
    "edited_by_id" INTEGER,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comment_revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "experience_report" (
    "id" SERIAL NOT NULL,
    "author_id" INTEGER,
    "post_id" INTEGER,
    "area_code" VARCHAR(9) NOT NULL,
    "quarter_start" DATE NOT NULL,
    "perspective" "perspective" NOT NULL,
    "support_arrangement" "support_arrangement" NOT NULL,
    "client_group" "client_group" NOT NULL,
    "plan_lead" "plan_lead" NOT NULL,
    "budget_change" "budget_change" NOT NULL,
    "ease" "ease",
    "weeks_to_support" SMALLINT,
    "budget_coverage" "budget_coverage",
    "hourly_rate_pence" INTEGER,
    "paid_hours_per_week" DECIMAL(5,1),
    "unpaid_hours_per_week" DECIMAL(5,1),
    "comment" TEXT,
    "comment_status" "moderation_status",
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "experience_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_outcome" (
    "report_id" INTEGER NOT NULL,
    "domain" VARCHAR(40) NOT NULL,
    "rating" "outcome_rating" NOT NULL,

    CONSTRAINT "report_outcome_pkey" PRIMARY KEY ("report_id","domain")
);

-- CreateTable
CREATE TABLE "flag" (
    "id" SERIAL NOT NULL,
    "post_id" INTEGER,
    "comment_id" INTEGER,
    "flagger_id" INTEGER,
    "reason" "flag_reason" NOT NULL,
    "note" VARCHAR(1000),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by_id" INTEGER,
    "resolution" VARCHAR(20),

    CONSTRAINT "flag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "moderation_action" (
    "id" SERIAL NOT NULL,
    "actor_id" INTEGER,
    "actor_handle" VARCHAR(30) NOT NULL,
    "action" VARCHAR(40) NOT NULL,
    "target_type" VARCHAR(20) NOT NULL,
    "target_id" VARCHAR(40) NOT NULL,
    "reason" TEXT,
    "before" JSONB,
    "after" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "moderation_action_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "user_handle_key_key" ON "user"("handle_key");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE INDEX "session_expires_at_idx" ON "session"("expires_at");

-- CreateIndex
CREATE INDEX "recovery_code_user_id_idx" ON "recovery_code"("user_id");

-- CreateIndex
CREATE INDEX "area_region_code_idx" ON "area"("region_code");

-- CreateIndex
CREATE INDEX "area_nation_idx" ON "area"("nation");

-- CreateIndex
CREATE UNIQUE INDEX "tag_slug_key" ON "tag"("slug");

-- CreateIndex
CREATE INDEX "tag_group_sort_order_idx" ON "tag"("group", "sort_order");

-- CreateIndex
CREATE INDEX "post_status_published_at_idx" ON "post"("status", "published_at" DESC);

-- CreateIndex
CREATE INDEX "post_area_code_status_published_at_idx" ON "post"("area_code", "status", "published_at" DESC);

-- CreateIndex
CREATE INDEX "post_author_id_idx" ON "post"("author_id");

-- CreateIndex
CREATE INDEX "post_search_vector_idx" ON "post" USING GIN ("search_vector");

-- CreateIndex
CREATE INDEX "post_tag_tag_id_post_id_idx" ON "post_tag"("tag_id", "post_id");

-- CreateIndex
CREATE INDEX "post_revision_post_id_created_at_idx" ON "post_revision"("post_id", "created_at");

-- CreateIndex
CREATE INDEX "comment_post_id_status_created_at_idx" ON "comment"("post_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "comment_author_id_idx" ON "comment"("author_id");

-- CreateIndex
CREATE INDEX "comment_status_created_at_idx" ON "comment"("status", "created_at");

-- CreateIndex
CREATE INDEX "comment_revision_comment_id_created_at_idx" ON "comment_revision"("comment_id", "created_at");

-- CreateIndex
CREATE INDEX "experience_report_area_code_quarter_start_idx" ON "experience_report"("area_code", "quarter_start");

-- CreateIndex
CREATE INDEX "experience_report_quarter_start_idx" ON "experience_report"("quarter_start");

-- CreateIndex
CREATE INDEX "experience_report_author_id_idx" ON "experience_report"("author_id");

-- CreateIndex
CREATE INDEX "experience_report_post_id_idx" ON "experience_report"("post_id");

-- CreateIndex
CREATE INDEX "report_outcome_domain_rating_idx" ON "report_outcome"("domain", "rating");

-- CreateIndex
CREATE INDEX "flag_resolved_at_reason_idx" ON "flag"("resolved_at", "reason");

-- CreateIndex
CREATE UNIQUE INDEX "flag_flagger_id_post_id_key" ON "flag"("flagger_id", "post_id");

-- CreateIndex
CREATE UNIQUE INDEX "flag_flagger_id_comment_id_key" ON "flag"("flagger_id", "comment_id");

-- CreateIndex
CREATE INDEX "moderation_action_created_at_idx" ON "moderation_action"("created_at" DESC);

-- CreateIndex
CREATE INDEX "moderation_action_target_type_target_id_idx" ON "moderation_action"("target_type", "target_id");

-- CreateIndex
CREATE INDEX "moderation_action_actor_id_idx" ON "moderation_action"("actor_id");

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recovery_code" ADD CONSTRAINT "recovery_code_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "post" ADD CONSTRAINT "post_area_code_fkey" FOREIGN KEY ("area_code") REFERENCES "area"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "post" ADD CONSTRAINT "post_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "post_tag" ADD CONSTRAINT "post_tag_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "post_tag" ADD CONSTRAINT "post_tag_tag_id_fkey" FOREIGN KEY ("tag_id") REFERENCES "tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "post_revision" ADD CONSTRAINT "post_revision_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "post_revision" ADD CONSTRAINT "post_revision_edited_by_id_fkey" FOREIGN KEY ("edited_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_revision" ADD CONSTRAINT "comment_revision_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_revision" ADD CONSTRAINT "comment_revision_edited_by_id_fkey" FOREIGN KEY ("edited_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "experience_report" ADD CONSTRAINT "experience_report_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "experience_report" ADD CONSTRAINT "experience_report_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "experience_report" ADD CONSTRAINT "experience_report_area_code_fkey" FOREIGN KEY ("area_code") REFERENCES "area"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_outcome" ADD CONSTRAINT "report_outcome_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "experience_report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flag" ADD CONSTRAINT "flag_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flag" ADD CONSTRAINT "flag_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flag" ADD CONSTRAINT "flag_flagger_id_fkey" FOREIGN KEY ("flagger_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flag" ADD CONSTRAINT "flag_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written below: what Prisma's schema language cannot express.

-- The audit log is append-only at the database level: no code path can rewrite history.
-- The body is an E'' string with \073 for each semicolon because Prisma's WebAssembly engine
-- (which the tests run against these migrations) splits scripts at every literal semicolon.
CREATE FUNCTION "moderation_action_append_only"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  RAISE EXCEPTION ''moderation_action is append-only: % is not allowed'', TG_OP
    USING ERRCODE = ''insufficient_privilege''\073
END
';

CREATE TRIGGER "moderation_action_append_only"
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "moderation_action"
  FOR EACH STATEMENT EXECUTE FUNCTION "moderation_action_append_only"();
