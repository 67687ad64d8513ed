/**
 * The audit sealer. Requests only INSERT audit events; this seals what has committed, in batches:
 * each event gets the next position in its unit's chain and an HMAC over the previous seal and the
 * event, with the key from outside the database (src/audit/key.ts). After each batch the new chain
 * heads are appended to the checkpoint file (src/audit/checkpoint.ts).
 *
 * The chain order is the sealing order: a transaction that commits late is sealed after events
 * that committed before it, whatever their seq. Only one sealer works at a time (an advisory lock:
 * several server processes on one PostgreSQL server take turns); on PGlite there is one process.
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "../db/client.ts";
import { appendCheckpoint, type ChainHead } from "./checkpoint.ts";
import type { AuditKeyring } from "./key.ts";
import { canonicalEvent, eventChain, sealHash } from "./seal.ts";

export interface AuditSealing {
  keyring: AuditKeyring;
  checkpointFile: string;
}

export interface SealRound {
  /** False when another process holds the sealer lock. */
  ran: boolean;
  sealed: number;
  /** The batch was full: more events may be waiting. */
  more: boolean;
  heads: ChainHead[];
  /** Where the next round may start looking (transaction ids below it have all ended). */
  fromXid: string;
}

const sealerLock = sql`hashtext('samsyn.audit.sealer')`;

/** Seals up to `batch` committed, unsealed events whose transaction id is at least `fromXid`. */
export async function sealRound(
  database: Database,
  sealing: AuditSealing,
  options: { fromXid?: string; batch?: number },
): Promise<SealRound> {
  const fromXid = options.fromXid ?? "0";
  const batch = options.batch ?? 5000;
  const key = sealing.keyring.current;
  const round = await database.db.transaction(async (tx) => {
    const [lock] = rowsOf<{ ok: boolean }>(
      await tx.execute(sql`SELECT pg_try_advisory_xact_lock(${sealerLock}) AS ok`),
    );
    if (!lock?.ok) return null;
    // One statement, one snapshot: the events it sees and the oldest transaction still running then.
    const rows = rowsOf<{ xmin: string; seq: string | null; chain: string | null; canonical: string | null }>(
      await tx.execute(sql`
        WITH snap AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin)
        SELECT snap.xmin, ev.seq, ev.chain, ev.canonical FROM snap LEFT JOIN LATERAL (
          SELECT e.seq, ${eventChain} AS chain, ${canonicalEvent} AS canonical
          FROM audit_event e
          WHERE e.xid >= ${fromXid}::xid8 AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.seq = e.seq)
          ORDER BY e.seq LIMIT ${batch}
        ) ev ON true`),
    );
    const xmin = rows[0]!.xmin;
    const events = rows.filter((r) => r.seq !== null);
    if (events.length === 0) return { sealed: 0, more: false, heads: [], fromXid: xmin };
    const chains = [...new Set(events.map((e) => e.chain!))];
    const heads = new Map<string, { position: number; hash: string }>();
    for (const head of rowsOf<{ chain: string; position: string | null; hash: string | null }>(
      await tx.execute(sql`
        SELECT c.chain, h.chain_pos AS position, encode(h.hash, 'hex') AS hash
        FROM jsonb_array_elements_text(${JSON.stringify(chains)}::jsonb) AS c(chain)
        LEFT JOIN LATERAL (
          SELECT s.chain_pos, s.hash FROM audit_seal s WHERE s.chain = c.chain ORDER BY s.chain_pos DESC LIMIT 1
        ) h ON true`),
    )) {
      heads.set(head.chain, { position: Number(head.position ?? 0), hash: head.hash ?? "" });
    }
    const seals = events.map((event) => {
      const head = heads.get(event.chain!)!;
      const position = head.position + 1;
      const hash = sealHash(key.secret, head.hash, event.chain!, position, event.canonical!);
      heads.set(event.chain!, { position, hash });
      return { seq: Number(event.seq), chain: event.chain!, position, hash };
    });
    await tx.execute(sql`
      INSERT INTO audit_seal (seq, chain, chain_pos, hash, key_id)
      SELECT (s ->> 'seq')::bigint, s ->> 'chain', (s ->> 'position')::bigint, decode(s ->> 'hash', 'hex'), ${key.id}
      FROM jsonb_array_elements(${JSON.stringify(seals)}::jsonb) AS s`);
    const last = new Map(seals.map((s) => [s.chain, s]));
    return {
      sealed: seals.length,
      more: seals.length === batch,
      heads: [...last.values()].map((s) => ({
        chain: s.chain,
        position: s.position,
        seq: s.seq,
        hash: s.hash,
      })),
      // A full batch may have left events of older transactions: look from the same place again.
      fromXid: seals.length === batch ? fromXid : xmin,
    };
  });
  if (!round) return { ran: false, sealed: 0, more: false, heads: [], fromXid };
  return { ran: true, ...round };
}

export interface SealAllResult {
  sealed: number;
  ran: boolean;
  fromXid: string;
  /** The new head of every chain that moved. */
  heads: ChainHead[];
}

/**
 * Seals until nothing committed is left (or another process holds the lock). The caller writes
 * the heads to the checkpoint file (after the commit: a checkpoint never names a head the
 * database does not have).
 */
export async function sealAll(
  database: Database,
  sealing: AuditSealing,
  options: { fromXid?: string; batch?: number } = {},
): Promise<SealAllResult> {
  let fromXid = options.fromXid ?? "0";
  let sealed = 0;
  const heads = new Map<string, ChainHead>();
  const result = (ran: boolean) => ({ sealed, ran, fromXid, heads: [...heads.values()] });
  for (;;) {
    const round = await sealRound(database, sealing, {
      fromXid,
      ...(options.batch ? { batch: options.batch } : {}),
    });
    if (!round.ran) return result(sealed > 0);
    sealed += round.sealed;
    for (const head of round.heads) heads.set(head.chain, head);
    fromXid = round.fromXid;
    if (!round.more) return result(true);
  }
}

/** Seals everything and checkpoints the heads at once (`samsyn audit seal`, tests). */
export async function sealAndCheckpoint(
  database: Database,
  sealing: AuditSealing,
  at: string,
): Promise<SealAllResult> {
  const result = await sealAll(database, sealing);
  if (result.heads.length > 0) appendCheckpoint(sealing.checkpointFile, sealing.keyring, result.heads, at);
  return result;
}
