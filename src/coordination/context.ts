/**
 * The context every coordination command runs with, its audit, and the consent guard the others
 * share.
 */
import type { Actor, ActorAssignment } from "../access/actor.ts";
import { recordAudit, type AuditEntry } from "../audit/audit.ts";
import { patientOf } from "../certificates/store.ts";
import type { Queryable, Tx } from "../db/client.ts";
import { ApiError, errors } from "../server/errors.ts";
import { consentRefusal, type ConsentKind, type Issue } from "./rules.ts";
import { consentsOf } from "./store.ts";

/** What a command runs with; the certificates' CommandContext fits it too. */
export interface CoordinationContext {
  tx: Tx;
  actor: Actor;
  grant: ActorAssignment;
  unitId: string;
  now: Date;
  today: string;
}

export const auditPurpose = "Koordinering (lag 2019:1297)";

export function audit(ctx: CoordinationContext, entries: AuditEntry[]) {
  return recordAudit(ctx.tx, { actor: ctx.actor, grant: ctx.grant }, entries);
}

export function rejectIssues(issues: Issue[]) {
  if (issues.length === 0) return;
  throw new ApiError(
    400,
    "VALIDATION",
    issues.length === 1 ? issues[0]!.message : "Uppgifterna är inte giltiga.",
    {
      issues,
    },
  );
}

export async function requirePatient(q: Queryable, unitId: string, patientId: string) {
  const found = await patientOf(q, unitId, patientId);
  if (!found) throw errors.notFound();
  return found;
}

/**
 * Refuses (400 CONSENT_REQUIRED, nothing written) unless each consent in `kinds` is valid on
 * `date`. For any module whose step needs consent, e.g. the team agenda: `["TEAM"]`.
 */
export async function assertConsent(
  q: Queryable,
  unitId: string,
  patientId: string,
  kinds: readonly ConsentKind[],
  date: string,
): Promise<void> {
  if (kinds.length === 0) return;
  const refusal = consentRefusal(await consentsOf(q, unitId, patientId), kinds, date);
  if (refusal) {
    throw new ApiError(400, "CONSENT_REQUIRED", refusal.message, {
      extra: { consent: { kind: refusal.kind, state: refusal.state } },
    });
  }
}
