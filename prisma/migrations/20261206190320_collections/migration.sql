-- Collections of published stories (docs/collections.md): a titled collection with an introduction,
-- and its stories, each with its author's answer to being included (asked, agreed, declined).

-- CreateEnum
CREATE TYPE "collection_status" AS ENUM ('draft', 'published');

-- CreateEnum
CREATE TYPE "collection_consent" AS ENUM ('asked', 'agreed', 'declined');

-- CreateTable
CREATE TABLE "collection" (
    "id" INTEGER NOT NULL DEFAULT random_row_id('collection'::regclass),
    "slug" VARCHAR(80) NOT NULL,
    "title" VARCHAR(120) NOT NULL,
    "intro_markdown" TEXT NOT NULL,
    "intro_html" TEXT NOT NULL,
    "status" "collection_status" NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "collection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "collection_item" (
    "collection_id" INTEGER NOT NULL,
    "post_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "consent" "collection_consent" NOT NULL DEFAULT 'asked',

    CONSTRAINT "collection_item_pkey" PRIMARY KEY ("collection_id","post_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "collection_slug_key" ON "collection"("slug");

-- CreateIndex
CREATE INDEX "collection_status_published_at_idx" ON "collection"("status", "published_at" DESC);

-- CreateIndex
CREATE INDEX "collection_item_post_id_idx" ON "collection_item"("post_id");

-- AddForeignKey
ALTER TABLE "collection" ADD CONSTRAINT "collection_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "collection_item" ADD CONSTRAINT "collection_item_collection_id_fkey" FOREIGN KEY ("collection_id") REFERENCES "collection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "collection_item" ADD CONSTRAINT "collection_item_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE CASCADE ON UPDATE CASCADE;
