/**
 * Verifies the audit log (`samsyn audit verify`): every seal's HMAC must match its event and the
 * previous seal of its chain, positions must have no gaps, every seal must still have its event,
 * the chains must reach the heads checkpointed outside the database, and committed events must not
 * stay unsealed longer than the sealer's window.
 *
 * What is found: an edited event, even re-sealed by someone without the key (HASH_MISMATCH); a
 * deleted event (EVENT_DELETED, or POSITION_GAP when its seal went too); a cut tail, even with the
 * chain moved back (TAIL_CUT); a re-sealed chain (CHECKPOINT_MISMATCH); a forged checkpoint line.
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Queryable } from "../db/client.ts";
import { readCheckpoints, type ChainHead } from "./checkpoint.ts";
import type { AuditKeyring } from "./key.ts";
import { canonicalEvent, sealHash } from "./seal.ts";

export type AuditProblemKind =
  | "HASH_MISMATCH"
  | "EVENT_DELETED"
  | "POSITION_GAP"
  | "UNKNOWN_KEY"
  | "TAIL_CUT"
  | "CHECKPOINT_MISMATCH"
  | "UNSEALED"
  | "CHECKPOINT_MISSING"
  | "CHECKPOINT_UNREADABLE"
  | "CHECKPOINT_FORGED"
  | "CHECKPOINT_UNKNOWN_KEY";

export interface AuditProblem {
  chain: string | null;
  seq: number | null;
  position: number | null;
  problem: AuditProblemKind;
  detail?: string;
}

export interface AuditVerification {
  ok: boolean;
  events: number;
  sealed: number;
  chains: number;
  /** Committed events the sealer has not reached yet; older than the window they are problems. */
  unsealed: { count: number; oldestAt: string | null };
  checkpoint: { file: string; lines: number; chains: number };
  problems: AuditProblem[];
}

export interface VerifyOptions {
  keyring: AuditKeyring;
  checkpointFile: string;
  /**
   * Unsealed events older than this are reported (the sealer should have reached them). Measured on
   * the database's clock, which stamps the events, not on the application clock (SAMSYN_NOW).
   */
  maxUnsealedSeconds: number;
  /**
   * Older than what: the database's time now (a live log), or the newest event (a restored backup,
   * whose sealer stopped when the backup was taken).
   */
  staleRelativeTo?: "now" | "newest event";
  /** Report at most this many problems of each kind of check. */
  limit?: number;
}

interface SealRow {
  chain: string;
  position: string;
  seq: string;
  hash: string;
  key_id: string;
  canonical: string | null;
}

const page = 5000;

