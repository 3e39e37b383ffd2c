CREATE TABLE "assessment_answers" (
	"round_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"value" smallint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_answers_round_id_organisation_id_item_id_pk" PRIMARY KEY("round_id","organisation_id","item_id"),
	CONSTRAINT "assessment_answers_value_range" CHECK ("assessment_answers"."value" is null or "assessment_answers"."value" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "impact_ambitions" (
	"round_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"level" text NOT NULL,
	"text" text,
	"priority" smallint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "impact_ambitions_round_id_organisation_id_level_pk" PRIMARY KEY("round_id","organisation_id","level"),
	CONSTRAINT "impact_ambitions_priority_range" CHECK ("impact_ambitions"."priority" is null or "impact_ambitions"."priority" between 1 and 3)
);
--> statement-breakpoint
ALTER TABLE "round_participation" ADD COLUMN "assessment_submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "round_participation" ADD COLUMN "partnership_ambition" text;--> statement-breakpoint
ALTER TABLE "assessment_answers" ADD CONSTRAINT "assessment_answers_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_answers" ADD CONSTRAINT "assessment_answers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_ambitions" ADD CONSTRAINT "impact_ambitions_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_ambitions" ADD CONSTRAINT "impact_ambitions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;