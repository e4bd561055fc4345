-- AlterTable
ALTER TABLE "notification" ADD COLUMN     "post_id" INTEGER;

-- CreateTable
CREATE TABLE "thread_follow" (
    "user_id" INTEGER NOT NULL,
    "post_id" INTEGER NOT NULL,
    "following" BOOLEAN NOT NULL DEFAULT true,
    "muted" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "thread_follow_pkey" PRIMARY KEY ("user_id","post_id")
);

-- CreateTable
CREATE TABLE "thread_read" (
    "user_id" INTEGER NOT NULL,
    "post_id" INTEGER NOT NULL,
    "seen_up_to" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "thread_read_pkey" PRIMARY KEY ("user_id","post_id")
);

-- CreateTable
CREATE TABLE "tag_follow" (
    "user_id" INTEGER NOT NULL,
    "tag_id" INTEGER NOT NULL,

    CONSTRAINT "tag_follow_pkey" PRIMARY KEY ("user_id","tag_id")
);

-- CreateTable
CREATE TABLE "council_follow" (
    "user_id" INTEGER NOT NULL,
    "area_code" VARCHAR(9) NOT NULL,

    CONSTRAINT "council_follow_pkey" PRIMARY KEY ("user_id","area_code")
);

-- CreateTable
CREATE TABLE "saved_post" (
    "user_id" INTEGER NOT NULL,
    "post_id" INTEGER NOT NULL,

    CONSTRAINT "saved_post_pkey" PRIMARY KEY ("user_id","post_id")
);

-- CreateTable
CREATE TABLE "following_visit" (
    "user_id" INTEGER NOT NULL,
    "seen_up_to" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "following_visit_pkey" PRIMARY KEY ("user_id")
);

-- CreateIndex
CREATE INDEX "thread_follow_post_id_idx" ON "thread_follow"("post_id");

-- CreateIndex
CREATE INDEX "thread_read_post_id_idx" ON "thread_read"("post_id");

-- CreateIndex
CREATE INDEX "tag_follow_tag_id_idx" ON "tag_follow"("tag_id");

-- CreateIndex
CREATE INDEX "council_follow_area_code_idx" ON "council_follow"("area_code");

-- CreateIndex
CREATE INDEX "saved_post_post_id_idx" ON "saved_post"("post_id");

-- CreateIndex
CREATE INDEX "notification_post_id_idx" ON "notification"("post_id");

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "thread_follow" ADD CONSTRAINT "thread_follow_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "thread_follow" ADD CONSTRAINT "thread_follow_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "thread_read" ADD CONSTRAINT "thread_read_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "thread_read" ADD CONSTRAINT "thread_read_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tag_follow" ADD CONSTRAINT "tag_follow_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tag_follow" ADD CONSTRAINT "tag_follow_tag_id_fkey" FOREIGN KEY ("tag_id") REFERENCES "tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "council_follow" ADD CONSTRAINT "council_follow_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "council_follow" ADD CONSTRAINT "council_follow_area_code_fkey" FOREIGN KEY ("area_code") REFERENCES "area"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_post" ADD CONSTRAINT "saved_post_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_post" ADD CONSTRAINT "saved_post_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "following_visit" ADD CONSTRAINT "following_visit_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Notifications already sent about a thread learn which thread, from the link they carry.
UPDATE "notification" n SET "post_id" = p."id"
FROM "post" p
WHERE n."link" ~ '^/stories/[0-9]{1,10}([#?].*)?$'
  AND p."id"::text = substring(n."link" from '^/stories/([0-9]+)');
