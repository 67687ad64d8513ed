/**
 * Turns the certificates of one case (a run of a group, already in time order) into a Sjukfall:
 * length from merged intervals, grades in time order, and the anchor.
 *
 * Anchor: the certificate signed last among those active on the case's latest day up to today —
 * today itself for an ongoing case (PRODUCT §4: "the active certificate signed last, not the one
 * ending last"); for a case that has ended (or lies in a gap), the last day a certificate was active,
 * so an ended case keeps the anchor it had on its last day. Without a today (or for a case that starts
 * after today) it is the certificate signed last (as instants: `./signed.ts`). Equal signing times: the greater id wins, so the
 * input order never matters.
 */
import { dayNumber, isoDate } from "./days.ts";
import type { GroupedCertificates } from "./grouping.ts";
import { compareSigned } from "./signed.ts";
import type { Sjukfall, SjukfallCertificate } from "./types.ts";

interface DayPeriod {
  from: number;
  to: number;
  grade: number;
}

function signedAfter(a: SjukfallCertificate, b: SjukfallCertificate): boolean {
  const signed = compareSigned(a.signed, b.signed);
  return signed !== 0 ? signed > 0 : a.id > b.id;
}

/** The certificate's periods as day numbers; one period is its first and last day, already parsed. */
function dayPeriods(cert: SjukfallCertificate, firstDay: number, lastDay: number): DayPeriod[] {
  const periods = cert.periods;
  if (periods.length === 1) return [{ from: firstDay, to: lastDay, grade: periods[0]!.grade }];
  return periods.map((p) => ({ from: dayNumber(p.from), to: dayNumber(p.to), grade: p.grade }));
}

/** Latest day ≤ today covered by a period, or null when every period starts after today. */
function latestCoveredDay(periods: DayPeriod[][], today: number): number | null {
  let latest: number | null = null;
  for (const ofCert of periods) {
    for (const p of ofCert) {
      if (p.from > today) continue;
      const covered = p.to < today ? p.to : today;
      if (latest === null || covered > latest) latest = covered;
    }
  }
  return latest;
}

function chooseAnchor(certs: SjukfallCertificate[], periods: DayPeriod[][], today: number | null): number {
  const day = today === null ? null : latestCoveredDay(periods, today);
  let anchor = -1;
  for (let i = 0; i < certs.length; i++) {
    const eligible = day === null || periods[i]!.some((p) => p.from <= day && day <= p.to);
    if (eligible && (anchor === -1 || signedAfter(certs[i]!, certs[anchor]!))) anchor = i;
  }
  return anchor;
}

function gradeOn(periods: DayPeriod[], day: number): number | null {
  let grade: number | null = null;
  for (const p of periods) {
    if (p.from <= day && day <= p.to && (grade === null || p.grade > grade)) grade = p.grade;
  }
  return grade;
}

/** Periods of all certificates by first day (then last day, then certificate time order). */
function periodsInTimeOrder(periods: DayPeriod[][]): DayPeriod[] {
  const all: DayPeriod[] = [];
  for (const ofCert of periods) for (const p of ofCert) all.push(p);
  let sorted = true;
  for (let i = 1; i < all.length && sorted; i++) {
    const a = all[i - 1]!;
    const b = all[i]!;
    sorted = a.from < b.from || (a.from === b.from && a.to <= b.to);
  }
  // Stable sort: equal periods keep the certificates' time order.
  if (!sorted) all.sort((a, b) => a.from - b.from || a.to - b.to);
  return all;
}

function countDays(sorted: DayPeriod[]): number {
  let days = 0;
  let runFrom = 0;
  let runTo = -Infinity;
  for (const p of sorted) {
    if (p.from > runTo) {
      if (runTo !== -Infinity) days += runTo - runFrom + 1;
      runFrom = p.from;
      runTo = p.to;
    } else if (p.to > runTo) {
      runTo = p.to;
    }
  }
  return runTo === -Infinity ? 0 : days + runTo - runFrom + 1;
}

function gradesInTimeOrder(sorted: DayPeriod[]): number[] {
  const grades: number[] = [];
  for (const p of sorted) if (grades[grades.length - 1] !== p.grade) grades.push(p.grade);
  return grades;
}

function diagnosesOf(certs: SjukfallCertificate[], anchor: SjukfallCertificate): string[] {
  const diagnoses = [anchor.diagnosis!.trim()];
  for (const cert of certs) {
    const diagnosis = cert.diagnosis!.trim();
    if (!diagnoses.includes(diagnosis)) diagnoses.push(diagnosis);
  }
  return diagnoses;
}

/** The case made of order[from..to) of a group; `today` is a day number or null. */
export function buildCase(
  data: GroupedCertificates,
  from: number,
  to: number,
  today: number | null,
): Sjukfall {
  const certs: SjukfallCertificate[] = [];
  const periods: DayPeriod[][] = [];
  let latestEnd = -Infinity;
  for (let position = from; position < to; position++) {
    const index = data.order[position]!;
    const cert = data.certs[index]!;
    certs.push(cert);
    periods.push(dayPeriods(cert, data.firstDay[index]!, data.lastDay[index]!));
    if (data.lastDay[index]! > latestEnd) latestEnd = data.lastDay[index]!;
  }
  const sorted = periodsInTimeOrder(periods);
  const anchorIndex = chooseAnchor(certs, periods, today);
  const anchor = certs[anchorIndex]!;
  return {
    patient: anchor.patient,
    unit: anchor.unit,
    start: isoDate(data.firstDay[data.order[from]!]!),
    end: isoDate(latestEnd),
    days: countDays(sorted),
    certificates: certs.map((cert) => cert.id),
    anchor: anchor.id,
    currentGrade: today === null ? null : gradeOn(periods[anchorIndex]!, today),
    grades: gradesInTimeOrder(sorted),
    diagnoses: diagnosesOf(certs, anchor),
    doctor: anchor.doctor ?? null,
  };
}
