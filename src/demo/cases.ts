/**
 * One sick-leave case of one patient as the certificates a health centre would have written:
 * a long-tailed length (many 1–3 weeks, some months, few over a year), förlängningar that start the
 * day after the previous certificate ends (sometimes after a short gap), part-time grades late in
 * long cases, a few revoked certificates, and kompletteringar from Försäkringskassan.
 */
import { isoDate } from "../cases/days.ts";
import type { certificate, fkArende, fkArendeEvent } from "../db/schema.ts";
import {
  caseProfile,
  certificateContent,
  completedContent,
  type CaseProfile,
  type Grade,
  type Period,
  type UnitContact,
} from "./content.ts";
import { diagnoses, type Diagnosis } from "./diagnoses.ts";
import type { Random, Weighted } from "./random.ts";
import { swedishTimestamp, workdayOnOrAfter, workdayOnOrBefore } from "./time.ts";

export type CertificateRow = typeof certificate.$inferInsert;
export type ArendeRow = typeof fkArende.$inferInsert;
export type ArendeEventRow = typeof fkArendeEvent.$inferInsert;

export interface UnitContext {
  unitId: string;
  contact: UnitContact;
  doctorIds: readonly string[];
  secretaryId: string;
  /** Day numbers. Certificates are signed before `today`. */
  today: number;
}

export interface CasePatient {
  id: string;
  sex: "F" | "M";
  birthDay: number;
}

/** How many more certificates may be written; Infinity when not limited. */
export interface Budget {
  remaining: number;
}

export interface GeneratedCase {
  certificates: CertificateRow[];
  arenden: ArendeRow[];
  events: ArendeEventRow[];
  /** Last day covered by the case's certificates (day number). */
  lastDay: number;
}

interface LengthClass {
  min: number;
  max: number;
  long: boolean;
  logScale: boolean;
}

/**
 * Total covered days. Tuned (see the generator's tests) so that a unit's ongoing cases number
 * ~60–120 per 3,000 listed, of which ~25–40 % have passed day 30.
 */
const lengthClasses: Weighted<LengthClass> = [
  [{ min: 5, max: 14, long: false, logScale: false }, 55],
  [{ min: 15, max: 30, long: false, logScale: false }, 27],
  [{ min: 31, max: 90, long: true, logScale: true }, 4.1],
  [{ min: 91, max: 365, long: true, logScale: true }, 1.5],
  [{ min: 366, max: 720, long: true, logScale: false }, 0.25],
];

function drawLength(random: Random, cls: LengthClass): number {
  if (!cls.logScale) return random.int(cls.min, cls.max);
  return Math.round(cls.min * Math.exp(random.next() * Math.log(cls.max / cls.min)));
}

function chooseDiagnosis(random: Random, patient: CasePatient, age: number, long: boolean): Diagnosis {
  const fitting = diagnoses.filter(
    (d) =>
      (!d.sex || d.sex === patient.sex) &&
      (d.group !== "GRAVIDITET" || age <= 45) &&
      (d.group !== "TUMORER" || age >= 35),
  );
  return random.weighted(fitting.map((d) => [d, long ? d.long : d.short] as const));
}

/** Lengths (covered days) of the case's certificates, summing to `total`. */
function certificateLengths(random: Random, total: number, psychiatric: boolean): number[] {
  if (total <= 14) return [total];
  if (total <= 30) {
    if (random.chance(0.55)) return [total];
    const first = random.int(7, 14);
    return total - first < 5 ? [total] : [first, total - first];
  }
  const lengths: number[] = [];
  let done = 0;
  while (done < total) {
    let next =
      lengths.length === 0
        ? random.int(psychiatric ? 14 : 10, 28)
        : done < 60
          ? random.int(14, 30)
          : done < 180
            ? random.int(21, 60)
            : random.int(30, 90);
    // A last certificate of a few days is unusual: the previous one would have covered them.
    if (total - done - next < 7) next = total - done;
    lengths.push(next);
    done += next;
  }
  return lengths;
}

