-- The multimodal team (issue #9 items 1 and 6): each unit's standing members and recurring meeting
-- times, its meetings with participants and attendance, the agenda of patients (TEAM consent on
-- the meeting date), minutes per agenda item in dated versions, and decisions that become tasks or
-- plan actions and may be followed up in a samverkansmöte. Written by hand (PostgreSQL 15 and PGlite).
CREATE TABLE "team" (
	"unit_id" text PRIMARY KEY NOT NULL,
	"meeting_times" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_member" (
	"unit_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"profession" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_member_pk" PRIMARY KEY("unit_id","user_id"),
	CONSTRAINT "team_member_profession_check" CHECK ("profession" IN ('LAKARE', 'REHABKOORDINATOR', 'FYSIOTERAPEUT', 'PSYKOLOG_KURATOR', 'ARBETSTERAPEUT', 'SJUKSKOTERSKA'))
);
--> statement-breakpoint
CREATE TABLE "team_meeting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"meeting_date" date NOT NULL,
	"start_time" text NOT NULL,
	"status" text DEFAULT 'PLANERAT' NOT NULL,
	"participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_meeting_status_check" CHECK ("status" IN ('PLANERAT', 'AVSLUTAT')),
	CONSTRAINT "team_meeting_start_time_check" CHECK ("start_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
);
--> statement-breakpoint
CREATE TABLE "team_agenda_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"meeting_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"case_start" date NOT NULL,
	"position" integer NOT NULL,
	"source" text NOT NULL,
	"decision_id" uuid,
	"added_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_agenda_item_source_check" CHECK ("source" IN ('AKTUALISERING', 'MANUELL'))
);
--> statement-breakpoint
CREATE TABLE "team_minutes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"item_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"text" text NOT NULL,
	"correction_reason" text,
	"written_by" uuid NOT NULL,
	"written_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_decision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"meeting_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"text" text NOT NULL,
	"outcome" text NOT NULL,
	"responsible_user_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"task_id" uuid,
	"plan_action_id" uuid,
	"samverkan_meeting_id" uuid,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_decision_outcome_check" CHECK ("outcome" IN ('UPPGIFT', 'PLANATGARD'))
);
--> statement-breakpoint
ALTER TABLE "team" ADD CONSTRAINT "team_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "team" ADD CONSTRAINT "team_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "team_member" ADD CONSTRAINT "team_member_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "team_member" ADD CONSTRAINT "team_member_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "team_meeting" ADD CONSTRAINT "team_meeting_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "team_meeting" ADD CONSTRAINT "team_meeting_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "team_meeting" ADD CONSTRAINT "team_meeting_closed_by_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "team_agenda_item" ADD CONSTRAINT "team_agenda_item_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "team_agenda_item" ADD CONSTRAINT "team_agenda_item_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."team_meeting"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "team_agenda_item" ADD CONSTRAINT "team_agenda_item_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "team_agenda_item" ADD CONSTRAINT "team_agenda_item_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."aktualisering_decision"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "team_agenda_item" ADD CONSTRAINT "team_agenda_item_added_by_fk" FOREIGN KEY ("added_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "team_minutes" ADD CONSTRAINT "team_minutes_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "team_minutes" ADD CONSTRAINT "team_minutes_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."team_agenda_item"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "team_minutes" ADD CONSTRAINT "team_minutes_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "team_minutes" ADD CONSTRAINT "team_minutes_written_by_fk" FOREIGN KEY ("written_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "team_decision" ADD CONSTRAINT "team_decision_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "team_decision" ADD CONSTRAINT "team_decision_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."team_meeting"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "team_decision" ADD CONSTRAINT "team_decision_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."team_agenda_item"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "team_decision" ADD CONSTRAINT "team_decision_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "team_decision" ADD CONSTRAINT "team_decision_responsible_user_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "team_decision" ADD CONSTRAINT "team_decision_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "team_decision" ADD CONSTRAINT "team_decision_samverkan_meeting_id_fk" FOREIGN KEY ("samverkan_meeting_id") REFERENCES "public"."coordination_meeting"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "team_decision" ADD CONSTRAINT "team_decision_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "team_meeting_unit_date_idx" ON "team_meeting" USING btree ("unit_id","meeting_date");
--> statement-breakpoint
CREATE UNIQUE INDEX "team_agenda_item_meeting_patient_key" ON "team_agenda_item" USING btree ("unit_id","meeting_id","patient_id");
--> statement-breakpoint
CREATE INDEX "team_agenda_item_decision_idx" ON "team_agenda_item" USING btree ("unit_id","decision_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "team_minutes_item_version_key" ON "team_minutes" USING btree ("unit_id","item_id","version");
--> statement-breakpoint
CREATE INDEX "team_decision_unit_meeting_idx" ON "team_decision" USING btree ("unit_id","meeting_id");
