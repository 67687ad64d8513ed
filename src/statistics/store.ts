/**
 * The statistics' reads, each scoped to one unit: the unit's certificates in the sjukfall engine's
 * format with the patient keyed by personnummer (sex comes from it, `./sex.ts`; the key never
 * leaves the server), the kompletteringar Försäkringskassan sent about them, and the units of a
 * region.
 */
import { and, asc, eq, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { Queryable } from "../db/client.ts";
import {
  aktualiseringDecision,
  careProvider,
  fkArende,
  patient,
  rehabPlan,
  statisticsSnapshot,
  teamAgendaItem,
  teamMeeting,
  unit,
} from "../db/schema.ts";
import type { SjukfallCertificate } from "../cases/types.ts";
import { resolveSjukfallSettings } from "../cases/settings.ts";
import { certificatesOfUnitSince } from "../worklist/store.ts";
import { listedPopulationByMonth } from "../population/store.ts";
import type { RecordedDecision } from "./long-cases.ts";
import type { Split } from "./split.ts";
import type { StatisticsArende } from "./statistics.ts";

/** Earlier than any certificate: the unit's whole history (new cases need each case's true start). */
const beginning = "0001-01-01";

/** Every engine certificate of the unit, the patient keyed by personnummer. */
export async function unitCertificates(q: Queryable, unitId: string): Promise<SjukfallCertificate[]> {
  const certs = await certificatesOfUnitSince(q, unitId, beginning);
  if (certs.length === 0) return [];
  const rows = await q
    .select({ id: patient.id, personnummer: patient.personnummer })
    .from(patient)
    .where(eq(patient.unitId, unitId));
  const personnummer = new Map(rows.map((row) => [row.id, row.personnummer]));
  return certs.map((cert) => ({ ...cert, patient: personnummer.get(cert.patient) ?? cert.patient }));
}

/** The unit's kompletteringar (KOMPLT ärenden about a certificate), in the contract's format. */
export async function unitKompletteringar(q: Queryable, unitId: string): Promise<StatisticsArende[]> {
  const rows = await q
    .select({
      id: fkArende.id,
      certificate: fkArende.certificateId,
      received: fkArende.receivedDate,
      questions: fkArende.questionFields,
      // The day of the answer in Stockholm, as the signing day (`./signing-day.ts`).
      answered: sql<string | null>`(${fkArende.answeredAt} AT TIME ZONE 'Europe/Stockholm')::date::text`,
    })
    .from(fkArende)
    .where(and(eq(fkArende.unitId, unitId), eq(fkArende.type, "KOMPLT"), isNotNull(fkArende.certificateId)));
  return rows.map((row) => ({
    id: row.id,
    certificate: row.certificate ?? "",
    type: "KOMPLT" as const,
    received: row.received,
    questions: row.questions,
    answered: row.answered,
  }));
}

/** The unit's aktualisering decisions (superseded ones too), the patient keyed by personnummer. */
export async function unitDecisions(q: Queryable, unitId: string): Promise<RecordedDecision[]> {
  return q
    .select({
      patient: patient.personnummer,
      certificateId: aktualiseringDecision.caseCertificateId,
      caseStart: aktualiseringDecision.caseStart,
    })
    .from(aktualiseringDecision)
    .innerJoin(patient, eq(patient.id, aktualiseringDecision.patientId))
    .where(eq(aktualiseringDecision.unitId, unitId));
}

/**
 * The unit's cases taken up by the multimodal team (on the agenda of a held, closed meeting) and
 * those with a rehab plan that was fastställd (or has ended since), the patient keyed by
 * personnummer and the case by the start recorded with it.
 */
export async function unitCaseFollowUps(
  q: Queryable,
  unitId: string,
): Promise<{ team: RecordedDecision[]; plans: RecordedDecision[] }> {
  const team = await q
    .select({ patient: patient.personnummer, caseStart: teamAgendaItem.caseStart })
    .from(teamAgendaItem)
    .innerJoin(teamMeeting, eq(teamMeeting.id, teamAgendaItem.meetingId))
    .innerJoin(patient, eq(patient.id, teamAgendaItem.patientId))
    .where(and(eq(teamAgendaItem.unitId, unitId), eq(teamMeeting.status, "AVSLUTAT")));
  const plans = await q
    .select({ patient: patient.personnummer, caseStart: rehabPlan.caseStart })
    .from(rehabPlan)
    .innerJoin(patient, eq(patient.id, rehabPlan.patientId))
    .where(and(eq(rehabPlan.unitId, unitId), inArray(rehabPlan.status, ["FASTSTALLD", "AVSLUTAD"])));
  const linked = (rows: { patient: string; caseStart: string }[]) =>
    rows.map((row) => ({ ...row, certificateId: null }));
  return { team: linked(team), plans: linked(plans) };
}

/** The unit's gap between certificates (its own setting, else the default): a user's own is not used. */
export async function unitGap(q: Queryable, unitId: string): Promise<number> {
  const [row] = await q.select({ settings: unit.settings }).from(unit).where(eq(unit.id, unitId));
  return resolveSjukfallSettings(row?.settings ?? {}, {}).gap;
}

export interface UnitRef {
  id: string;
  name: string;
}

export async function unitRef(q: Queryable, unitId: string): Promise<UnitRef | null> {
  const [row] = await q.select({ id: unit.id, name: unit.name }).from(unit).where(eq(unit.id, unitId));
  return row ?? null;
}

/** The active units of the region the unit belongs to, by name. */
export async function unitsOfRegionOf(q: Queryable, unitId: string): Promise<UnitRef[]> {
  const [home] = await q
    .select({ regionId: careProvider.regionId })
    .from(unit)
    .innerJoin(careProvider, eq(careProvider.id, unit.careProviderId))
    .where(eq(unit.id, unitId));
  if (!home) return [];
  return q
    .select({ id: unit.id, name: unit.name })
    .from(unit)
    .innerJoin(careProvider, eq(careProvider.id, unit.careProviderId))
    .where(and(eq(careProvider.regionId, home.regionId), eq(unit.active, true)))
    .orderBy(asc(unit.name), asc(unit.id));
}

/**
 * The unit's listed patients in the month of `day` (the listing's missing-month rule: its latest
 * earlier import); null before the unit's first import.
 */
export async function unitListedInMonthOf(q: Queryable, unitId: string, day: string): Promise<Split | null> {
  const month = day.slice(0, 7);
  const [row] = await listedPopulationByMonth(q, { unitId, from: month, to: month });
  if (!row || row.missingUnits.includes(unitId)) return null;
  return { total: row.total, women: row.women, men: row.men };
}

export interface SnapshotKey {
  unitId: string;
  requestKey: string;
  dataVersion: string;
}

/** The figures kept for the unit and request at exactly this data version, or null. */
export async function readSnapshot(q: Queryable, key: SnapshotKey): Promise<unknown> {
  const [row] = await q
    .select({ figures: statisticsSnapshot.figures })
    .from(statisticsSnapshot)
    .where(
      and(
        eq(statisticsSnapshot.unitId, key.unitId),
        eq(statisticsSnapshot.requestKey, key.requestKey),
        eq(statisticsSnapshot.dataVersion, key.dataVersion),
      ),
    );
  return row?.figures ?? null;
}

/** Whether figures are kept for the unit and request at exactly this data version. */
export async function hasSnapshot(q: Queryable, key: SnapshotKey): Promise<boolean> {
  const [row] = await q
    .select({ one: sql<number>`1` })
    .from(statisticsSnapshot)
    .where(
      and(
        eq(statisticsSnapshot.unitId, key.unitId),
        eq(statisticsSnapshot.requestKey, key.requestKey),
        eq(statisticsSnapshot.dataVersion, key.dataVersion),
      ),
    );
  return row !== undefined;
}

/** Keeps the figures for the unit and request (replacing older ones) and drops the unit's earlier days. */
export async function writeSnapshot(
  q: Queryable,
  key: SnapshotKey & { computedFor: string; figures: unknown },
): Promise<void> {
  await q
    .delete(statisticsSnapshot)
    .where(
      and(eq(statisticsSnapshot.unitId, key.unitId), lt(statisticsSnapshot.computedFor, key.computedFor)),
    );
  await q
    .insert(statisticsSnapshot)
    .values(key)
    .onConflictDoUpdate({
      target: [statisticsSnapshot.unitId, statisticsSnapshot.requestKey],
      set: { dataVersion: key.dataVersion, figures: key.figures, computedAt: sql`now()` },
    });
}

/** Forgets every kept figure (at server start: the code computing them may have changed). */
export async function clearSnapshots(q: Queryable): Promise<void> {
  await q.delete(statisticsSnapshot);
}
