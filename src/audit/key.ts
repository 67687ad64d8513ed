/**
 * The audit key: the HMAC key that seals the audit chain and signs its checkpoints. It lives in a
 * file outside the database, so whoever can rewrite the database still cannot re-seal an edit.
 *
 * The file holds one key per line, `<id> <base64>`; the last line seals, the earlier ones only
 * verify what they sealed (key rotation appends a line). Lines starting with # are comments.
 */
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface AuditKey {
  id: string;
  secret: Buffer;
}

export interface AuditKeyring {
  /** The key new seals and checkpoints use. */
  current: AuditKey;
  byId: ReadonlyMap<string, AuditKey>;
}

export class AuditKeyError extends Error {}

const keyLine = /^([A-Za-z0-9_-]{1,40}) ([A-Za-z0-9+/]+=*)$/;
const minimumKeyBytes = 32;

export function parseKeyring(text: string, source: string): AuditKeyring {
  const keys: AuditKey[] = [];
  for (const [index, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = keyLine.exec(line);
    const secret = match ? Buffer.from(match[2]!, "base64") : null;
    if (!match || !secret || secret.length < minimumKeyBytes) {
      throw new AuditKeyError(
        `${source} line ${index + 1}: expected "<id> <base64 key of at least ${minimumKeyBytes} bytes>"`,
      );
    }
    if (keys.some((k) => k.id === match[1])) {
      throw new AuditKeyError(`${source} line ${index + 1}: the key id ${match[1]} is used twice`);
    }
    keys.push({ id: match[1]!, secret });
  }
  const current = keys.at(-1);
  if (!current) throw new AuditKeyError(`${source} holds no audit key`);
  return { current, byId: new Map(keys.map((k) => [k.id, k])) };
}

export function readKeyring(file: string): AuditKeyring {
  if (!existsSync(file)) {
    throw new AuditKeyError(
      `The audit key file ${file} does not exist (set SAMSYN_AUDIT_KEY_FILE, or let the server create one in demo mode).`,
    );
  }
  return parseKeyring(readFileSync(file, "utf8"), file);
}

function newKeyLine(id: string): string {
  return `${id} ${randomBytes(minimumKeyBytes).toString("base64")}\n`;
}

/** Reads the key file, creating it with a fresh key first when it is missing and `create` allows. */
export function loadKeyring(file: string, create: boolean): { keyring: AuditKeyring; created: boolean } {
  if (existsSync(file) || !create) return { keyring: readKeyring(file), created: false };
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const header =
    "# Samsyn audit keys (HMAC): keep this file secret and never lose it: the audit log is verified with it.\n";
  writeFileSync(file, header + newKeyLine("k1"), { flag: "wx", mode: 0o600 });
  return { keyring: readKeyring(file), created: true };
}

/** Appends a new current key; older keys stay to verify what they sealed. Returns the new id. */
export function rotateKey(file: string): string {
  const { byId } = readKeyring(file);
  const numbers = [...byId.keys()].map((id) => Number(/^k(\d+)$/.exec(id)?.[1] ?? 0));
  const id = `k${Math.max(0, ...numbers) + 1}`;
  appendFileSync(file, newKeyLine(id), { mode: 0o600 });
  return id;
}
