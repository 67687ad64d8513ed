-- Audit events are append-only and hash-chained (PRODUCT §8). The chain is kept by the database
-- itself so that no code path can write an event without it.

CREATE FUNCTION audit_event_canonical(e audit_event) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT concat_ws(E'\x1f',
    e.chain, e.chain_pos::text, extract(epoch FROM e.at)::text,
    coalesce(e.user_id::text, ''), coalesce(e.assignment_id::text, ''), coalesce(e.role, ''),
    coalesce(e.unit_id, ''), coalesce(e.patient_id::text, ''), e.action, e.purpose,
    coalesce(e.entity, ''), coalesce(e.entity_id, ''), e.details::text)
$$;
--> statement-breakpoint
CREATE FUNCTION audit_event_hash(e audit_event) RETURNS bytea
LANGUAGE sql IMMUTABLE AS $$
  SELECT sha256(coalesce(e.prev_hash, ''::bytea) || convert_to(audit_event_canonical(e), 'UTF8'))
$$;
--> statement-breakpoint
CREATE FUNCTION audit_event_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  head audit_chain_head%ROWTYPE;
BEGIN
  NEW.chain := coalesce(NEW.unit_id, '-');
  -- Serialise writers of one chain; other chains (units) proceed in parallel.
  PERFORM pg_advisory_xact_lock(hashtext('samsyn.audit:' || NEW.chain));
  SELECT * INTO head FROM audit_chain_head WHERE chain = NEW.chain;
  NEW.chain_pos := coalesce(head.count, 0) + 1;
  NEW.prev_hash := coalesce(head.hash, ''::bytea);
  NEW.hash := audit_event_hash(NEW);
  INSERT INTO audit_chain_head (chain, seq, hash, count)
    VALUES (NEW.chain, NEW.seq, NEW.hash, NEW.chain_pos)
    ON CONFLICT (chain) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash, count = EXCLUDED.count;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_chain();
--> statement-breakpoint
CREATE FUNCTION audit_event_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_chain_head_no_delete BEFORE DELETE OR TRUNCATE ON audit_chain_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
