-- "Your options" (docs/options.md): two ways of arranging support members report that the
-- experience report could not record. The outcome summary's triggers and the outcome_fact view key
-- arrangements as 'arrangement:' || support_arrangement::text, so the new values need nothing else.
-- ADD VALUE may run inside the migration's transaction (PostgreSQL 12+) as long as nothing here uses
-- the new values.
ALTER TYPE "support_arrangement" ADD VALUE 'shared_lives';
ALTER TYPE "support_arrangement" ADD VALUE 'mixed';
