-- Experience report ids are shown to their author (/reports/<id>/withdraw, the change link). Taken
-- from a sequence, two reports' ids told a member how many reports others gave in between, an
-- exact count the published figures are perturbed to hide. New reports get a random id from
-- random_row_id (the unlinkable_ids migration), as posts, replies and drafts do. Ids already given
-- were never shown, so they stay.
ALTER TABLE "experience_report" ALTER COLUMN "id" SET DEFAULT random_row_id('experience_report'::regclass);
DROP SEQUENCE "experience_report_id_seq";
