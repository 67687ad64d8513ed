-- The audit chain without a write per event to audit_chain_head: the first event of a chain in a
-- transaction takes the chain's lock (held to commit) and reads the head once; later events
-- continue from a transaction-local setting; one statement-level trigger then moves the head.
-- A list view or export of thousands of patients no longer rewrites the head row per event.

CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  setting text := 'samsyn.audit_head_' || md5(coalesce(NEW.unit_id, '-'));
  cached text;
  head_count bigint;
  head_hash bytea;
BEGIN
  NEW.chain := coalesce(NEW.unit_id, '-');
  cached := current_setting(setting, true);
  IF coalesce(cached, '') = '' THEN
    PERFORM pg_advisory_xact_lock(hashtext('samsyn.audit:' || NEW.chain));
    SELECT h.count, h.hash INTO head_count, head_hash FROM audit_chain_head h WHERE h.chain = NEW.chain;
  ELSE
    head_count := split_part(cached, ':', 1)::bigint;
    head_hash := decode(split_part(cached, ':', 2), 'hex');
  END IF;
  NEW.chain_pos := coalesce(head_count, 0) + 1;
  NEW.prev_hash := coalesce(head_hash, ''::bytea);
  NEW.hash := audit_event_hash(NEW);
  -- Local to the transaction (and undone with a rolled-back savepoint, like the rows themselves).
  PERFORM set_config(setting, NEW.chain_pos::text || ':' || encode(NEW.hash, 'hex'), true);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE FUNCTION audit_chain_head_advance() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit_chain_head (chain, seq, hash, count)
    SELECT DISTINCT ON (i.chain) i.chain, i.seq, i.hash, i.chain_pos
    FROM inserted i ORDER BY i.chain, i.chain_pos DESC
  ON CONFLICT (chain) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash, count = EXCLUDED.count;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_chain_head_advance AFTER INSERT ON audit_event
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_advance();
