-- Coordination under Lag (2019:1297): samtycke, kartläggande samtal, aktualisering decisions,
-- koordineringsinsatser and meetings with external parties. Written by hand (PostgreSQL 15 and PGlite).
CREATE TABLE "consent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"patient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"obtained_by" uuid NOT NULL,
	"obtained_date" date NOT NULL,
	"method" text NOT NULL,
	"scope" text NOT NULL,
	"valid_to" date NOT NULL,
	"withdrawn_date" date,
	"withdrawal_note" text,
	"withdrawn_by" uuid,
	"withdrawn_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consent_kind_check" CHECK ("kind" IN ('KOORDINERING', 'TEAM', 'INFO_FK')),
	CONSTRAINT "consent_method_check" CHECK ("method" IN ('MUNTLIGT', 'SKRIFTLIGT')),
	CONSTRAINT "consent_valid_to_check" CHECK ("valid_to" > "obtained_date"),
	CONSTRAINT "consent_withdrawn_check" CHECK ("withdrawn_date" IS NULL OR "withdrawn_date" >= "obtained_date")
);
--> statement-breakpoint
CREATE TABLE "kartlaggande_samtal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"patient_id" uuid NOT NULL,
	"case_start" date,
	"samtal_date" date NOT NULL,
	"held_by" uuid NOT NULL,
	"status" text DEFAULT 'UTKAST' NOT NULL,
	"work_situation" text DEFAULT '' NOT NULL,
	"health" text DEFAULT '' NOT NULL,
	"social_situation" text DEFAULT '' NOT NULL,
	"own_goals" text DEFAULT '' NOT NULL,
	"obstacles" text DEFAULT '' NOT NULL,
	"coordination_need" text DEFAULT '' NOT NULL,
	"outcome" text,
	"outcome_reason" text DEFAULT '' NOT NULL,
	"next_step" text DEFAULT '' NOT NULL,
	"next_step_date" date,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kartlaggande_samtal_status_check" CHECK ("status" IN ('UTKAST', 'KLAR')),
	CONSTRAINT "kartlaggande_samtal_outcome_check" CHECK (
		"outcome" IS NULL OR "outcome" IN ('AKTUALISERA_TEAM', 'KOORDINERA_UTAN_TEAM', 'INGEN_ATGARD', 'FORTSATT_KARTLAGGNING')
	)
);
--> statement-breakpoint
CREATE TABLE "aktualisering_decision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"patient_id" uuid NOT NULL,
	"case_start" date NOT NULL,
	"decision" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_date" date NOT NULL,
	"supersedes_id" uuid,
	"samtal_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aktualisering_decision_decision_check" CHECK (
		"decision" IN ('AKTUALISERA_TEAM', 'KOORDINERA_UTAN_TEAM', 'INGEN_ATGARD')
	)
);
--> statement-breakpoint
CREATE TABLE "coordination_measure" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"patient_id" uuid NOT NULL,
	"type" text NOT NULL,
	"measure_date" date NOT NULL,
	"performed_by" uuid NOT NULL,
	"counterpart" text,
	"counterpart_other" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coordination_measure_type_check" CHECK ("type" IN ('PERSONLIGT_STOD', 'INTERN_SAMORDNING', 'SAMVERKAN')),
	CONSTRAINT "coordination_measure_counterpart_check" CHECK (
		("type" = 'SAMVERKAN') = ("counterpart" IS NOT NULL)
		AND ("counterpart" IS NULL OR "counterpart" IN (
			'ARBETSGIVARE', 'FORSAKRINGSKASSAN', 'ARBETSFORMEDLINGEN', 'SOCIALTJANST', 'FORETAGSHALSOVARD', 'ANNAN'
		))
	)
);
--> statement-breakpoint
CREATE TABLE "coordination_meeting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"patient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"meeting_date" date NOT NULL,
	"participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"follow_up_date" date,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coordination_meeting_kind_check" CHECK ("kind" IN ('TREPARTSMOTE', 'AVSTAMNINGSMOTE'))
);
--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_obtained_by_app_user_id_fk" FOREIGN KEY ("obtained_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_withdrawn_by_app_user_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kartlaggande_samtal" ADD CONSTRAINT "kartlaggande_samtal_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kartlaggande_samtal" ADD CONSTRAINT "kartlaggande_samtal_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kartlaggande_samtal" ADD CONSTRAINT "kartlaggande_samtal_held_by_app_user_id_fk" FOREIGN KEY ("held_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kartlaggande_samtal" ADD CONSTRAINT "kartlaggande_samtal_completed_by_app_user_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aktualisering_decision" ADD CONSTRAINT "aktualisering_decision_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aktualisering_decision" ADD CONSTRAINT "aktualisering_decision_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aktualisering_decision" ADD CONSTRAINT "aktualisering_decision_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aktualisering_decision" ADD CONSTRAINT "aktualisering_decision_supersedes_id_fk" FOREIGN KEY ("supersedes_id") REFERENCES "public"."aktualisering_decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aktualisering_decision" ADD CONSTRAINT "aktualisering_decision_samtal_id_kartlaggande_samtal_id_fk" FOREIGN KEY ("samtal_id") REFERENCES "public"."kartlaggande_samtal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_measure" ADD CONSTRAINT "coordination_measure_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_measure" ADD CONSTRAINT "coordination_measure_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_measure" ADD CONSTRAINT "coordination_measure_performed_by_app_user_id_fk" FOREIGN KEY ("performed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_meeting" ADD CONSTRAINT "coordination_meeting_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_meeting" ADD CONSTRAINT "coordination_meeting_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_meeting" ADD CONSTRAINT "coordination_meeting_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_unit_patient_idx" ON "consent" USING btree ("unit_id","patient_id","kind");--> statement-breakpoint
CREATE INDEX "kartlaggande_samtal_unit_patient_idx" ON "kartlaggande_samtal" USING btree ("unit_id","patient_id");--> statement-breakpoint
CREATE INDEX "aktualisering_decision_unit_patient_idx" ON "aktualisering_decision" USING btree ("unit_id","patient_id","case_start");--> statement-breakpoint
CREATE UNIQUE INDEX "aktualisering_decision_supersedes_key" ON "aktualisering_decision" USING btree ("unit_id","supersedes_id") WHERE "supersedes_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "aktualisering_decision_first_key" ON "aktualisering_decision" USING btree ("unit_id","patient_id","case_start") WHERE "supersedes_id" IS NULL;--> statement-breakpoint
CREATE INDEX "coordination_measure_unit_patient_idx" ON "coordination_measure" USING btree ("unit_id","patient_id","measure_date");--> statement-breakpoint
CREATE INDEX "coordination_meeting_unit_patient_idx" ON "coordination_meeting" USING btree ("unit_id","patient_id","meeting_date");
--> statement-breakpoint
CREATE FUNCTION coordination_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% keeps its history: rows are never changed or deleted', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER aktualisering_decision_append_only BEFORE UPDATE OR DELETE ON aktualisering_decision
  FOR EACH ROW EXECUTE FUNCTION coordination_refuse_change();
