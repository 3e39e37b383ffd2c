ALTER TABLE "collaborations" ADD COLUMN "next_conversation_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "collaborations" ADD COLUMN "next_conversation_place" text;--> statement-breakpoint
ALTER TABLE "collaborations" ADD COLUMN "next_conversation_link" text;--> statement-breakpoint
ALTER TABLE "collaborations" ADD COLUMN "round_cadence" text DEFAULT 'off' NOT NULL;