-- CreateTable
CREATE TABLE "watched_word" (
    "id" SERIAL NOT NULL,
    "pattern" VARCHAR(100) NOT NULL,
    "action" VARCHAR(10) NOT NULL,
    "replacement" VARCHAR(100),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "watched_word_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "watched_word_pattern_key" ON "watched_word"("pattern");
