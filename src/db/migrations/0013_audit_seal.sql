-- The audit chain moves out of the request path and gets a key the database never sees.
-- Requests only INSERT audit events (in the same transaction as the data: fail closed); no lock,
-- no chain head is touched, so a unit's requests no longer queue behind each other. A sealer in
-- the server (src/audit/sealer.ts) seals committed events in batches: it chains them per unit
-- with an HMAC whose key lives outside the database, stores the seals here (INSERT only) and
-- appends the chain heads to a MACed checkpoint file outside the database.
DROP TRIGGER audit_event_chain ON audit_event;
--> statement-breakpoint
DROP TRIGGER audit_chain_head_advance ON audit_event;
--> statement-breakpoint
DROP FUNCTION audit_event_chain();
--> statement-breakpoint
DROP FUNCTION audit_chain_head_advance();
--> statement-breakpoint
DROP FUNCTION audit_event_hash(audit_event);
--> statement-breakpoint
DROP FUNCTION audit_event_canonical(audit_event);
--> statement-breakpoint
DROP TABLE audit_chain_head;
--> statement-breakpoint
DROP INDEX audit_event_chain_idx;
--> statement-breakpoint
-- The unkeyed hashes go: every existing event is sealed again, with the key, by the first sealer run.
ALTER TABLE audit_event DROP COLUMN chain, DROP COLUMN chain_pos, DROP COLUMN prev_hash, DROP COLUMN hash;
--> statement-breakpoint
-- The inserting transaction: the sealer looks for new events only among transactions that may
-- have committed since its last run (a later-committing transaction can hold a lower seq).
ALTER TABLE audit_event ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id();
--> statement-breakpoint
CREATE INDEX audit_event_xid_idx ON audit_event (xid);
--> statement-breakpoint
CREATE TABLE audit_seal (
  seq bigint PRIMARY KEY,
  chain text NOT NULL,
  chain_pos bigint NOT NULL,
  hash bytea NOT NULL,
  key_id text NOT NULL,
  sealed_at timestamp with time zone NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE UNIQUE INDEX audit_seal_chain_pos_key ON audit_seal (chain, chain_pos);
--> statement-breakpoint
CREATE TRIGGER audit_seal_append_only BEFORE UPDATE OR DELETE ON audit_seal
  FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON audit_seal
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