--> statement-breakpoint
CREATE TRIGGER coordination_measure_append_only BEFORE UPDATE OR DELETE ON coordination_measure
  FOR EACH ROW EXECUTE FUNCTION coordination_refuse_change();
--> statement-breakpoint
CREATE TRIGGER coordination_meeting_append_only BEFORE UPDATE OR DELETE ON coordination_meeting
  FOR EACH ROW EXECUTE FUNCTION coordination_refuse_change();
--> statement-breakpoint
CREATE TRIGGER consent_no_delete BEFORE DELETE ON consent
  FOR EACH ROW EXECUTE FUNCTION coordination_refuse_change();
--> statement-breakpoint
CREATE TRIGGER kartlaggande_samtal_no_delete BEFORE DELETE ON kartlaggande_samtal
  FOR EACH ROW EXECUTE FUNCTION coordination_refuse_change();
--> statement-breakpoint
-- A consent's recorded facts never change; its withdrawal is added once and then stays.
CREATE FUNCTION consent_guard_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.withdrawn_date IS NOT NULL
    OR NEW.id IS DISTINCT FROM OLD.id
    OR NEW.unit_id IS DISTINCT FROM OLD.unit_id
    OR NEW.patient_id IS DISTINCT FROM OLD.patient_id
    OR NEW.kind IS DISTINCT FROM OLD.kind
    OR NEW.obtained_by IS DISTINCT FROM OLD.obtained_by
    OR NEW.obtained_date IS DISTINCT FROM OLD.obtained_date
    OR NEW.method IS DISTINCT FROM OLD.method
    OR NEW.scope IS DISTINCT FROM OLD.scope
    OR NEW.valid_to IS DISTINCT FROM OLD.valid_to
    OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
    RAISE EXCEPTION 'consent keeps its history: only a withdrawal may be added, once'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER consent_guard_update BEFORE UPDATE ON consent
  FOR EACH ROW EXECUTE FUNCTION consent_guard_update();
--> statement-breakpoint
-- A completed kartläggande samtal is read-only.
CREATE FUNCTION kartlaggande_samtal_guard_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'KLAR' THEN
    RAISE EXCEPTION 'a completed kartlaggande_samtal is read-only'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER kartlaggande_samtal_guard_update BEFORE UPDATE ON kartlaggande_samtal
  FOR EACH ROW EXECUTE FUNCTION kartlaggande_samtal_guard_update();
