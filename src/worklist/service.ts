/**
 * Builds the unit list (pågående sjukfall) of one unit for a day: the sjukfall engine over the
 * unit's certificates, joined with the patient, the anchor certificate, open ärenden, FMB and the
 * early risk score. Shared by the list API, the export and the daily task job.
 */
import { addDays } from "../cases/days.ts";
import { diagnosisCodes, parseContent } from "../certificates/content.ts";
import { patientHistory, unitList, dayInCase } from "../cases/engine.ts";
import type { Sjukfall } from "../cases/types.ts";
import type { Database, Queryable } from "../db/client.ts";
import { ageOn, formatPersonnummer, listName } from "../patients/identity.ts";
import type { ReferenceData } from "../reference/index.ts";
import { assessRisk, groupShares, type GroupShare } from "./risk.ts";
import { coordinatorStatusOf, type CoordinatorStatusRecord, type UnitListRow } from "./rules.ts";
import {
  anchorRows,
  certificatesNear,
  certificatesOfUnitSince,
  coordinatorStatusRecords,
  openArendenOf,
} from "./store.ts";
import { doctorsSeenBy } from "../handover/store.ts";
import { cachedUnitList, clearUnitListCache } from "./cache.ts";

export interface UnitListContext {
  unitId: string;
  today: string;
  gap: number;
  afterEnd: number;
  reference: ReferenceData;
  /** Only cases whose anchor certificate this doctor signed (or a doctor who handed over to them). */
  doctorId?: string | undefined;
  /** Keys the cache of the unit's diagnosis-group statistics (one per database). */
  database: Database;
}

export interface OpenArende {
  id: string;
  type: string;
  receivedDate: string;
  lastAnswerDate: string | null;
}

/** A row with what the task job needs beside it. */
export interface UnitCase {
  row: UnitListRow;
  /** Förstadagsintyg valid at the case start: a certificate is needed from day 1. */
  firstDayCertificate: boolean;
  openArenden: OpenArende[];
}

// ---- The unit's diagnosis-group statistics (LONG_CASE_GROUP), computed at most hourly ----

const statsTtlMs = 60 * 60 * 1000;
const statsCache = new WeakMap<
  Database,
  Map<string, { at: number; shares: Promise<Map<string, GroupShare>> }>
>();

async function computeGroupShares(q: Queryable, ctx: UnitListContext): Promise<Map<string, GroupShare>> {
  // Five years back: a case that ended in the last three years may have started two years earlier.
  const certs = await certificatesOfUnitSince(q, ctx.unitId, addDays(ctx.today, -5 * 366));
  const cases = patientHistory(certs, { today: ctx.today, gap: ctx.gap });
  return groupShares(cases, ctx.today, (code) => ctx.reference.icd10.groupOf(code)?.name ?? null);
}

function unitGroupShares(q: Queryable, ctx: UnitListContext): Promise<Map<string, GroupShare>> {
  let perDatabase = statsCache.get(ctx.database);
  if (!perDatabase) statsCache.set(ctx.database, (perDatabase = new Map()));
  const key = `${ctx.unitId}|${ctx.today}|${ctx.gap}`;
  const cached = perDatabase.get(key);
  if (cached && performance.now() - cached.at < statsTtlMs) return cached.shares;
  const shares = computeGroupShares(q, ctx);
  perDatabase.set(key, { at: performance.now(), shares });
  shares.catch(() => perDatabase.delete(key));
  return shares;
}

/** Forget the cached statistics (tests that change a unit's history within a day). */
export function clearUnitStatistics(database: Database): void {
  statsCache.delete(database);
  clearUnitListCache(database);
}

// ---- The list ----

function earlierEpisodes(history: Sjukfall[], c: Sjukfall) {
  return history
    .filter((h) => h.patient === c.patient && h.start < c.start)
    .map((h) => ({ start: h.start, end: h.end, days: h.days }));
}

/**
 * The unit list: unit-wide from the unit list cache (kept while the unit's data version is
 * unchanged), then narrowed to what the caller may see.
 */
export async function computeUnitList(q: Queryable, ctx: UnitListContext): Promise<UnitCase[]> {
  const all = await cachedUnitList(
    q,
    ctx.database,
    { unitId: ctx.unitId, key: `${ctx.today}|${ctx.gap}|${ctx.afterEnd}`, reference: ctx.reference },
    () => computeUnitCases(q, ctx),
  );
  if (ctx.doctorId === undefined) return [...all];
  // A doctor sees their own cases and those handed over to them for a period covering today.
  const doctors = await doctorsSeenBy(q, ctx.unitId, ctx.doctorId, ctx.today);
  return all.filter((u) => u.row.doctorId !== null && doctors.has(u.row.doctorId));
}

