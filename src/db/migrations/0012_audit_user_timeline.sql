-- The incident timeline of one user (src/audit/timeline.ts) reads audit events by user and time;
-- a patient's timeline already has audit_event_unit_patient_idx (unit_id, patient_id, at).
CREATE INDEX IF NOT EXISTS "audit_event_user_at_idx" ON "audit_event" ("user_id", "at");