/** Grade on covered day `offset` (0-based) of the case: full time, then stepping down late in long cases. */
function gradePlan(random: Random, total: number, long: boolean): (offset: number) => Grade {
  if (total > 14 && random.chance(0.07)) {
    const grade = random.weighted<Grade>([
      [50, 6],
      [75, 3],
      [25, 1],
    ]);
    return () => grade;
  }
  if (!long || !random.chance(0.55)) return () => 100;
  const steps = random.weighted<Grade[]>([
    [[50], 4],
    [[75, 50], 2],
    [[50, 25], 3],
    [[75, 50, 25], 3],
    [[75], 2],
    [[25], 1],
  ]);
  const from = Math.floor(total * (0.45 + random.next() * 0.35));
  const stepLength = Math.max(1, Math.ceil((total - from) / steps.length));
  return (offset) =>
    offset < from ? 100 : steps[Math.min(steps.length - 1, Math.floor((offset - from) / stepLength))]!;
}

/** Periods of one certificate: runs of equal grade over its days (grades only fall, so each appears once). */
function periodsFor(
  firstDay: number,
  length: number,
  firstOffset: number,
  gradeAt: (o: number) => Grade,
): Period[] {
  const periods: Period[] = [];
  for (let i = 0; i < length; i++) {
    const grad = gradeAt(firstOffset + i);
    const last = periods[periods.length - 1];
    if (last && last.grad === grad) last.tom = firstDay + i;
    else periods.push({ grad, from: firstDay + i, tom: firstDay + i });
  }
  return periods;
}

const questionSets: Weighted<string[]> = [
  [["35", "17"], 40],
  [["17"], 15],
  [["35"], 10],
  [["39"], 10],
  [["32"], 8],
  [["6", "35", "17"], 7],
  [["29"], 5],
  [["44"], 5],
];

const questionTexts: Record<string, string> = {
  "6": "Diagnosen behöver motiveras utifrån undersökningsfynden.",
  "35": "Beskriv vilka undersökningsfynd som visar funktionsnedsättningen.",
  "17": "Beskriv mer konkret vilka aktiviteter i arbetet patienten inte klarar och i vilken omfattning.",
  "39": "Ange en bedömning av när patienten kan förväntas återgå i arbete.",
  "32": "Förklara varför arbetsförmågan bedöms vara nedsatt i den angivna omfattningen.",
  "29": "Ange patientens arbetsuppgifter mer utförligt.",
  "44": "Beskriv vilka åtgärder som planeras för att främja återgången i arbete.",
};

interface CaseState {
  random: Random;
  unit: UnitContext;
  patient: CasePatient;
  budget: Budget;
  result: GeneratedCase;
}

function certificateRow(
  state: CaseState,
  input: {
    id: string;
    doctorId: string;
    periods: Period[];
    content: Record<string, unknown>;
    signedDay: number;
    signedMinute: number;
    status: "SIGNERAT" | "SKICKAT" | "MAKULERAT";
    renewsId: string | null;
    completesId: string | null;
    revokedDay?: number;
  },
): CertificateRow {
  const { random, unit } = state;
  const signedAt = swedishTimestamp(input.signedDay, input.signedMinute);
  const sent = input.status === "SKICKAT" || (input.status === "MAKULERAT" && random.chance(0.5));
  const sentAt = sent ? swedishTimestamp(input.signedDay, input.signedMinute + 2) : null;
  const revokedAt =
    input.revokedDay !== undefined ? swedishTimestamp(input.revokedDay, input.signedMinute + 35) : null;
  return {
    id: input.id,
    unitId: unit.unitId,
    patientId: state.patient.id,
    doctorId: input.doctorId,
    type: "FK7804",
    status: input.status,
    renewsId: input.renewsId,
    replacesId: null,
    completesId: input.completesId,
    smittbararpenning: false,
    mainDiagnosis: (input.content.diagnoser as { kod: string }[])[0]!.kod,
    startDate: isoDate(input.periods[0]!.from),
    endDate: isoDate(input.periods[input.periods.length - 1]!.tom),
    content: input.content,
    source: "SAMSYN",
    externalId: null,
    createdBy: random.chance(0.15) ? unit.secretaryId : input.doctorId,
    signedAt,
    sentAt,
    revokedAt,
    version: 1,
    createdAt: swedishTimestamp(input.signedDay, input.signedMinute - random.int(5, 40)),
    updatedAt: revokedAt ?? sentAt ?? signedAt,
  };
}

