-- Precomputed statistics per unit (issue #10 item 7): the unsuppressed or suppressed figures of one
-- unit for one request (today, range, period kind, suppression), kept with the unit data version
-- they were computed at. A snapshot is used only while the unit's version is unchanged, so it is
-- exactly what a fresh computation would give; a region's answer then reads one row per unit.
-- Aggregates only (counts, medians, doctors' ids): no patient data.
CREATE TABLE "statistics_snapshot" (
	"unit_id" text NOT NULL,
	"request_key" text NOT NULL,
	"computed_for" date NOT NULL,
	"data_version" text NOT NULL,
	"figures" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "statistics_snapshot_pk" PRIMARY KEY("unit_id","request_key")
);
--> statement-breakpoint
ALTER TABLE "statistics_snapshot" ADD CONSTRAINT "statistics_snapshot_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
-- The statistics also read the unit's aktualisering decisions, the agenda items of its team
-- meetings (and whether a meeting is closed), its rehab plans, its listed population and its
-- settings (the gap between certificates): each moves the unit's data version too (the unit list
-- cache only recomputes once more).
CREATE TRIGGER aktualisering_decision_data_version_insert AFTER INSERT ON aktualisering_decision
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_data_version_bump();
--> statement-breakpoint
CREATE TRIGGER aktualisering_decision_data_version_update AFTER UPDATE ON aktualisering_decision
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION unit_data_version_bump();
--> statement-breakpoint
CREATE TRIGGER aktualisering_decision_data_version_delete AFTER DELETE ON aktualisering_decision
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_data_version_bump();
--> statement-breakpoint
CREATE TRIGGER aktualisering_decision_data_version_truncate AFTER TRUNCATE ON aktualisering_decision
  FOR EACH STATEMENT EXECUTE FUNCTION unit_data_version_bump_all();
--> statement-breakpoint
CREATE TRIGGER listed_population_data_version_insert AFTER INSERT ON listed_population
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_data_version_bump();
--> statement-breakpoint
CREATE TRIGGER listed_population_data_version_update AFTER UPDATE ON listed_population
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION unit_data_version_bump();
--> statement-breakpoint
CREATE TRIGGER listed_population_data_version_delete AFTER DELETE ON listed_population
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_data_version_bump();
--> statement-breakpoint
CREATE TRIGGER listed_population_data_version_truncate AFTER TRUNCATE ON listed_population
  FOR EACH STATEMENT EXECUTE FUNCTION unit_data_version_bump_all();
--> statement-breakpoint
CREATE TRIGGER team_agenda_item_data_version_insert AFTER INSERT ON team_agenda_item
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_data_version_bump();
--> statement-breakpoint
CREATE TRIGGER team_agenda_item_data_version_update AFTER UPDATE ON team_agenda_item
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION unit_data_version_bump();
--> statement-breakpoint
CREATE TRIGGER team_agenda_item_data_version_delete AFTER DELETE ON team_agenda_item
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_data_version_bump();
--> statement-breakpoint
CREATE TRIGGER team_agenda_item_data_version_truncate AFTER TRUNCATE ON team_agenda_item
  FOR EACH STATEMENT EXECUTE FUNCTION unit_data_version_bump_all();
--> statement-breakpoint
CREATE TRIGGER team_meeting_data_version_insert AFTER INSERT ON team_meeting
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_data_version_bump();
--> statement-breakpoint
CREATE TRIGGER team_meeting_data_version_update AFTER UPDATE ON team_meeting
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION unit_data_version_bump();
--> statement-breakpoint
CREATE TRIGGER team_meeting_data_version_delete AFTER DELETE ON team_meeting
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_data_version_bump();
--> statement-breakpoint
CREATE TRIGGER team_meeting_data_version_truncate AFTER TRUNCATE ON team_meeting
  FOR EACH STATEMENT EXECUTE FUNCTION unit_data_version_bump_all();
--> statement-breakpoint
CREATE TRIGGER rehab_plan_data_version_insert AFTER INSERT ON rehab_plan
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_data_version_bump();
--> statement-breakpoint
CREATE TRIGGER rehab_plan_data_version_update AFTER UPDATE ON rehab_plan
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION unit_data_version_bump();
--> statement-breakpoint
CREATE TRIGGER rehab_plan_data_version_delete AFTER DELETE ON rehab_plan
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_data_version_bump();
--> statement-breakpoint
CREATE TRIGGER rehab_plan_data_version_truncate AFTER TRUNCATE ON rehab_plan
  FOR EACH STATEMENT EXECUTE FUNCTION unit_data_version_bump_all();
--> statement-breakpoint
CREATE FUNCTION unit_settings_data_version_bump() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO unit_data_version (unit_id, version) VALUES (NEW.id, nextval('unit_data_version_seq'))
  ON CONFLICT (unit_id) DO UPDATE SET version = EXCLUDED.version;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER unit_settings_data_version AFTER UPDATE OF settings ON unit
  FOR EACH ROW WHEN (OLD.settings IS DISTINCT FROM NEW.settings)
  EXECUTE FUNCTION unit_settings_data_version_bump();