export async function verifyAuditLog(q: Queryable, options: VerifyOptions): Promise<AuditVerification> {
  const limit = options.limit ?? 1000;
  const problems: AuditProblem[] = [];
  const report = (problem: AuditProblem) => {
    if (problems.length < limit) problems.push(problem);
  };
  const lastOf = new Map<string, { position: number; hash: string }>();
  let sealed = 0;
  let chain: string | null = null;
  let expected = 1;
  let previous = "";
  // The previous seal failed its HMAC: its stored hash is not the one the next seal was made on.
  let previousBroken = false;
  let after: [string, number] | null = null;
  for (;;) {
    const rows: SealRow[] = rowsOf<SealRow>(
      await q.execute(sql`
        SELECT s.chain, s.chain_pos AS position, s.seq, encode(s.hash, 'hex') AS hash, s.key_id,
          CASE WHEN e.seq IS NULL THEN NULL ELSE ${canonicalEvent} END AS canonical
        FROM audit_seal s LEFT JOIN audit_event e ON e.seq = s.seq
        WHERE ${after ? sql`(s.chain, s.chain_pos) > (${after[0]}, ${after[1]}::bigint)` : sql`true`}
        ORDER BY s.chain, s.chain_pos LIMIT ${page}`),
    );
    for (const row of rows) {
      sealed++;
      const position = Number(row.position);
      const seq = Number(row.seq);
      if (row.chain !== chain) {
        chain = row.chain;
        expected = 1;
        previous = "";
        previousBroken = false;
      }
      const at = { chain: row.chain, seq, position };
      let broken = false;
      if (position !== expected) {
        report({ ...at, problem: "POSITION_GAP", detail: positionsMissing(expected, position - 1) });
      } else if (row.canonical === null) {
        report({ ...at, problem: "EVENT_DELETED" });
      } else {
        const key = options.keyring.byId.get(row.key_id);
        if (!key) report({ ...at, problem: "UNKNOWN_KEY", detail: `sealed with key ${row.key_id}` });
        else if (sealHash(key.secret, previous, row.chain, position, row.canonical) !== row.hash) {
          broken = true;
          // A seal re-made without the key breaks the link to the next one too: that is the same
          // problem, already named at the seal that was replaced.
          if (!previousBroken) report({ ...at, problem: "HASH_MISMATCH" });
        }
      }
      // The chain goes on from the seal as stored: one edited (or re-sealed) event is one problem.
      previousBroken = broken;
      previous = row.hash;
      expected = position + 1;
      lastOf.set(row.chain, { position, hash: row.hash });
    }
    if (rows.length < page) break;
    const last = rows.at(-1)!;
    after = [last.chain, Number(last.position)];
  }

  const checkpoints = readCheckpoints(options.checkpointFile, options.keyring);
  for (const problem of checkpoints.problems) {
    report({
      chain: null,
      seq: null,
      position: null,
      problem: problem.problem,
      detail: `line ${problem.line}`,
    });
  }
  if (!checkpoints.exists && sealed > 0) {
    report({
      chain: null,
      seq: null,
      position: null,
      problem: "CHECKPOINT_MISSING",
      detail: options.checkpointFile,
    });
  }
  for (const head of checkpoints.heads.values()) {
    const last = lastOf.get(head.chain);
    if (!last || last.position < head.position) {
      report({
        chain: head.chain,
        seq: head.seq,
        position: head.position,
        problem: "TAIL_CUT",
        detail: `${positionsMissing((last?.position ?? 0) + 1, head.position)} (checkpointed ${head.at})`,
      });
    }
  }
  for (const head of await resealedHeads(q, checkpoints.all)) {
    report({
      chain: head.chain,
      seq: head.seq,
      position: head.position,
      problem: "CHECKPOINT_MISMATCH",
      detail: `the chain was re-sealed from here or earlier (checkpointed ${head.at})`,
    });
  }

  const unsealed = await unsealedEvents(q, options, limit);
  for (const event of unsealed.stale) {
    report({
      chain: event.chain,
      seq: Number(event.seq),
      position: null,
      problem: "UNSEALED",
      detail: `logged ${event.at}`,
    });
  }
  const [totals] = rowsOf<{ events: string }>(
    await q.execute(sql`SELECT count(*) AS events FROM audit_event`),
  );
  return {
    ok: problems.length === 0,
    events: Number(totals?.events ?? 0),
    sealed,
    chains: lastOf.size,
    unsealed: { count: unsealed.count, oldestAt: unsealed.oldestAt },
    checkpoint: { file: options.checkpointFile, lines: checkpoints.lines, chains: checkpoints.heads.size },
    problems,
  };
}

function positionsMissing(from: number, to: number): string {
  return from === to ? `position ${from} is missing` : `positions ${from}–${to} are missing`;
}

/** Checkpointed heads whose seal is still there but is no longer the one checkpointed. */
async function resealedHeads<T extends ChainHead>(q: Queryable, heads: T[]): Promise<T[]> {
  const resealed: T[] = [];
  for (let i = 0; i < heads.length; i += page) {
    const chunk = heads.slice(i, i + page);
    const stored = rowsOf<{ i: number; hash: string; seq: string }>(
      await q.execute(sql`
        SELECT (h ->> 'i')::int AS i, encode(s.hash, 'hex') AS hash, s.seq
        FROM jsonb_array_elements(${JSON.stringify(chunk.map((h, n) => ({ i: n, chain: h.chain, position: h.position })))}::jsonb) AS h
        JOIN audit_seal s ON s.chain = h ->> 'chain' AND s.chain_pos = (h ->> 'position')::bigint`),
    );
    for (const row of stored) {
      const head = chunk[row.i]!;
      if (row.hash !== head.hash || Number(row.seq) !== head.seq) resealed.push(head);
    }
  }
  return resealed;
}

async function unsealedEvents(q: Queryable, options: VerifyOptions, limit: number) {
  const unsealed = sql`FROM audit_event e WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.seq = e.seq)`;
  const [summary] = rowsOf<{ count: string; oldest: string | null }>(
    await q.execute(sql`SELECT count(*) AS count, to_json(min(e.at)) #>> '{}' AS oldest ${unsealed}`),
  );
  const reference =
    options.staleRelativeTo === "newest event" ? sql`(SELECT max(at) FROM audit_event)` : sql`now()`;
  const stale = rowsOf<{ seq: string; chain: string; at: string }>(
    await q.execute(sql`
      SELECT e.seq, coalesce(e.unit_id, '-') AS chain, to_json(e.at) #>> '{}' AS at ${unsealed} AND e.at < ${reference} - make_interval(secs => ${options.maxUnsealedSeconds})
      ORDER BY e.seq LIMIT ${limit}`),
  );
  return { count: Number(summary?.count ?? 0), oldestAt: summary?.oldest ?? null, stale };
}