/** The current coordinator status of each listed case, from the records of its patient. */
function coordinatorStatusLookup(
  cases: readonly Sjukfall[],
  records: readonly (CoordinatorStatusRecord & { patientId: string })[],
) {
  const recordsOf = new Map<string, CoordinatorStatusRecord[]>();
  for (const r of records) {
    const list = recordsOf.get(r.patientId) ?? [];
    list.push(r);
    recordsOf.set(r.patientId, list);
  }
  const linkable = new Map(
    cases.map((c) => [c, { start: c.start, end: c.end, certificateIds: c.certificates }]),
  );
  const casesOf = new Map<string, { start: string; end: string; certificateIds: readonly string[] }[]>();
  for (const c of cases) casesOf.set(c.patient, [...(casesOf.get(c.patient) ?? []), linkable.get(c)!]);
  return (c: Sjukfall) =>
    coordinatorStatusOf(linkable.get(c)!, casesOf.get(c.patient) ?? [], recordsOf.get(c.patient) ?? []);
}

/** Every case of the unit (no doctor scope), computed from the database. */
async function computeUnitCases(q: Queryable, ctx: UnitListContext): Promise<UnitCase[]> {
  const { unitId, today, reference } = ctx;
  const certs = await certificatesNear(q, unitId, { from: addDays(today, -ctx.afterEnd), to: today });
  const cases = unitList(certs, { today, gap: ctx.gap, afterEnd: ctx.afterEnd, unit: unitId });
  if (cases.length === 0) return [];
  const history = patientHistory(certs, { today, gap: ctx.gap });
  const patientIds = cases.map((c) => c.patient);
  const anchors = await anchorRows(
    q,
    unitId,
    cases.map((c) => c.anchor),
  );
  const arenden = await openArendenOf(q, unitId, patientIds);
  const shares = await unitGroupShares(q, ctx);
  const statusOf = coordinatorStatusLookup(cases, await coordinatorStatusRecords(q, unitId, patientIds));
  const anchorById = new Map(anchors.map((a) => [a.anchorId, a]));
  const arendenByPatient = new Map<string, OpenArende[]>();
  for (const a of arenden) {
    const list = arendenByPatient.get(a.patientId) ?? [];
    list.push(a);
    arendenByPatient.set(a.patientId, list);
  }

  const result: UnitCase[] = [];
  for (const c of cases) {
    const anchor = anchorById.get(c.anchor);
    if (!anchor) continue;
    const diagnosis = c.diagnoses[0]!;
    // The anchor's answers come straight from the content column: read through the one parser.
    const answers = parseContent({ diagnoser: anchor.diagnoser, sysselsattning: anchor.sysselsattning });
    const anchorCodes = diagnosisCodes(answers);
    const fmbLimitDays = reference.fmb.limitDays(anchorCodes.length ? anchorCodes : [diagnosis]);
    const chapter = reference.icd10.chapterOf(diagnosis);
    const group = reference.icd10.groupOf(diagnosis)?.name ?? null;
    const open = arendenByPatient.get(c.patient) ?? [];
    const risk = assessRisk({
      caseStart: c.start,
      days: c.days,
      certificateCount: c.certificates.length,
      currentGrade: c.currentGrade,
      fmbLimitDays,
      groupShare: group === null ? null : (shares.get(group) ?? null),
      earlierEpisodes: earlierEpisodes(history, c),
      openKompletteringar: open.filter((a) => a.type === "KOMPLT"),
    });
    const coordinator = statusOf(c);
    result.push(
      Object.freeze({
        row: Object.freeze({
          patientId: anchor.patientId,
          personnummer: formatPersonnummer(anchor.personnummer),
          name: listName(anchor),
          protectedIdentity: anchor.protectedIdentity,
          sex: anchor.sex,
          age: ageOn(anchor.birthDate, today),
          status: c.end >= today ? "ONGOING" : "ENDED",
          start: c.start,
          end: c.end,
          days: c.days,
          dayInCase: dayInCase(c, today),
          certificateCount: c.certificates.length,
          anchorCertificateId: c.anchor,
          currentGrade: c.currentGrade,
          grades: c.grades,
          diagnosis,
          diagnosisTitle: reference.diagnosisTitle(diagnosis),
          diagnoses: c.diagnoses,
          chapter: chapter ? { id: chapter.id, title: chapter.title } : null,
          diagnosisGroup: group,
          sysselsattning: answers.sysselsattning,
          doctorId: c.doctor,
          doctorName: anchor.doctorName,
          openArenden: open.length,
          fmbLimitDays,
          fmbExceeded: fmbLimitDays !== null && c.days > fmbLimitDays,
          risk,
          teamStatus: null,
          coordinatorStatus: coordinator.status,
          coordinatorStatusVersion: coordinator.version,
        }),
        firstDayCertificate:
          anchor.firstDayCertificateUntil !== null && anchor.firstDayCertificateUntil >= c.start,
        openArenden: open,
      }),
    );
  }
  return result;
}
