/**
 * The FK 7804 answers of a demo certificate, in the draft shape of the command-line contract
 * (`../shared/contracts/README.md`). What a förlängning copies (diagnoses, occupation, DFA texts)
 * is chosen once per case; the basis, periods and prognosis are assessed anew for each certificate.
 */
import { isoDate } from "../cases/days.ts";
import { companions, diagnosisByCode, themeTexts, type Diagnosis } from "./diagnoses.ts";
import type { Random, Weighted } from "./random.ts";

export type Grade = 25 | 50 | 75 | 100;

export interface Period {
  grad: Grade;
  /** Day numbers; `tom` included. */
  from: number;
  tom: number;
}

export interface UnitContact {
  namn: string;
  postadress: string;
  postnummer: string;
  postort: string;
  telefon: string;
}

/** What stays the same through the certificates of one case. */
export interface CaseProfile {
  diagnoser: { kod: string; text: string }[];
  sysselsattning: string[];
  yrke: string | null;
  funktionsnedsattning: string;
  aktivitetsbegransning: string;
  behandling: string | null;
  atgarder: string | null;
  /** Whether the case is expected to be long (prognosis and FK contact depend on it). */
  long: boolean;
}

const occupations = [
  "Undersköterska i hemtjänsten",
  "Lärare på högstadiet",
  "Sjuksköterska på vårdavdelning",
  "Snickare",
  "Lastbilschaufför",
  "Butikssäljare",
  "Förskollärare",
  "Ekonomiassistent",
  "Elektriker",
  "Kock",
  "Lokalvårdare",
  "Personlig assistent",
  "Systemutvecklare",
  "Socialsekreterare",
  "Maskinoperatör i sågverk",
  "Barnskötare",
  "Busschaufför",
  "Receptionist på hotell",
  "Liftskötare",
  "Skogsmaskinförare",
  "Kundtjänstmedarbetare",
  "Handläggare på kommunen",
  "Restaurangbiträde",
  "Lagerarbetare",
  "Vårdbiträde på äldreboende",
  "Frisör",
  "Byggnadsarbetare",
  "Fritidspedagog",
];

const employment: Weighted<string[]> = [
  [["NUVARANDE_ARBETE"], 86],
  [["ARBETSSOKANDE"], 7],
  [["STUDIER"], 5],
  [["FORALDRALEDIG"], 2],
];

export function caseProfile(random: Random, main: Diagnosis, age: number, long: boolean): CaseProfile {
  const diagnoser = [{ kod: main.kod, text: main.text }];
  const extra = companions[main.kod];
  if (extra && random.chance(0.2)) {
    const second = diagnosisByCode(random.pick(extra));
    diagnoser.push({ kod: second.kod, text: second.text });
  }
  let sysselsattning = random.weighted(employment);
  if (sysselsattning[0] === "STUDIER" && age > 35) sysselsattning = ["NUVARANDE_ARBETE"];
  const texts = themeTexts[main.theme];
  return {
    diagnoser,
    sysselsattning,
    yrke: sysselsattning[0] === "NUVARANDE_ARBETE" ? random.pick(occupations) : null,
    funktionsnedsattning: random.pick(texts.funktionsnedsattning),
    aktivitetsbegransning: random.pick(texts.aktivitetsbegransning),
    behandling: random.chance(0.7) ? random.pick(texts.behandling) : null,
    atgarder: texts.atgarder.length > 0 && (long || random.chance(0.2)) ? random.pick(texts.atgarder) : null,
    long,
  };
}

type BasisType = "FYSISK_UNDERSOKNING" | "DIGITAL_UNDERSOKNING" | "TELEFONKONTAKT" | "JOURNALUPPGIFTER";

function basis(random: Random, signedDay: number, first: boolean) {
  const main: BasisType = first
    ? random.weighted<BasisType>([
        ["FYSISK_UNDERSOKNING", 84],
        ["DIGITAL_UNDERSOKNING", 11],
        ["TELEFONKONTAKT", 5],
      ])
    : random.weighted<BasisType>([
        ["FYSISK_UNDERSOKNING", 45],
        ["TELEFONKONTAKT", 35],
        ["DIGITAL_UNDERSOKNING", 20],
      ]);
  const grund = [{ typ: main, datum: isoDate(signedDay) }];
  if (!first && random.chance(0.2)) {
    grund.push({ typ: "JOURNALUPPGIFTER", datum: isoDate(signedDay - random.int(7, 40)) });
  }
  return grund;
}

