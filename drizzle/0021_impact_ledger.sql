CREATE TABLE "ledger_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaboration_id" uuid NOT NULL,
	"library_id" text,
	"label" text,
	"definition" text,
	"unit" text,
	"level" text,
	"direction" text,
	"kind" text,
	"baseline" double precision,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_indicators_library" UNIQUE("collaboration_id","library_id")
);
--> statement-breakpoint
CREATE TABLE "ledger_targets" (
	"indicator_id" uuid NOT NULL,
	"period" text NOT NULL,
	"target" double precision NOT NULL,
	CONSTRAINT "ledger_targets_indicator_id_period_pk" PRIMARY KEY("indicator_id","period")
);
--> statement-breakpoint
CREATE TABLE "ledger_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"period" text NOT NULL,
	"value" double precision NOT NULL,
	"source" text,
	"note" text,
	"entered_by" uuid,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "ledger_indicators" ADD CONSTRAINT "ledger_indicators_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_indicators" ADD CONSTRAINT "ledger_indicators_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_targets" ADD CONSTRAINT "ledger_targets_indicator_id_ledger_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."ledger_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_values" ADD CONSTRAINT "ledger_values_indicator_id_ledger_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."ledger_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_values" ADD CONSTRAINT "ledger_values_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_values" ADD CONSTRAINT "ledger_values_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_values_current" ON "ledger_values" USING btree ("indicator_id","organisation_id","period") WHERE superseded_at is null;--> statement-breakpoint
CREATE INDEX "ledger_values_indicator_idx" ON "ledger_values" USING btree ("indicator_id");