/**
 * Checkpoints of the audit chain heads, outside the database: after every batch the sealer
 * appends one line per batch `{"at","keyId","heads":[{chain,position,seq,hash}],"mac"}` to a
 * file (and the log). Each line is MACed with the audit key, so it cannot be forged without it.
 * `audit verify` then requires every chain in the database to reach at least its last
 * checkpointed head with the same hash: a tail cut off the database (with or without the chain
 * moved back) or a chain re-sealed from some position on is found.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { AuditKeyring } from "./key.ts";

export interface ChainHead {
  chain: string;
  position: number;
  seq: number;
  /** hex */
  hash: string;
}

interface CheckpointLine {
  at: string;
  keyId: string;
  heads: ChainHead[];
  mac: string;
}

function macOf(secret: Buffer, line: Omit<CheckpointLine, "mac">): string {
  const body = JSON.stringify({
    at: line.at,
    keyId: line.keyId,
    heads: line.heads.map((h) => [h.chain, h.position, h.seq, h.hash]),
  });
  return createHmac("sha256", secret).update(body, "utf8").digest("hex");
}

/** Appends the heads as one MACed line; returns the line (for the log as a second copy). */
export function appendCheckpoint(
  file: string,
  keyring: AuditKeyring,
  heads: ChainHead[],
  at: string,
): CheckpointLine {
  const body = { at, keyId: keyring.current.id, heads };
  const line: CheckpointLine = { ...body, mac: macOf(keyring.current.secret, body) };
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // One write of one line with O_APPEND: processes sharing the file never interleave inside a line.
  appendFileSync(file, `${JSON.stringify(line)}\n`, { mode: 0o600 });
  return line;
}

export interface CheckpointProblem {
  line: number;
  problem: "CHECKPOINT_UNREADABLE" | "CHECKPOINT_FORGED" | "CHECKPOINT_UNKNOWN_KEY";
}

export interface CheckpointState {
  exists: boolean;
  lines: number;
  /** The furthest checkpointed head per chain, and when it was written. */
  heads: Map<string, ChainHead & { at: string }>;
  /** Every checkpointed head: each must still be in the chain as it was. */
  all: (ChainHead & { at: string })[];
  problems: CheckpointProblem[];
}

export function readCheckpoints(file: string, keyring: AuditKeyring): CheckpointState {
  const state: CheckpointState = {
    exists: existsSync(file),
    lines: 0,
    heads: new Map(),
    all: [],
    problems: [],
  };
  if (!state.exists) return state;
  const text = readFileSync(file, "utf8");
  for (const [index, raw] of text.split("\n").entries()) {
    if (raw.trim() === "") continue;
    state.lines++;
    const lineNo = index + 1;
    const line = parseLine(raw);
    if (!line) {
      state.problems.push({ line: lineNo, problem: "CHECKPOINT_UNREADABLE" });
      continue;
    }
    const key = keyring.byId.get(line.keyId);
    if (!key) {
      state.problems.push({ line: lineNo, problem: "CHECKPOINT_UNKNOWN_KEY" });
      continue;
    }
    const expected = Buffer.from(macOf(key.secret, line), "hex");
    const given = Buffer.from(line.mac, "hex");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      state.problems.push({ line: lineNo, problem: "CHECKPOINT_FORGED" });
      continue;
    }
    for (const head of line.heads) {
      state.all.push({ ...head, at: line.at });
      const known = state.heads.get(head.chain);
      if (!known || head.position > known.position) state.heads.set(head.chain, { ...head, at: line.at });
    }
  }
  return state;
}

function parseLine(raw: string): CheckpointLine | null {
  try {
    const value = JSON.parse(raw) as Partial<CheckpointLine>;
    const headsOk =
      Array.isArray(value.heads) &&
      value.heads.every(
        (h) =>
          typeof h?.chain === "string" &&
          Number.isSafeInteger(h.position) &&
          Number.isSafeInteger(h.seq) &&
          typeof h.hash === "string",
      );
    if (typeof value.at !== "string" || typeof value.keyId !== "string" || typeof value.mac !== "string") {
      return null;
    }
    return headsOk ? (value as CheckpointLine) : null;
  } catch {
    return null;
  }
}
