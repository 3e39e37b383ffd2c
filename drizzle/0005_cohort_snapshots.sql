CREATE TABLE "cohort_snapshot_respondents" (
	"snapshot_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"organisation_type" text NOT NULL,
	"round_number" integer NOT NULL,
	"answered" integer NOT NULL,
	"known" boolean NOT NULL,
	CONSTRAINT "cohort_snapshot_respondents_snapshot_id_round_id_organisation_id_pk" PRIMARY KEY("snapshot_id","round_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "cohort_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"figures" jsonb NOT NULL,
	CONSTRAINT "cohort_snapshots_number" UNIQUE("programme_id","number")
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "cohort_snapshot_respondents" ADD CONSTRAINT "cohort_snapshot_respondents_snapshot_id_cohort_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."cohort_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_snapshots" ADD CONSTRAINT "cohort_snapshots_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_snapshots" ADD CONSTRAINT "cohort_snapshots_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cohort_snapshot_respondents_org_idx" ON "cohort_snapshot_respondents" USING btree ("organisation_id");--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;