ALTER TABLE "round_participation" ADD COLUMN "assessment_values" smallint[];--> statement-breakpoint
CREATE INDEX "assessment_answers_org_idx" ON "assessment_answers" USING btree ("organisation_id","round_id");--> statement-breakpoint
CREATE INDEX "round_participation_org_idx" ON "round_participation" USING btree ("organisation_id");