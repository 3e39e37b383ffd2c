ALTER TABLE "round_participation" ADD COLUMN "assessment_early_reveal_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rounds" ADD COLUMN "assessment_revealed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rounds" ADD COLUMN "assessment_reveal_reason" text;--> statement-breakpoint
-- Until now a self-assessment was revealed with its wheel round: keep what partners have already seen.
UPDATE "rounds" SET "assessment_revealed_at" = "revealed_at", "assessment_reveal_reason" = "reveal_reason" WHERE "revealed_at" IS NOT NULL;
