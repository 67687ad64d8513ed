/** The audit key and checkpoint file as configured (SAMSYN_AUDIT_KEY_FILE, SAMSYN_AUDIT_CHECKPOINT_FILE). */
import type { Config } from "../server/config.ts";
import { loadKeyring } from "./key.ts";
import type { AuditSealing } from "./sealer.ts";

export function auditSealingOf(
  audit: Config["audit"],
  options: { create: boolean },
): AuditSealing & { keyCreated: boolean } {
  const { keyring, created } = loadKeyring(audit.keyFile, options.create && audit.createKey);
  return { keyring, checkpointFile: audit.checkpointFile, keyCreated: created };
}
