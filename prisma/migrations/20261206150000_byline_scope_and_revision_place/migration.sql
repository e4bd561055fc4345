-- CreateEnum
CREATE TYPE "byline_scope" AS ENUM ('council', 'region', 'nation');

-- AlterTable
ALTER TABLE "post" ADD COLUMN     "byline_scope" "byline_scope" NOT NULL DEFAULT 'council';

-- AlterTable
ALTER TABLE "post_revision" ADD COLUMN     "area_code" VARCHAR(9),
ADD COLUMN     "byline_scope" "byline_scope",
ADD COLUMN     "display_mode" "display_mode",
ADD COLUMN     "tag_slugs" TEXT[] DEFAULT ARRAY[]::TEXT[];
