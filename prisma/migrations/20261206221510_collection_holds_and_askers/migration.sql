-- AlterTable
ALTER TABLE "collection" ADD COLUMN     "held" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "collection_item" ADD COLUMN     "asked_by_id" INTEGER;

-- CreateIndex
CREATE INDEX "collection_item_asked_by_id_idx" ON "collection_item"("asked_by_id");

-- AddForeignKey
ALTER TABLE "collection_item" ADD CONSTRAINT "collection_item_asked_by_id_fkey" FOREIGN KEY ("asked_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
