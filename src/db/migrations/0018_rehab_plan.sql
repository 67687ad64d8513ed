-- Rehabplan (plan för återgång i arbete, PRODUCT §2, §5.6; issue #9 item 2): one plan per patient
-- and sjukfall on a unit, its content (goal, purpose, planned end, actions with responsible and
-- follow-up date, the patient's own words) as JSON validated by src/rehabplan/rules.ts. Every save
-- is a new row of rehab_plan_version (append-only); rehab_plan holds the current state and the
-- version number for optimistic concurrency. patient_handout records that the sick-leave brochure
-- or the patient's version of the plan was handed out (append-only).
CREATE TABLE "rehab_plan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"patient_id" uuid NOT NULL,
	"case_start" date NOT NULL,
	"status" text DEFAULT 'UTKAST' NOT NULL,
	"content" jsonb NOT NULL,
	"anchored_date" date,
	"anchored_method" text,
	"anchored_by" uuid,
	"anchored_version" integer,
	"created_by" uuid NOT NULL,
	"saved_by" uuid NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rehab_plan_status_check" CHECK ("status" IN ('UTKAST', 'FASTSTALLD', 'AVSLUTAD')),
	CONSTRAINT "rehab_plan_anchored_method_check" CHECK ("anchored_method" IS NULL OR "anchored_method" IN ('BESOK', 'TELEFON', 'VIDEO'))
);
--> statement-breakpoint
CREATE TABLE "rehab_plan_version" (
	"unit_id" text NOT NULL,
	"plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"event" text NOT NULL,
	"status" text NOT NULL,
	"content" jsonb NOT NULL,
	"anchored_date" date,
	"anchored_method" text,
	"anchored_by" uuid,
	"saved_by" uuid NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rehab_plan_version_pk" PRIMARY KEY("unit_id","plan_id","version"),
	CONSTRAINT "rehab_plan_version_event_check" CHECK ("event" IN ('SKAPAD', 'SPARAD', 'ATGARD_TILLAGD', 'FASTSTALLD', 'AVSLUTAD'))
);
--> statement-breakpoint
CREATE TABLE "patient_handout" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"patient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"plan_id" uuid,
	"plan_version" integer,
	"handed_date" date NOT NULL,
	"handed_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patient_handout_kind_check" CHECK ("kind" IN ('BROSCHYR', 'PLAN')),
	CONSTRAINT "patient_handout_plan_check" CHECK (("kind" = 'PLAN') = ("plan_id" IS NOT NULL AND "plan_version" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "rehab_plan" ADD CONSTRAINT "rehab_plan_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rehab_plan" ADD CONSTRAINT "rehab_plan_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rehab_plan" ADD CONSTRAINT "rehab_plan_anchored_by_app_user_id_fk" FOREIGN KEY ("anchored_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rehab_plan" ADD CONSTRAINT "rehab_plan_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rehab_plan" ADD CONSTRAINT "rehab_plan_saved_by_app_user_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rehab_plan_version" ADD CONSTRAINT "rehab_plan_version_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rehab_plan_version" ADD CONSTRAINT "rehab_plan_version_plan_id_rehab_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."rehab_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rehab_plan_version" ADD CONSTRAINT "rehab_plan_version_anchored_by_app_user_id_fk" FOREIGN KEY ("anchored_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rehab_plan_version" ADD CONSTRAINT "rehab_plan_version_saved_by_app_user_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_handout" ADD CONSTRAINT "patient_handout_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_handout" ADD CONSTRAINT "patient_handout_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_handout" ADD CONSTRAINT "patient_handout_plan_id_rehab_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."rehab_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_handout" ADD CONSTRAINT "patient_handout_handed_by_app_user_id_fk" FOREIGN KEY ("handed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rehab_plan_case_key" ON "rehab_plan" USING btree ("unit_id","patient_id","case_start");--> statement-breakpoint
CREATE INDEX "rehab_plan_unit_status_idx" ON "rehab_plan" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "patient_handout_unit_patient_idx" ON "patient_handout" USING btree ("unit_id","patient_id","handed_date");
--> statement-breakpoint
CREATE TRIGGER rehab_plan_version_append_only BEFORE UPDATE OR DELETE ON rehab_plan_version
  FOR EACH ROW EXECUTE FUNCTION coordination_refuse_change();
--> statement-breakpoint
CREATE TRIGGER patient_handout_append_only BEFORE UPDATE OR DELETE ON patient_handout
  FOR EACH ROW EXECUTE FUNCTION coordination_refuse_change();
--> statement-breakpoint
CREATE TRIGGER rehab_plan_no_delete BEFORE DELETE ON rehab_plan
  FOR EACH ROW EXECUTE FUNCTION coordination_refuse_change();
