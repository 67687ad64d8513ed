-- The rehabkoordinator's status per case of the unit list (issue #12 item 1): ej kontaktad,
-- kontaktad, aktiv, avslutad. Append-only: each change is a new row with the next `version` of its
-- case (who and when kept; a stale write answers 409, the unique key stops concurrent ones). A row
-- is linked to a certificate of the case so it follows the case when the start moves
-- (src/cases/case-link.ts). The unit list shows the status, so a change moves the unit's data
-- version (the list cache of migration 0010).
CREATE TABLE "coordinator_case_status" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"patient_id" uuid NOT NULL,
	"case_start" date NOT NULL,
	"case_certificate_id" uuid,
	"status" text NOT NULL,
	"version" integer NOT NULL,
	"set_by" uuid NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "coordinator_case_status" ADD CONSTRAINT "coordinator_case_status_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "coordinator_case_status" ADD CONSTRAINT "coordinator_case_status_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "coordinator_case_status" ADD CONSTRAINT "coordinator_case_status_case_certificate_id_fk" FOREIGN KEY ("case_certificate_id") REFERENCES "public"."certificate"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "coordinator_case_status" ADD CONSTRAINT "coordinator_case_status_set_by_fk" FOREIGN KEY ("set_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "coordinator_case_status_version_key" ON "coordinator_case_status" USING btree ("unit_id","patient_id","case_start","version");
--> statement-breakpoint
CREATE TRIGGER coordinator_case_status_data_version_insert AFTER INSERT ON coordinator_case_status
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_data_version_bump();
--> statement-breakpoint
CREATE TRIGGER coordinator_case_status_data_version_update AFTER UPDATE ON coordinator_case_status
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION unit_data_version_bump();
--> statement-breakpoint
CREATE TRIGGER coordinator_case_status_data_version_delete AFTER DELETE ON coordinator_case_status
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_data_version_bump();
--> statement-breakpoint
CREATE TRIGGER coordinator_case_status_data_version_truncate AFTER TRUNCATE ON coordinator_case_status
  FOR EACH STATEMENT EXECUTE FUNCTION unit_data_version_bump_all();
