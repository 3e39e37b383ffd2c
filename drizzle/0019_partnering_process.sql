CREATE TABLE "process_check_answers" (
	"cycle_id" uuid NOT NULL,
	"moment" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"criterion_id" text NOT NULL,
	"rating" smallint,
	"note" text,
	CONSTRAINT "process_check_answers_cycle_id_moment_organisation_id_criterion_id_pk" PRIMARY KEY("cycle_id","moment","organisation_id","criterion_id")
);
--> statement-breakpoint
CREATE TABLE "process_check_participation" (
	"cycle_id" uuid NOT NULL,
	"moment" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone,
	"early_reveal_at" timestamp with time zone,
	CONSTRAINT "process_check_participation_cycle_id_moment_organisation_id_pk" PRIMARY KEY("cycle_id","moment","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "process_check_sets" (
	"cycle_id" uuid NOT NULL,
	"moment" text NOT NULL,
	"revealed_at" timestamp with time zone,
	"reveal_reason" text,
	CONSTRAINT "process_check_sets_cycle_id_moment_pk" PRIMARY KEY("cycle_id","moment")
);
--> statement-breakpoint
CREATE TABLE "process_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaboration_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"round_id" uuid,
	"decision" text,
	"decided_at" timestamp with time zone,
	CONSTRAINT "process_cycles_collaboration_number" UNIQUE("collaboration_id","number")
);
--> statement-breakpoint
CREATE TABLE "process_decision_votes" (
	"cycle_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"voted_by" uuid,
	"voted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "process_decision_votes_cycle_id_organisation_id_pk" PRIMARY KEY("cycle_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "process_deliverable_versions" (
	"cycle_id" uuid NOT NULL,
	"deliverable_id" text NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_by" uuid,
	"organisation_id" uuid,
	CONSTRAINT "process_deliverable_versions_cycle_id_deliverable_id_version_pk" PRIMARY KEY("cycle_id","deliverable_id","version")
);
--> statement-breakpoint
CREATE TABLE "process_deliverables" (
	"cycle_id" uuid NOT NULL,
	"deliverable_id" text NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "process_deliverables_cycle_id_deliverable_id_pk" PRIMARY KEY("cycle_id","deliverable_id")
);
--> statement-breakpoint
CREATE TABLE "process_measurements" (
	"cycle_id" uuid NOT NULL,
	"criterion_id" text NOT NULL,
	"value" double precision,
	"note" text,
	"measured_by" uuid,
	"measured_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "process_measurements_cycle_id_criterion_id_pk" PRIMARY KEY("cycle_id","criterion_id")
);
--> statement-breakpoint
CREATE TABLE "process_pilots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"title" text NOT NULL,
	"plan" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"participants" text,
	"results" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "process_sign_offs" (
	"cycle_id" uuid NOT NULL,
	"deliverable_id" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"signed_by" uuid,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "process_sign_offs_cycle_id_deliverable_id_organisation_id_pk" PRIMARY KEY("cycle_id","deliverable_id","organisation_id")
);
--> statement-breakpoint
ALTER TABLE "process_check_answers" ADD CONSTRAINT "process_check_answers_cycle_id_process_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."process_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_check_answers" ADD CONSTRAINT "process_check_answers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_check_participation" ADD CONSTRAINT "process_check_participation_cycle_id_process_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."process_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_check_participation" ADD CONSTRAINT "process_check_participation_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_check_sets" ADD CONSTRAINT "process_check_sets_cycle_id_process_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."process_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_cycles" ADD CONSTRAINT "process_cycles_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_cycles" ADD CONSTRAINT "process_cycles_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_decision_votes" ADD CONSTRAINT "process_decision_votes_cycle_id_process_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."process_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_decision_votes" ADD CONSTRAINT "process_decision_votes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_decision_votes" ADD CONSTRAINT "process_decision_votes_voted_by_users_id_fk" FOREIGN KEY ("voted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_deliverable_versions" ADD CONSTRAINT "process_deliverable_versions_cycle_id_process_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."process_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_deliverable_versions" ADD CONSTRAINT "process_deliverable_versions_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_deliverable_versions" ADD CONSTRAINT "process_deliverable_versions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_deliverables" ADD CONSTRAINT "process_deliverables_cycle_id_process_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."process_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_deliverables" ADD CONSTRAINT "process_deliverables_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_measurements" ADD CONSTRAINT "process_measurements_cycle_id_process_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."process_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_measurements" ADD CONSTRAINT "process_measurements_measured_by_users_id_fk" FOREIGN KEY ("measured_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_pilots" ADD CONSTRAINT "process_pilots_cycle_id_process_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."process_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_sign_offs" ADD CONSTRAINT "process_sign_offs_cycle_id_process_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."process_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_sign_offs" ADD CONSTRAINT "process_sign_offs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_sign_offs" ADD CONSTRAINT "process_sign_offs_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "process_pilots_cycle_idx" ON "process_pilots" USING btree ("cycle_id");