/** A fresh audit key and checkpoint file in a temporary directory, as the server would have them. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadKeyring } from "../src/audit/key.ts";
import type { AuditSealing } from "../src/audit/sealer.ts";
import type { VerifyOptions } from "../src/audit/verify.ts";

export interface TestSealing extends AuditSealing {
  dir: string;
  keyFile: string;
  verifyOptions(): VerifyOptions;
  remove(): void;
}

export function testSealing(dir = mkdtempSync(path.join(tmpdir(), "samsyn-audit-key-"))): TestSealing {
  const keyFile = path.join(dir, "audit", "audit.key");
  const checkpointFile = path.join(dir, "audit", "checkpoints.jsonl");
  const { keyring } = loadKeyring(keyFile, true);
  return {
    dir,
    keyFile,
    keyring,
    checkpointFile,
    verifyOptions: () => ({ keyring, checkpointFile, maxUnsealedSeconds: 300 }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
