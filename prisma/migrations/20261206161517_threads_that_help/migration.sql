-- AlterTable
ALTER TABLE "post" ADD COLUMN     "answer_comment_id" INTEGER;

-- CreateTable
CREATE TABLE "comment_helpful" (
    "comment_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,

    CONSTRAINT "comment_helpful_pkey" PRIMARY KEY ("comment_id","user_id")
);

-- CreateIndex
CREATE INDEX "comment_helpful_user_id_idx" ON "comment_helpful"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "post_answer_comment_id_key" ON "post"("answer_comment_id");

-- AddForeignKey
ALTER TABLE "post" ADD CONSTRAINT "post_answer_comment_id_fkey" FOREIGN KEY ("answer_comment_id") REFERENCES "comment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_helpful" ADD CONSTRAINT "comment_helpful_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_helpful" ADD CONSTRAINT "comment_helpful_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
