/**
 * The sjukfall engine (PRODUCT §4): certificates → sick-leave cases. Pure: no I/O, no clock —
 * `today` is always a parameter. Certificates are assumed valid (dates exist, from ≤ to, unique
 * ids); `parseSjukfallCertificates` checks input from outside.
 *
 * Cases are formed per (unit, patient): in time order, the next certificate joins while it starts no
 * later than (latest end so far) + gap + 1, so a long certificate keeps later short ones in its case.
 * That partition is the same whichever certificate one starts walking from (forward and backward),
 * so the unit list, the patient history and `caseContaining` all agree on what a case is.
 */
import { buildCase } from "./case-build.ts";
import { dayNumber, isoDate } from "./days.ts";
import {
  caseBoundaries,
  firstGroupsOfPatients,
  groupCertificates,
  prepareGroup,
  type GroupedCertificates,
} from "./grouping.ts";
import { resolveAfterEnd, resolveGap, resolveToday } from "./options.ts";
import type { CaseOptions, Sjukfall, SjukfallCertificate } from "./types.ts";

export type {
  CaseOptions,
  Checkpoint,
  CheckpointKind,
  Sjukfall,
  SjukfallCertificate,
  SjukfallPeriod,
} from "./types.ts";
export { countingCertificates } from "./counting.ts";
export { checkpoints, dayInCase } from "./checkpoints.ts";
export { isLongerThan30Days, LONG_CASE_LIMIT_DAYS } from "./length.ts";

export interface UnitListOptions extends CaseOptions {
  /** Only this unit's list; default: every unit in the input, each computed separately. */
  unit?: string;
  /** Only cases whose anchor certificate was signed by this doctor. */
  doctor?: string;
}

/**
 * Latest day in [windowStart, today] on which a certificate of the group is active, or null.
 * Groups are in first-day order, so the scan stops at the first certificate starting after today.
 */
function latestActiveDay(
  data: GroupedCertificates,
  from: number,
  to: number,
  windowStart: number,
  today: number,
) {
  let latest: number | null = null;
  for (let position = from; position < to; position++) {
    const index = data.order[position]!;
    if (data.firstDay[index]! > today) break;
    if (data.lastDay[index]! < windowStart) continue;
    for (const period of data.certs[index]!.periods) {
      const periodFrom = dayNumber(period.from);
      const periodTo = dayNumber(period.to);
      if (periodFrom > today || periodTo < windowStart) continue;
      const active = periodTo < today ? periodTo : today;
      if (latest === null || active > latest) latest = active;
    }
  }
  return latest;
}

function byUnitThenPatient(a: Sjukfall, b: Sjukfall): number {
  if (a.unit !== b.unit) return a.unit < b.unit ? -1 : 1;
  return a.patient < b.patient ? -1 : a.patient > b.patient ? 1 : 0;
}

/**
 * The unit list: one case per patient and unit where a certificate is active today or was active at
 * most `afterEnd` days ago — the case holding the latest such day. Ordered by unit, then patient
 * (code-unit order).
 */
export function unitList(certs: SjukfallCertificate[], options: UnitListOptions): Sjukfall[] {
  const today = resolveToday(options.today);
  const gap = resolveGap(options.gap);
  const windowStart = today - resolveAfterEnd(options.afterEnd);
  const data = groupCertificates(certs, { unit: options.unit, window: { from: windowStart, to: today } });
  const list: Sjukfall[] = [];
  for (let group = 0; group < data.groupUnit.length; group++) {
    if (data.spansWindow[group] === 0) continue;
    const found = listedCase(data, group, prepareGroup(data, group), { windowStart, today, gap });
    if (found !== null && (options.doctor === undefined || found.doctor === options.doctor)) list.push(found);
  }
  return list.sort(byUnitThenPatient);
}

/**
 * The group's case on the unit list (the case holding the latest day in [windowStart, today] on
 * which one of its certificates is active), or null; the group is prepared, ending at `to`.
 */
function listedCase(
  data: GroupedCertificates,
  group: number,
  to: number,
  window: { windowStart: number; today: number; gap: number },
  boundaries?: number[],
): Sjukfall | null {
  const { windowStart, today, gap } = window;
  const from = data.groupOffset[group]!;
  const day = latestActiveDay(data, from, to, windowStart, today);
  if (day === null) return null;
  const runs = boundaries ?? caseBoundaries(data, from, to, gap);
  // Cases are disjoint in time: exactly one of them covers `day`; it is the last one starting on or before it.
  let run = 0;
  while (run + 2 < runs.length && data.firstDay[data.order[runs[run + 1]!]!]! <= day) run++;
  return buildCase(data, runs[run]!, runs[run + 1]!, today);
}

function newestFirstPerPatient(a: Sjukfall, b: Sjukfall): number {
  if (a.patient !== b.patient) return a.patient < b.patient ? -1 : 1;
  if (a.start !== b.start) return a.start > b.start ? -1 : 1;
  if (a.end !== b.end) return a.end > b.end ? -1 : 1;
  return a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0;
}

/**
 * Every case of every patient, formed per unit (certificates of different units never join),
 * leaving out cases that start after today. Ordered by patient, then newest first (start, then end,
 * descending), then unit.
 */
