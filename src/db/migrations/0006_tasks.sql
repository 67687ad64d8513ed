-- Uppgift (PRODUCT §2): the unified work queue. Tasks are created by the daily task job from the
-- unit lists (checkpoints, aktualisering, certificates ending, kompletteringar, consent) and end as
-- done, not relevant (with a reason) or postponed (to a date) — never silently. The unique key makes
-- the job idempotent across runs and server processes. Written by hand (PostgreSQL 15 and PGlite).
CREATE TABLE "task" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"patient_id" uuid NOT NULL,
	"case_start" date NOT NULL,
	"kind" text NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"due_date" date NOT NULL,
	"responsible_user_id" uuid,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"reason" text,
	"postponed_to" date,
	"note" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_status_check" CHECK ("status" IN ('OPEN', 'DONE', 'NOT_RELEVANT', 'POSTPONED')),
	CONSTRAINT "task_reason_check" CHECK ("status" <> 'NOT_RELEVANT' OR coalesce(btrim("reason"), '') <> ''),
	CONSTRAINT "task_postponed_check" CHECK ("status" <> 'POSTPONED' OR "postponed_to" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "task_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"task_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"event" text NOT NULL,
	"note" text,
	"date" date
);
--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_responsible_user_id_app_user_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_closed_by_app_user_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_event" ADD CONSTRAINT "task_event_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_event" ADD CONSTRAINT "task_event_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_event" ADD CONSTRAINT "task_event_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "task_key" ON "task" USING btree ("unit_id","patient_id","case_start","kind","subject");--> statement-breakpoint
CREATE INDEX "task_unit_status_due_idx" ON "task" USING btree ("unit_id","status","due_date");--> statement-breakpoint
CREATE INDEX "task_unit_responsible_idx" ON "task" USING btree ("unit_id","responsible_user_id","status");--> statement-breakpoint
CREATE INDEX "task_event_task_idx" ON "task_event" USING btree ("unit_id","task_id","at");--> statement-breakpoint
-- The unit list reads the unit's engine certificates by end date (signed, sent, revoked).
CREATE INDEX "certificate_unit_engine_end_idx" ON "certificate" USING btree ("unit_id","end_date","patient_id") WHERE "status" IN ('SIGNERAT', 'SKICKAT', 'MAKULERAT');
