/**
 * What a seal covers, shared by the sealer and `audit verify`: the event's canonical text (built
 * by SQL written here, not by a function stored in the database that an owner could replace) and
 * the HMAC that chains it to the previous seal of its unit.
 */
import { createHmac } from "node:crypto";
import { sql } from "drizzle-orm";

/** Every field of the event, separated by U+001F; `e` is the audit_event alias. */
export const canonicalEvent = sql.raw(`concat_ws(E'\\x1f',
  e.seq::text, extract(epoch FROM e.at)::text,
  coalesce(e.user_id::text, ''), coalesce(e.assignment_id::text, ''), coalesce(e.role, ''),
  coalesce(e.unit_id, ''), coalesce(e.patient_id::text, ''), e.action, e.purpose,
  coalesce(e.entity, ''), coalesce(e.entity_id, ''), e.details::text)`);

/** The chain an event belongs to: its unit, or "-" for events without one. */
export const eventChain = sql.raw(`coalesce(e.unit_id, '-')`);

/** HMAC-SHA256(key, previous hash ‖ chain ␟ position ␟ event), hex. The first seal's previous hash is empty. */
export function sealHash(
  secret: Buffer,
  previousHex: string,
  chain: string,
  position: number,
  canonical: string,
): string {
  return createHmac("sha256", secret)
    .update(Buffer.from(previousHex, "hex"))
    .update(`${chain}\u001f${position}\u001f${canonical}`, "utf8")
    .digest("hex");
}
