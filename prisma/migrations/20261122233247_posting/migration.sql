-- AlterTable
ALTER TABLE "post" ADD COLUMN     "submission_key" UUID;

-- AlterTable
ALTER TABLE "comment" ADD COLUMN     "submission_key" UUID;

-- AlterTable
ALTER TABLE "experience_report" ADD COLUMN     "submission_key" UUID;

-- CreateTable
CREATE TABLE "post_reaction" (
    "post_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "post_reaction_pkey" PRIMARY KEY ("post_id","user_id")
);

-- CreateIndex
CREATE INDEX "post_reaction_user_id_idx" ON "post_reaction"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "post_submission_key_key" ON "post"("submission_key");

-- CreateIndex
CREATE UNIQUE INDEX "comment_submission_key_key" ON "comment"("submission_key");

-- CreateIndex
CREATE UNIQUE INDEX "experience_report_submission_key_key" ON "experience_report"("submission_key");

-- AddForeignKey
ALTER TABLE "post_reaction" ADD CONSTRAINT "post_reaction_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "post_reaction" ADD CONSTRAINT "post_reaction_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
