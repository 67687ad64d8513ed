/**
 * Verifies the audit hash chains: every row's hash must match its content, link to the previous
 * row of its chain, and sit at the next position; the chain head must point at the last row.
 * An edited row breaks its hash; a deleted row breaks the link and the positions; a deleted
 * last row disagrees with the head.
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Queryable } from "../db/client.ts";

export interface AuditProblem {
  chain: string;
  seq: number | null;
  position: number | null;
  problem: "HASH_MISMATCH" | "BROKEN_LINK" | "POSITION_GAP" | "HEAD_MISMATCH";
}

export interface AuditVerification {
  ok: boolean;
  events: number;
  chains: number;
  problems: AuditProblem[];
}

export async function verifyAuditLog(q: Queryable, limit = 1000): Promise<AuditVerification> {
  const rowProblems = rowsOf<{
    chain: string;
    seq: string;
    chain_pos: string;
    problem: AuditProblem["problem"];
  }>(
    await q.execute(sql`
      WITH checked AS (
        SELECT e.chain, e.seq, e.chain_pos,
          e.hash IS DISTINCT FROM audit_event_hash(e) AS bad_hash,
          e.prev_hash IS DISTINCT FROM coalesce(lag(e.hash) OVER w, ''::bytea) AS bad_link,
          e.chain_pos <> row_number() OVER w AS bad_pos
        FROM audit_event e
        WINDOW w AS (PARTITION BY e.chain ORDER BY e.chain_pos)
      )
      SELECT chain, seq, chain_pos,
        CASE WHEN bad_hash THEN 'HASH_MISMATCH' WHEN bad_link THEN 'BROKEN_LINK' ELSE 'POSITION_GAP' END AS problem
      FROM checked WHERE bad_hash OR bad_link OR bad_pos
      ORDER BY chain, chain_pos LIMIT ${limit}`),
  );
  const headProblems = rowsOf<{ chain: string }>(
    await q.execute(sql`
      SELECT h.chain FROM audit_chain_head h
      LEFT JOIN LATERAL (
        SELECT e.hash, e.chain_pos FROM audit_event e WHERE e.chain = h.chain ORDER BY e.chain_pos DESC LIMIT 1
      ) last ON true
      WHERE last.hash IS DISTINCT FROM h.hash OR last.chain_pos IS DISTINCT FROM h.count`),
  );
  const [totals] = rowsOf<{ events: string; chains: string }>(
    await q.execute(sql`SELECT count(*) AS events, count(DISTINCT chain) AS chains FROM audit_event`),
  );
  const problems: AuditProblem[] = [
    ...rowProblems.map((r) => ({
      chain: r.chain,
      seq: Number(r.seq),
      position: Number(r.chain_pos),
      problem: r.problem,
    })),
    ...headProblems.map((r) => ({
      chain: r.chain,
      seq: null,
      position: null,
      problem: "HEAD_MISMATCH" as const,
    })),
  ];
  return {
    ok: problems.length === 0,
    events: Number(totals?.events ?? 0),
    chains: Number(totals?.chains ?? 0),
    problems,
  };
}
