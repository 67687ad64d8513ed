/** What is recorded about the unit's cases, read unit-wide in one query per kind. */
import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "../db/client.ts";
import {
  aktualiseringDecision,
  consent,
  kartlaggandeSamtal,
  rehabPlan,
  task,
  teamAgendaItem,
} from "../db/schema.ts";

export async function unitDecisions(q: Queryable, unitId: string) {
  return q
    .select({
      id: aktualiseringDecision.id,
      patientId: aktualiseringDecision.patientId,
      certificateId: aktualiseringDecision.caseCertificateId,
      caseStart: aktualiseringDecision.caseStart,
      decision: aktualiseringDecision.decision,
      supersedesId: aktualiseringDecision.supersedesId,
    })
    .from(aktualiseringDecision)
    .where(eq(aktualiseringDecision.unitId, unitId));
}

export async function unitConsents(q: Queryable, unitId: string) {
  return q
    .select({
      patientId: consent.patientId,
      kind: consent.kind,
      obtainedDate: consent.obtainedDate,
      validTo: consent.validTo,
      withdrawnDate: consent.withdrawnDate,
      createdAt: consent.createdAt,
    })
    .from(consent)
    .where(eq(consent.unitId, unitId));
}

export async function unitCompletedSamtal(q: Queryable, unitId: string) {
  return q
    .select({
      patientId: kartlaggandeSamtal.patientId,
      caseStart: kartlaggandeSamtal.caseStart,
      samtalDate: kartlaggandeSamtal.samtalDate,
    })
    .from(kartlaggandeSamtal)
    .where(and(eq(kartlaggandeSamtal.unitId, unitId), eq(kartlaggandeSamtal.status, "KLAR")));
}

/** Open (or postponed) follow-up tasks of these kinds. */
export async function unitOpenFollowUps(q: Queryable, unitId: string, kinds: readonly string[]) {
  return q
    .select({
      patientId: task.patientId,
      caseStart: task.caseStart,
      dueDate: task.dueDate,
      postponedTo: task.postponedTo,
      status: task.status,
    })
    .from(task)
    .where(
      and(
        eq(task.unitId, unitId),
        inArray(task.kind, [...kinds]),
        inArray(task.status, ["OPEN", "POSTPONED"]),
      ),
    );
}

export async function unitPlans(q: Queryable, unitId: string) {
  return q
    .select({
      patientId: rehabPlan.patientId,
      caseStart: rehabPlan.caseStart,
      status: rehabPlan.status,
      content: rehabPlan.content,
    })
    .from(rehabPlan)
    .where(eq(rehabPlan.unitId, unitId));
}

/** Every case put on a team meeting's agenda (planned or held). */
export async function unitAgendaItems(q: Queryable, unitId: string) {
  return q
    .selectDistinct({ patientId: teamAgendaItem.patientId, caseStart: teamAgendaItem.caseStart })
    .from(teamAgendaItem)
    .where(eq(teamAgendaItem.unitId, unitId));
}