function prognosis(random: Random, profile: CaseProfile, dayInCase: number) {
  if (!profile.long) return { typ: "STOR_SANNOLIKHET", manader: null, motivering: null };
  const typ = random.weighted([
    ["ATER_X_ANTAL_MANADER", 55],
    ["STOR_SANNOLIKHET", 20],
    ["PROGNOS_OKLAR", 17],
    ["SANNOLIKT_INTE", dayInCase > 180 ? 8 : 0],
  ] as const);
  if (typ === "ATER_X_ANTAL_MANADER") return { typ, manader: random.int(1, 6), motivering: null };
  if (typ === "PROGNOS_OKLAR") {
    return {
      typ,
      manader: null,
      motivering: "Förloppet är svårbedömt; ny bedömning görs vid nästa besök efter insatt behandling.",
    };
  }
  return { typ, manader: null, motivering: null };
}

/** The content of one certificate of the case. `dayInCase` is the day number of its first day in the case. */
export function certificateContent(
  random: Random,
  profile: CaseProfile,
  certificate: { periods: Period[]; signedDay: number; first: boolean; dayInCase: number },
  enhet: UnitContact,
): Record<string, unknown> {
  const partTime = certificate.periods.some((p) => p.grad < 100);
  const alteredHours = partTime && random.chance(0.2);
  const fkContact = profile.long && certificate.dayInCase > 60 && random.chance(0.08);
  return {
    smittbararpenning: false,
    grund: basis(random, certificate.signedDay, certificate.first),
    grundAnnat: null,
    sysselsattning: profile.sysselsattning,
    yrke: profile.yrke,
    diagnoser: profile.diagnoser,
    funktionsnedsattning: profile.funktionsnedsattning,
    aktivitetsbegransning: profile.aktivitetsbegransning,
    behandling: profile.behandling,
    perioder: certificate.periods.map((p) => ({ grad: p.grad, from: isoDate(p.from), tom: isoDate(p.tom) })),
    fmbMotivering:
      certificate.dayInCase > 180 && random.chance(0.5)
        ? "Långvarigt förlopp med samsjuklighet; behandling pågår och återgång planeras stegvis."
        : null,
    transport: false,
    // Question 33 is answered only when some period is part-time (PRODUCT §3).
    arbetstidsforlaggning: partTime ? alteredHours : null,
    arbetstidsforlaggningMotivering: alteredHours
      ? "Uttröttbarheten ökar under dagen; arbetstiden bör förläggas till förmiddagar."
      : null,
    prognos: prognosis(random, profile, certificate.dayInCase),
    atgarder: profile.atgarder,
    ovrigt: null,
    kontaktFk: fkContact,
    kontaktFkAnledning: fkContact
      ? "Önskar avstämningsmöte med Försäkringskassan och arbetsgivaren om återgång i arbete."
      : null,
    enhet,
  };
}

/** What a completing certificate adds for the question areas Försäkringskassan asked about. */
export function completedContent(
  content: Record<string, unknown>,
  fields: string[],
): Record<string, unknown> {
  const next = structuredClone(content);
  if (fields.includes("35")) {
    next.funktionsnedsattning = `${String(next.funktionsnedsattning)} Kompletterande undersökning: fynden kvarstår oförändrade.`;
  }
  if (fields.includes("17")) {
    next.aktivitetsbegransning = `${String(next.aktivitetsbegransning)} Begränsningen gäller hela arbetsdagen och alla arbetsuppgifter i nuvarande arbete.`;
  }
  if (fields.includes("39")) {
    next.prognos = {
      typ: "ATER_X_ANTAL_MANADER",
      manader: 2,
      motivering: null,
    };
  }
  next.ovrigt = "Intyget kompletteras på begäran av Försäkringskassan.";
  return next;
}
