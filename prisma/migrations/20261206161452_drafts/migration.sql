-- CreateEnum
CREATE TYPE "draft_kind" AS ENUM ('story', 'reply', 'report');

-- CreateTable
CREATE TABLE "draft" (
    "id" INTEGER NOT NULL DEFAULT random_row_id('draft'::regclass),
    "user_id" INTEGER NOT NULL,
    "kind" "draft_kind" NOT NULL,
    "post_id" INTEGER,
    "fields" JSONB NOT NULL,
    "label" VARCHAR(120) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "draft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "draft_user_id_updated_at_idx" ON "draft"("user_id", "updated_at" DESC);

-- AddForeignKey
ALTER TABLE "draft" ADD CONSTRAINT "draft_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "draft" ADD CONSTRAINT "draft_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE CASCADE ON UPDATE CASCADE;
