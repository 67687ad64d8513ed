/**
 * Test oracle for the engine: the rules of PRODUCT §4 written the slow, obvious way — days as sets,
 * cases found by marking every day a certificate spans and cutting at runs of more than `gap` empty
 * days, the unit list by walking back day by day from today. Used only by the property tests; it
 * must stay independent of the engine's code (it shares nothing but the day helpers).
 */
import { dayNumber, isoDate } from "./days.ts";
import { compareSigned } from "./signed.ts";
import type { Sjukfall, SjukfallCertificate } from "./types.ts";

interface Spanned {
  cert: SjukfallCertificate;
  first: number;
  last: number;
}

function countsIn(all: SjukfallCertificate[]): SjukfallCertificate[] {
  const taken = new Set<string>();
  for (const c of all) {
    if (c.status === "revoked") continue;
    for (const ref of [c.replaces, c.completes]) if (ref && ref !== c.id) taken.add(ref);
  }
  return all.filter(
    (c) =>
      c.status !== "revoked" && !c.smittbararpenning && (c.diagnosis ?? "").trim() !== "" && !taken.has(c.id),
  );
}

function coveredDays(cert: SjukfallCertificate): Set<number> {
  const days = new Set<number>();
  for (const p of cert.periods) for (let d = dayNumber(p.from); d <= dayNumber(p.to); d++) days.add(d);
  return days;
}

function covers(cert: SjukfallCertificate, day: number): boolean {
  return coveredDays(cert).has(day);
}

/** Cases of one patient on one unit, each as its certificates. */
function casesOf(certs: SjukfallCertificate[], gap: number): Spanned[][] {
  const spanned = certs.map((cert) => {
    const days = [...coveredDays(cert)];
    return { cert, first: Math.min(...days), last: Math.max(...days) };
  });
  if (spanned.length === 0) return [];
  const lo = Math.min(...spanned.map((s) => s.first));
  const hi = Math.max(...spanned.map((s) => s.last));
  const marked = new Set<number>();
  for (const s of spanned) for (let d = s.first; d <= s.last; d++) marked.add(d);
  // Segment id per day: a new segment after more than `gap` unmarked days.
  const segmentOfDay = new Map<number, number>();
  let segment = 0;
  let empty = 0;
  for (let d = lo; d <= hi; d++) {
    if (marked.has(d)) {
      if (empty > gap) segment++;
      empty = 0;
      segmentOfDay.set(d, segment);
    } else {
      empty++;
    }
  }
  const cases: Spanned[][] = [];
  for (const s of spanned) (cases[segmentOfDay.get(s.first)!] ??= []).push(s);
  return cases.filter((c) => c !== undefined);
}

function laterSigned(a: SjukfallCertificate, b: SjukfallCertificate): boolean {
  const signed = compareSigned(a.signed, b.signed);
  return signed > 0 || (signed === 0 && a.id > b.id);
}

function describe(members: Spanned[], today: number): Sjukfall {
  const ordered = [...members].sort(
    (a, b) =>
      a.first - b.first ||
      a.last - b.last ||
      compareSigned(a.cert.signed, b.cert.signed) ||
      (a.cert.id < b.cert.id ? -1 : 1),
  );
  const union = new Set<number>();
  for (const m of ordered) for (const d of coveredDays(m.cert)) union.add(d);
  let anchorDay: number | null = null;
  for (const d of union) if (d <= today && (anchorDay === null || d > anchorDay)) anchorDay = d;
  let anchor: SjukfallCertificate | null = null;
  for (const m of ordered) {
    if (anchorDay !== null && !covers(m.cert, anchorDay)) continue;
    if (anchor === null || laterSigned(m.cert, anchor)) anchor = m.cert;
  }
  const todays = anchor!.periods.filter((p) => dayNumber(p.from) <= today && today <= dayNumber(p.to));
  const periods = ordered.flatMap((m) => m.cert.periods);
  const byTime = periods
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        dayNumber(a.p.from) - dayNumber(b.p.from) || dayNumber(a.p.to) - dayNumber(b.p.to) || a.i - b.i,
    );
  const grades = byTime.map(({ p }) => p.grade).filter((g, i, all) => i === 0 || all[i - 1] !== g);
  const diagnoses = [anchor!.diagnosis!.trim(), ...ordered.map((m) => m.cert.diagnosis!.trim())];
  return {
    patient: anchor!.patient,
    unit: anchor!.unit,
    start: isoDate(Math.min(...ordered.map((m) => m.first))),
    end: isoDate(Math.max(...ordered.map((m) => m.last))),
    days: union.size,
    certificates: ordered.map((m) => m.cert.id),
    anchor: anchor!.id,
    currentGrade: todays.length === 0 ? null : Math.max(...todays.map((p) => p.grade)),
    grades,
    diagnoses: [...new Set(diagnoses)],
    doctor: anchor!.doctor ?? null,
  };
}

function groups(all: SjukfallCertificate[]): SjukfallCertificate[][] {
  const byKey = new Map<string, SjukfallCertificate[]>();
  for (const c of countsIn(all)) {
    const key = JSON.stringify([c.unit, c.patient]);
    byKey.set(key, [...(byKey.get(key) ?? []), c]);
  }
  return [...byKey.values()];
}

export function referencePatientHistory(
  all: SjukfallCertificate[],
  todayIso: string,
  gap: number,
): Sjukfall[] {
  const today = dayNumber(todayIso);
  return groups(all)
    .flatMap((certs) => casesOf(certs, gap))
    .filter((members) => Math.min(...members.map((m) => m.first)) <= today)
    .map((members) => describe(members, today));
}

export function referenceUnitList(
  all: SjukfallCertificate[],
  todayIso: string,
  gap: number,
  afterEnd: number,
): Sjukfall[] {
  const today = dayNumber(todayIso);
  const list: Sjukfall[] = [];
  for (const certs of groups(all)) {
    for (let day = today; day >= today - afterEnd; day--) {
      const holding = casesOf(certs, gap).find((members) => members.some((m) => covers(m.cert, day)));
      if (holding) {
        list.push(describe(holding, today));
        break;
      }
    }
  }
  return list;
}
