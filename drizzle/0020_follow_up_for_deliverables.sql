ALTER TABLE "actions" ALTER COLUMN "topic_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "agreements" ALTER COLUMN "topic_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "deliverable_id" text;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "deliverable_id" text;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_topic_or_deliverable" CHECK (("actions"."topic_id" is null) <> ("actions"."deliverable_id" is null));--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_topic_or_deliverable" CHECK (("agreements"."topic_id" is null) <> ("agreements"."deliverable_id" is null));