/** A komplettering from Försäkringskassan on a sent certificate: answered with a completing certificate, or open. */
function komplettering(state: CaseState, original: CertificateRow, signedDay: number, periods: Period[]) {
  const { random, unit, result, budget } = state;
  const received = workdayOnOrAfter(signedDay + random.int(3, 12));
  if (received >= unit.today) return;
  const fields = random.weighted(questionSets);
  const arendeId = random.uuid();
  const answerDay = workdayOnOrAfter(received + random.int(1, 12));
  const stillOpen = answerDay >= unit.today || random.chance(0.04);
  const withCertificate = !stillOpen && random.chance(0.85) && budget.remaining > 0;
  const arende: ArendeRow = {
    id: arendeId,
    unitId: unit.unitId,
    patientId: state.patient.id,
    certificateId: original.id!,
    type: "KOMPLT",
    receivedDate: isoDate(received),
    lastAnswerDate: isoDate(received + 14),
    questionFields: fields,
    text: fields.map((f) => `Fråga ${f}: ${questionTexts[f]}`).join("\n"),
    status: stillOpen ? "OPEN" : "ANSWERED",
    answeredAt: null,
    answerKind: null,
    answerText: null,
    answerCertificateId: null,
    version: 1,
    createdAt: swedishTimestamp(received, 8 * 60 + random.int(0, 120)),
  };
  result.arenden.push(arende);
  result.events.push({
    id: random.uuid(),
    unitId: unit.unitId,
    arendeId,
    at: arende.createdAt!,
    userId: unit.secretaryId,
    event: "REGISTRERAT",
    note: null,
    certificateId: original.id!,
  });
  if (stillOpen) return;
  const answerMinute = 13 * 60 + random.int(0, 180);
  arende.answeredAt = swedishTimestamp(answerDay, answerMinute + 3);
  arende.version = 2;
  if (withCertificate) {
    budget.remaining--;
    const completing = certificateRow(state, {
      id: random.uuid(),
      doctorId: original.doctorId!,
      periods,
      content: completedContent(original.content!, fields),
      signedDay: answerDay,
      signedMinute: answerMinute,
      status: "SKICKAT",
      renewsId: null,
      completesId: original.id!,
    });
    result.certificates.push(completing);
    arende.answerKind = "KOMPLETTERING";
    arende.answerCertificateId = completing.id!;
    result.events.push({
      id: random.uuid(),
      unitId: unit.unitId,
      arendeId,
      at: arende.answeredAt,
      userId: original.doctorId!,
      event: "KOMPLETTERING",
      note: null,
      certificateId: completing.id!,
    });
  } else {
    arende.answerKind = "KAN_EJ_KOMPLETTERA";
    arende.answerText =
      "Patienten har inte kunnat undersökas på nytt; intyget innehåller de uppgifter som finns.";
    result.events.push({
      id: random.uuid(),
      unitId: unit.unitId,
      arendeId,
      at: arende.answeredAt,
      userId: original.doctorId!,
      event: "KAN_EJ_KOMPLETTERA",
      note: arende.answerText,
      certificateId: null,
    });
  }
}

/**
 * The certificates of a case starting on day `start`; null when nothing would have been signed
 * before today. Stops early when the budget runs out (the case then simply ends sooner).
 */
