ALTER TABLE "cohort_snapshot_respondents" ADD COLUMN "period" integer;--> statement-breakpoint
ALTER TABLE "cohort_snapshot_respondents" ADD COLUMN "latest" boolean;--> statement-breakpoint
ALTER TABLE "cohort_snapshot_respondents" ADD COLUMN "latest_in_period" boolean;--> statement-breakpoint
-- Earlier snapshots counted every assessment: each was in the total, in the year it was revealed.
UPDATE "cohort_snapshot_respondents" sr SET
  "period" = coalesce(
    (SELECT extract(year FROM r."assessment_revealed_at")::int FROM "rounds" r WHERE r."id" = sr."round_id"),
    (SELECT extract(year FROM s."published_at")::int FROM "cohort_snapshots" s WHERE s."id" = sr."snapshot_id")),
  "latest" = true,
  "latest_in_period" = true;--> statement-breakpoint
ALTER TABLE "cohort_snapshot_respondents" ALTER COLUMN "period" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cohort_snapshot_respondents" ALTER COLUMN "latest" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cohort_snapshot_respondents" ALTER COLUMN "latest_in_period" SET NOT NULL;--> statement-breakpoint
-- Cells filtered by a collaboration's own round number no longer exist (decision 0013): keep the unfiltered ones.
UPDATE "cohort_snapshots" SET "figures" = (
  SELECT coalesce(jsonb_object_agg(key, value), '{}'::jsonb) FROM jsonb_each("figures") WHERE key LIKE '%|*');