export function patientHistory(certs: SjukfallCertificate[], options: CaseOptions): Sjukfall[] {
  const today = resolveToday(options.today);
  const gap = resolveGap(options.gap);
  resolveAfterEnd(options.afterEnd);
  const data = groupCertificates(certs);
  // Cases are built group after group (the order the certificates were read in, which keeps memory
  // access local), each group's in time order; `caseStart` marks each group's cases in `built`.
  const groupCount = data.groupUnit.length;
  const built: Sjukfall[] = [];
  const caseStart = new Int32Array(groupCount + 1);
  for (let group = 0; group < groupCount; group++) {
    caseStart[group] = built.length;
    const from = data.groupOffset[group]!;
    const to = prepareGroup(data, group);
    if (to === from) continue;
    const boundaries = caseBoundaries(data, from, to, gap);
    for (let run = 0; run + 1 < boundaries.length; run++) {
      if (data.firstDay[data.order[boundaries[run]!]!]! > today) break;
      built.push(buildCase(data, boundaries[run]!, boundaries[run + 1]!, today));
    }
  }
  caseStart[groupCount] = built.length;
  // Then patients in order, each patient's cases newest first: only the patients' first groups are
  // sorted, not every case; a group's cases are disjoint and in time order, so reversed they are
  // newest first.
  const history: Sjukfall[] = new Array<Sjukfall>(built.length);
  let filled = 0;
  for (const firstGroup of firstGroupsOfPatients(data)) {
    const ofPatient = filled;
    for (let group = firstGroup; group >= 0; group = data.nextGroup[group]!) {
      for (let i = caseStart[group + 1]! - 1; i >= caseStart[group]!; i--) history[filled++] = built[i]!;
    }
    // Cases on several units: merge them in the history's order (a handful of cases).
    if (data.nextGroup[firstGroup]! >= 0) sortRange(history, ofPatient, filled, newestFirstPerPatient);
  }
  return history;
}

/** Sorts list[from..to) in place. */
function sortRange<T>(list: T[], from: number, to: number, compare: (a: T, b: T) => number): void {
  if (to - from < 2) return;
  const part = list.slice(from, to).sort(compare);
  for (let i = 0; i < part.length; i++) list[from + i] = part[i]!;
}

/** Where a case of the patient history starts: what the statistics of new cases need of it. */
export interface CaseStart {
  patient: string;
  unit: string;
  /** First day of the case (ISO date), as `Sjukfall.start`. */
  start: string;
}

/**
 * The start of every case of the patient history (only the unit's cases with `unit`; replacements
 * looked up in the whole input, as everywhere), in no particular order: the same (patient, unit,
 * start) as `patientHistory(certs, options)` filtered by unit, without building the cases (anchor,
 * length, grades) or sorting them — the statistics count new cases by start and sex only.
 */
export function caseStarts(
  certs: SjukfallCertificate[],
  options: CaseOptions & { unit?: string },
): CaseStart[] {
  return statisticsCases(certs, options, false).starts;
}

/**
 * What the statistics read of the engine, from one grouping of the certificates: the unit list with
 * after-end 0 (`ongoing`, as `unitList(certs, { ...options, afterEnd: 0 })`, same order) — unless
 * `withOngoing` is false — and the case starts (`starts`, as `caseStarts`).
 */
export function statisticsCases(
  certs: SjukfallCertificate[],
  options: CaseOptions & { unit?: string | undefined },
  withOngoing = true,
): { ongoing: Sjukfall[]; starts: CaseStart[] } {
  const today = resolveToday(options.today);
  const gap = resolveGap(options.gap);
  resolveAfterEnd(options.afterEnd);
  const data = groupCertificates(certs, { unit: options.unit, window: { from: today, to: today } });
  const { order, firstDay } = data;
  const starts: CaseStart[] = [];
  const ongoing: Sjukfall[] = [];
  for (let group = 0; group < data.groupUnit.length; group++) {
    const from = data.groupOffset[group]!;
    const to = prepareGroup(data, group);
    if (to === from) continue;
    const patient = data.groupPatient[group]!;
    const unit = data.groupUnit[group]!;
    const boundaries = caseBoundaries(data, from, to, gap);
    for (const position of boundaries) {
      if (position === to) break;
      const first = firstDay[order[position]!]!;
      if (first > today) break;
      starts.push({ patient, unit, start: isoDate(first) });
    }
    if (withOngoing && data.spansWindow[group] === 1) {
      const found = listedCase(data, group, to, { windowStart: today, today, gap }, boundaries);
      if (found !== null) ongoing.push(found);
    }
  }
  return { ongoing: ongoing.sort(byUnitThenPatient), starts };
}

/**
 * The case holding `certificateId` among all counting certificates of its patient on its unit
 * (future ones included); null when that certificate is absent or does not count. Used for the FMB
 * total length with a new draft: pass the draft as a signed certificate with its diagnosis.
 * With `today` the anchor and current grade are as in the unit list; without, the anchor is the
 * certificate signed last and the current grade null.
 */
export function caseContaining(
  certs: SjukfallCertificate[],
  certificateId: string,
  options: { gap?: number; today?: string },
): Sjukfall | null {
  const gap = resolveGap(options.gap);
  const today = options.today === undefined ? null : resolveToday(options.today);
  const target = certs.find((cert) => cert.id === certificateId);
  if (target === undefined) return null;
  const data = groupCertificates(certs, { unit: target.unit, patient: target.patient });
  if (data.groupUnit.length === 0) return null;
  const end = prepareGroup(data, 0);
  if (end === 0) return null;
  const boundaries = caseBoundaries(data, 0, end, gap);
  for (let run = 0; run + 1 < boundaries.length; run++) {
    for (let position = boundaries[run]!; position < boundaries[run + 1]!; position++) {
      if (data.certs[data.order[position]!] === target) {
        return buildCase(data, boundaries[run]!, boundaries[run + 1]!, today);
      }
    }
  }
  return null;
}
