-- Rate-limit counts are written on every anonymous API call, every sign-in attempt and every write
-- (decision 051). They are worth nothing after a crash. An unlogged table skips the write-ahead log,
-- so counting an attempt no longer waits for the log to reach the disk. After a crash PostgreSQL
-- empties it (every window starts again), while a clean restart keeps it. The Prisma schema has no way
-- to say this, so only this migration does.
ALTER TABLE "rate_limit" SET UNLOGGED;