export function generateCase(
  random: Random,
  unit: UnitContext,
  patient: CasePatient,
  start: number,
  budget: Budget,
): GeneratedCase | null {
  const age = Math.floor((start - patient.birthDay) / 365.25);
  const cls = random.weighted(lengthClasses);
  const total = drawLength(random, cls);
  const main = chooseDiagnosis(random, patient, age, cls.long);
  const profile: CaseProfile = caseProfile(random, main, age, cls.long);
  const gradeAt = gradePlan(random, total, cls.long);
  const lengths = certificateLengths(random, total, main.group === "PSYKISKA");
  const mainDoctor = random.pick(unit.doctorIds);
  const state: CaseState = {
    random,
    unit,
    patient,
    budget,
    result: { certificates: [], arenden: [], events: [], lastDay: start },
  };

  let from = start;
  let covered = 0;
  let previous: { id: string; signedDay: number; lastDay: number } | null = null;
  for (const length of lengths) {
    if (budget.remaining <= 0) break;
    let signedDay: number;
    const lastDay = from + length - 1;
    if (!previous) {
      // The first visit: the period may start a few days back (never more than 7: no retroactive
      // warning), and the certificate is written while it still runs.
      const retro = random.weighted([
        [0, 45],
        [random.int(1, 3), 40],
        [random.int(4, 5), 15],
      ]);
      signedDay = workdayOnOrAfter(from + Math.min(retro, length - 1));
      if (signedDay > lastDay) signedDay = Math.max(from, workdayOnOrBefore(lastDay));
    } else if (from > previous.lastDay + 1) {
      signedDay = workdayOnOrAfter(from);
    } else {
      // Förlängning: written at a visit shortly before the previous certificate ends.
      const visit = workdayOnOrBefore(previous.lastDay - random.int(0, 4));
      signedDay = Math.min(Math.max(visit, previous.signedDay + 1), from);
    }
    if (signedDay >= unit.today) break;

    const periods = periodsFor(from, length, covered, gradeAt);
    const doctorId = random.chance(0.85) ? mainDoctor : random.pick(unit.doctorIds);
    const signedMinute = 8 * 60 + random.int(0, 510);
    const content = certificateContent(
      random,
      profile,
      { periods, signedDay, first: previous === null, dayInCase: from - start + 1 },
      unit.contact,
    );

    // Now and then a certificate is revoked (wrong dates) and written again the same day.
    if (random.chance(0.012) && budget.remaining > 1) {
      budget.remaining--;
      const wrongEnd = periods[periods.length - 1]!.tom + random.int(1, 7);
      const wrong = periods.map((p, i) => (i === periods.length - 1 ? { ...p, tom: wrongEnd } : p));
      state.result.certificates.push(
        certificateRow(state, {
          id: random.uuid(),
          doctorId,
          periods: wrong,
          content: {
            ...content,
            perioder: wrong.map((p) => ({ grad: p.grad, from: isoDate(p.from), tom: isoDate(p.tom) })),
          },
          signedDay,
          signedMinute: Math.max(8 * 60, signedMinute - 45),
          status: "MAKULERAT",
          renewsId: previous?.id ?? null,
          completesId: null,
          revokedDay: signedDay,
        }),
      );
    }

    budget.remaining--;
    const status = random.chance(0.93) ? "SKICKAT" : "SIGNERAT";
    const row = certificateRow(state, {
      id: random.uuid(),
      doctorId,
      periods,
      content,
      signedDay,
      signedMinute,
      status,
      renewsId: previous?.id ?? null,
      completesId: null,
    });
    state.result.certificates.push(row);
    if (status === "SKICKAT" && random.chance(0.095)) komplettering(state, row, signedDay, periods);

    previous = { id: row.id!, signedDay, lastDay };
    state.result.lastDay = lastDay;
    covered += length;
    // Usually the next certificate starts the day after; sometimes the patient tried working a few days.
    from = lastDay + 1 + (random.chance(0.12) ? random.int(1, 3) : 0);
  }
  return previous ? state.result : null;
}
