-- CreateEnum
CREATE TYPE "researcher_request_status" AS ENUM ('open', 'granted', 'declined');

-- CreateTable
CREATE TABLE "researcher_request" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "research" VARCHAR(1000) NOT NULL,
    "organisation" VARCHAR(120),
    "data_use" VARCHAR(1000) NOT NULL,
    "status" "researcher_request_status" NOT NULL DEFAULT 'open',
    "open_user_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" INTEGER,

    CONSTRAINT "researcher_request_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "researcher_request_open_user_id_key" ON "researcher_request"("open_user_id");

-- CreateIndex
CREATE INDEX "researcher_request_status_created_at_idx" ON "researcher_request"("status", "created_at");

-- CreateIndex
CREATE INDEX "researcher_request_user_id_idx" ON "researcher_request"("user_id");

-- AddForeignKey
ALTER TABLE "researcher_request" ADD CONSTRAINT "researcher_request_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "researcher_request" ADD CONSTRAINT "researcher_request_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
