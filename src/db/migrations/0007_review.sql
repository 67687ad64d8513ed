-- Genomgång av pågående sjukskrivningar (PRODUCT §5.7): handovers of a doctor's cases to another
-- doctor during a long absence (överlämning), and the marks of a review session ("återbesök bokat",
-- "förlängning ej aktuell"). Both keep their history: a handover ended early keeps its planned end,
-- a new mark supersedes the previous one of the case. Written by hand (PostgreSQL 15 and PGlite).
CREATE TABLE "handover" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"from_doctor_id" uuid NOT NULL,
	"to_doctor_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"ended_on" date,
	"ended_by" uuid,
	"ended_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "handover_doctors_check" CHECK ("from_doctor_id" <> "to_doctor_id"),
	CONSTRAINT "handover_period_check" CHECK ("end_date" >= "start_date"),
	CONSTRAINT "handover_ended_check" CHECK (
		"ended_on" IS NULL OR ("ended_on" >= "start_date" - 1 AND "ended_on" < "end_date")
	)
);
--> statement-breakpoint
CREATE TABLE "review_mark" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"patient_id" uuid NOT NULL,
	"case_start" date NOT NULL,
	"case_end" date NOT NULL,
	"anchor_certificate_id" uuid NOT NULL,
	"doctor_id" uuid,
	"mark" text NOT NULL,
	"visit_date" date,
	"note" text DEFAULT '' NOT NULL,
	"task_id" uuid,
	"marked_by" uuid NOT NULL,
	"supersedes_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_mark_mark_check" CHECK ("mark" IN ('ATERBESOK_BOKAT', 'FORLANGNING_EJ_AKTUELL')),
	CONSTRAINT "review_mark_reason_check" CHECK ("mark" <> 'FORLANGNING_EJ_AKTUELL' OR btrim("note") <> ''),
	CONSTRAINT "review_mark_visit_check" CHECK ("mark" = 'ATERBESOK_BOKAT' OR "visit_date" IS NULL)
);
--> statement-breakpoint
ALTER TABLE "handover" ADD CONSTRAINT "handover_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover" ADD CONSTRAINT "handover_from_doctor_id_app_user_id_fk" FOREIGN KEY ("from_doctor_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover" ADD CONSTRAINT "handover_to_doctor_id_app_user_id_fk" FOREIGN KEY ("to_doctor_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover" ADD CONSTRAINT "handover_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover" ADD CONSTRAINT "handover_ended_by_app_user_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_mark" ADD CONSTRAINT "review_mark_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_mark" ADD CONSTRAINT "review_mark_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_mark" ADD CONSTRAINT "review_mark_anchor_certificate_id_certificate_id_fk" FOREIGN KEY ("anchor_certificate_id") REFERENCES "public"."certificate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_mark" ADD CONSTRAINT "review_mark_doctor_id_app_user_id_fk" FOREIGN KEY ("doctor_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_mark" ADD CONSTRAINT "review_mark_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_mark" ADD CONSTRAINT "review_mark_marked_by_app_user_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "handover_unit_from_idx" ON "handover" USING btree ("unit_id","from_doctor_id","start_date");--> statement-breakpoint
CREATE INDEX "handover_unit_to_idx" ON "handover" USING btree ("unit_id","to_doctor_id","start_date");--> statement-breakpoint
CREATE INDEX "review_mark_unit_patient_idx" ON "review_mark" USING btree ("unit_id","patient_id","case_start","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "review_mark_supersedes_key" ON "review_mark" USING btree ("unit_id","supersedes_id") WHERE "supersedes_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "review_mark_first_key" ON "review_mark" USING btree ("unit_id","patient_id","case_start") WHERE "supersedes_id" IS NULL;
