/**
 * The FK 7804 (version 2) rules of PRODUCT §3 as one pure function: the draft and its context in,
 * errors (the certificate cannot be signed) and warnings (it can, but the doctor should know) out.
 * Shared by the server, the browser and the command line; never throws on malformed input.
 */
import { dayNumber, isIsoDate } from "../../cases/days.ts";
import type { SjukfallCertificate } from "../../cases/types.ts";
import { totalCaseDays, wellFormedPeriods } from "./case-length.ts";
import {
  grades,
  grundTypes,
  hasCodeShape,
  isBlank,
  isOneOf,
  isRecord,
  normalizeCode,
  prognosTypes,
  sysselsattningTypes,
  type CertificateDraft,
} from "./draft.ts";
import { hiddenBySmittbararpenning } from "./hidden.ts";
import { grundLabels, sysselsattningLabels } from "./labels.ts";

export interface RuleContext {
  /** ISO date the certificate is judged on. */
  today: string;
  /** The patient's OTHER certificates on the same unit, contract sjukfall format. */
  history: SjukfallCertificate[];
  /** The unit's sjukfall gap for the FMB total and the case length (default 5). */
  gap?: number;
  /**
   * ICD-10-SE lookup: the entry, null when the code does not exist, undefined when not known yet
   * (browser cache miss → the existence check is skipped).
   */
  lookupDiagnosis: (code: string) => { code: string; title: string } | null | undefined;
  /** FMB recommended max days for the codes (most generous; codes shortened down to 3); null when none. */
  fmbLimitDays: (codes: string[]) => number | null;
  /** The patient belongs to a group FK pays from day 1 or day 8 (no SHORT_CASE warning). */
  shortCaseExempt?: boolean;
  /** The certificate the draft replaces or completes: it no longer counts in the case length. */
  replaces?: string | null;
  completes?: string | null;
}

export type WarningCode = "EARLY_START" | "FMB_EXCEEDED" | "SHORT_CASE";

export interface RuleResult {
  valid: boolean;
  errors: { field: string; message: string }[];
  warnings: { field: string; code: WarningCode; message: string }[];
}

export const MAX_TEXT_LENGTH = 4000;
export const MAX_GRUND_ANNAT_LENGTH = 50;
/** A period may start at most this many days before today without a warning. */
export const EARLY_START_DAYS = 7;
/** The employer pays sjuklön days 1–14: a shorter case gives SHORT_CASE. */
export const SHORT_CASE_DAYS = 15;

const ANSWER = "Ange ett svar.";
const DATE_FORMAT = "ange ett datum i formen ÅÅÅÅ-MM-DD";

class Report {
  readonly errors: RuleResult["errors"] = [];
  readonly warnings: RuleResult["warnings"] = [];

  error(field: string, message: string) {
    this.errors.push({ field, message });
  }

  warn(field: string, code: WarningCode, message: string) {
    this.warnings.push({ field, code, message });
  }
}

/**
 * A free-text answer: null when not answered (absent, null or only whitespace), else the text.
 * Errors for a value that is not text, and for text over `max` characters.
 */
function text(report: Report, field: string, value: unknown, max = MAX_TEXT_LENGTH): string | null {
  if (isBlank(value)) return null;
  if (typeof value !== "string") {
    report.error(field, "Svaret ska vara en text.");
    return null;
  }
  if (value.length > max) {
    report.error(field, `Texten får vara högst ${max} tecken (nu ${value.length}).`);
  }
  return value;
}

/** A yes/no answer: true, false or null (not answered); an error for anything else. */
function yesNo(report: Report, field: string, value: unknown): boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "boolean") return value;
  report.error(field, "Svara ja eller nej.");
  return null;
}

/** An array answer; [] when absent or null, null (after an error) when it is something else. */
function list(report: Report, field: string, value: unknown): unknown[] | null {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  report.error(field, "Svaret har fel form (en lista förväntas).");
  return null;
}

/** A date answer: the date, or null with an error naming `what`. */
function date(report: Report, field: string, value: unknown, what: string): string | null {
  if (isBlank(value)) {
    report.error(field, `Ange ${what}.`);
    return null;
  }
  if (typeof value !== "string" || !isIsoDate(value.trim())) {
    report.error(field, `${capitalize(what)} är inte ett giltigt datum: ${DATE_FORMAT}.`);
    return null;
  }
  return value.trim();
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function checkSmittbararpenning(report: Report, draft: CertificateDraft): boolean {
  return yesNo(report, "27", draft.smittbararpenning) === true;
}

/** [1] and [1.3]. */
function checkGrund(report: Report, draft: CertificateDraft, today: string, required: boolean) {
  const entries = list(report, "1", draft.grund);
  const filled = (entries ?? []).filter(
    (entry) => !(isRecord(entry) && isBlank(entry.typ) && isBlank(entry.datum)),
  );
  if (filled.length === 0 && required && entries !== null) {
    report.error("1", "Ange vad intyget baseras på (minst ett underlag med datum).");
  }
  const seen = new Set<string>();
  let annat = false;
  filled.forEach((entry, index) => {
    const row = `Underlag ${index + 1}`;
    if (!isRecord(entry)) {
      report.error("1", `${row} har fel form.`);
      return;
    }
    if (!isOneOf(grundTypes, entry.typ)) {
      report.error(
        "1",
        isBlank(entry.typ) ? `${row}: välj typ av underlag.` : `${row}: okänd typ av underlag.`,
      );
    } else if (seen.has(entry.typ)) {
      report.error("1", `Underlaget "${grundLabels[entry.typ]}" får bara anges en gång.`);
    } else {
      seen.add(entry.typ);
      annat ||= entry.typ === "ANNAT";
    }
    const label = isOneOf(grundTypes, entry.typ) ? lowerFirst(grundLabels[entry.typ]) : row.toLowerCase();
    const day = date(report, "1", entry.datum, `datum för ${label}`);
    if (day !== null && day > today) {
      report.error("1", `Datumet för ${label} får inte vara senare än dagens datum.`);
    }
  });
  const other = text(report, "1.3", draft.grundAnnat, MAX_GRUND_ANNAT_LENGTH);
  if (annat && other === null) report.error("1.3", "Ange vilket annat underlag intyget baseras på.");
  if (!annat && other !== null) {
    report.error("1.3", 'Fältet fylls bara i när underlaget "Annat" är valt.');
  }
}

/** [28] and [29]. */
function checkSysselsattning(report: Report, draft: CertificateDraft, required: boolean) {
  const entries = list(report, "28", draft.sysselsattning);
  const filled = (entries ?? []).filter((entry) => !isBlank(entry));
  if (filled.length === 0 && required && entries !== null) {
    report.error("28", "Ange patientens sysselsättning.");
  }
  const seen = new Set<string>();
  for (const entry of filled) {
    if (!isOneOf(sysselsattningTypes, entry)) report.error("28", "Okänd sysselsättning.");
    else if (seen.has(entry)) {
      report.error("28", `Sysselsättningen "${sysselsattningLabels[entry]}" får bara anges en gång.`);
    } else seen.add(entry);
  }
  const yrke = text(report, "29", draft.yrke);
  if (seen.has("NUVARANDE_ARBETE") && yrke === null) {
    report.error("29", "Ange yrke och arbetsuppgifter för nuvarande arbete.");
  }
  if (!seen.has("NUVARANDE_ARBETE") && yrke !== null) {
    report.error(
      "29",
      'Yrke och arbetsuppgifter anges bara när sysselsättningen "Nuvarande arbete" är vald.',
    );
  }
  return seen;
}

/** [6]; returns the well-formed codes, main diagnosis first. */
function checkDiagnoser(report: Report, draft: CertificateDraft, ctx: RuleContext): string[] {
  const rows = list(report, "6", draft.diagnoser);
  if (rows === null) return [];
  if (rows.length > 3) report.error("6", "Ange högst tre diagnoser.");
  const isEmpty = (row: unknown) => row === null || (isRecord(row) && isBlank(row.kod) && isBlank(row.text));
  if (rows.every(isEmpty)) {
    report.error("6", "Ange minst en diagnos (huvuddiagnosen först).");
    return [];
  }
  const codes: string[] = [];
  rows.slice(0, 3).forEach((row, index) => {
    const name = index === 0 ? "Huvuddiagnosen" : `Diagnos ${index + 1}`;
    if (isEmpty(row)) return;
    if (index > 0 && isEmpty(rows[index - 1])) {
      report.error("6", `${name} är ifylld men inte raden ovanför: fyll i diagnoserna uppifrån.`);
    }
    if (!isRecord(row)) {
      report.error("6", `${name} har fel form.`);
      return;
    }
    const description = text(report, "6", row.text);
    if (isBlank(row.kod)) {
      report.error("6", `${name}: ange diagnoskod.`);
      return;
    }
    if (typeof row.kod !== "string") {
      report.error("6", `${name}: diagnoskoden ska vara en text.`);
      return;
    }
    const code = normalizeCode(row.kod);
    if (!hasCodeShape(code)) {
      report.error(
        "6",
        `${name}: diagnoskoden ska ha 3–5 positioner, en bokstav och två siffror först (t.ex. M54 eller F43.8A).`,
      );
      return;
    }
    if ((code.startsWith("F") || code.startsWith("Z73")) && code.length < 4) {
      report.error(
        "6",
        `${name}: psykiatriska diagnoser (F-koder) och Z73 ska anges med minst fyra positioner.`,
      );
      return;
    }
    const entry = ctx.lookupDiagnosis(code);
    if (entry === null) {
      report.error("6", `${name}: diagnoskoden finns inte i ICD-10-SE.`);
      return;
    }
    codes.push(code);
    if (description === null) {
      report.error("6", index === 0 ? "Ange diagnosbeskrivning." : `${name}: ange diagnosbeskrivning.`);
    } else if (entry && !describesCode(description, entry.title)) {
      report.error(
        "6",
        `${name}: beskrivningen "${description.trim()}" hör inte till koden ${entry.code} (${entry.title}). ` +
          "Välj diagnosen i listan igen eller rätta beskrivningen.",
      );
    }
  });
  return codes;
}

const comparable = (text: string) =>
  text
    .toLocaleLowerCase("sv")
    .replace(/\s+/g, " ")
    .replace(/[\s.,;:]+$/, "")
    .trim();

/**
 * The description belongs to the code when it is the code's ICD-10-SE title, optionally followed
 * by the doctor's precision ("Lumbago, vänstersidig"). Picking a code sets its title; a text left
 * from another code ("S934 Depressiv episod") does not pass.
 */
function describesCode(description: string, title: string): boolean {
  const said = comparable(description);
  const expected = comparable(title);
  return said === expected || (said.startsWith(expected) && /^[\s,;:(–-]/.test(said.slice(expected.length)));
}

/** [32]; returns the grades of the well-formed periods. */
function checkPerioder(report: Report, draft: CertificateDraft, today: string): number[] {
  const rows = list(report, "32", draft.perioder);
  if (rows === null) return [];
  const isEmpty = (row: unknown) =>
    row === null || (isRecord(row) && isBlank(row.grad) && isBlank(row.from) && isBlank(row.tom));
  const filled = rows.filter((row) => !isEmpty(row));
  if (filled.length === 0) {
    report.error("32", "Ange minst en period med sjukskrivningsgrad, startdatum och slutdatum.");
    return [];
  }
  if (filled.length > 4) report.error("32", "Ange högst fyra perioder.");
  const periodGrades: number[] = [];
  const seenGrades = new Set<number>();
  const periods: { from: string; tom: string; index: number }[] = [];
  filled.forEach((row, index) => {
    const name = `Period ${index + 1}`;
    if (!isRecord(row)) {
      report.error("32", `${name} har fel form.`);
      return;
    }
    if (isBlank(row.grad)) report.error("32", `${name}: välj sjukskrivningsgrad.`);
    else if (!isOneOf(grades, row.grad)) {
      report.error("32", `${name}: sjukskrivningsgraden ska vara 25, 50, 75 eller 100 procent.`);
    } else if (seenGrades.has(row.grad)) {
      report.error("32", `Sjukskrivningsgraden ${row.grad} procent får bara anges i en period.`);
    } else {
      seenGrades.add(row.grad);
      periodGrades.push(row.grad);
    }
    const from = date(report, "32", row.from, `startdatum för period ${index + 1}`);
    const tom = date(report, "32", row.tom, `slutdatum för period ${index + 1}`);
    if (from === null || tom === null) return;
    if (from > tom) report.error("32", `${name}: startdatumet får inte vara senare än slutdatumet.`);
    else periods.push({ from, tom, index });
  });
  const sorted = [...periods].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const current = sorted[i]!;
    if (current.from <= previous.tom) {
      const [a, b] = [previous.index + 1, current.index + 1].sort((x, y) => x - y);
      report.error(
        "32",
        `Period ${a} och period ${b} överlappar varandra: perioderna får inte ha någon dag gemensam.`,
      );
    }
  }
  if (isIsoDate(today) && sorted.length > 0) {
    const earliest = sorted[0]!.from;
    const daysBack = dayNumber(today) - dayNumber(earliest);
    if (daysBack > EARLY_START_DAYS) {
      report.warn(
        "32",
        "EARLY_START",
        `Sjukskrivningen startar ${earliest}, mer än en vecka (${daysBack} dagar) före dagens datum. ` +
          "Ange orsaken till den retroaktiva sjukskrivningen i Övriga upplysningar (25).",
      );
    }
  }
  return periodGrades;
}

/** [33] and [33.2]. */
function checkArbetstid(report: Report, draft: CertificateDraft, periodGrades: number[], smitt: boolean) {
  const answer = yesNo(report, "33", draft.arbetstidsforlaggning);
  const motivation = text(report, "33.2", draft.arbetstidsforlaggningMotivering);
  const partTime = periodGrades.some((grade) => grade < 100);
  const allFullTime = periodGrades.length > 0 && !partTime;
  if (partTime && answer === null && !smitt) {
    report.error(
      "33",
      "Ange om möjligheterna till återgång i arbete försämras om arbetstiden förläggs ojämnt vid deltidssjukskrivning.",
    );
  }
  if (allFullTime && answer !== null) {
    report.error(
      "33",
      "Frågan om ojämnt förlagd arbetstid besvaras bara vid deltidssjukskrivning (25, 50 eller 75 procent): ta bort svaret.",
    );
  }
  if (answer === true && partTime && motivation === null) {
    report.error(
      "33.2",
      "Beskriv de medicinska skälen till att möjligheterna till återgång i arbete försämras.",
    );
  }
  if (answer !== true && motivation !== null) {
    report.error(
      "33.2",
      "De medicinska skälen anges bara när möjligheterna till återgång i arbete försämras (ja på fråga 33).",
    );
  }
}

/** [39], [39.4], [39.2]. */
function checkPrognos(report: Report, draft: CertificateDraft, required: boolean) {
  const prognos: unknown = draft.prognos;
  if (prognos !== undefined && prognos !== null && !isRecord(prognos)) {
    report.error("39", "Svaret har fel form.");
    return;
  }
  const typ = prognos?.typ;
  if (isBlank(typ)) {
    if (required) report.error("39", "Ange prognos för återgång i sysselsättning.");
  } else if (!isOneOf(prognosTypes, typ)) {
    report.error("39", "Okänt svar på prognosen.");
  }
  const months = prognos?.manader;
  if (typ === "ATER_X_ANTAL_MANADER") {
    if (months === undefined || months === null || months === "") {
      report.error("39.4", "Ange inom hur många månader patienten förväntas kunna återgå.");
    } else if (typeof months !== "number" || !Number.isInteger(months) || months < 1 || months > 99) {
      report.error("39.4", "Antal månader ska vara ett heltal från 1 till 99.");
    }
  } else if (months !== undefined && months !== null) {
    report.error(
      "39.4",
      "Antal månader anges bara när patienten förväntas återgå inom ett visst antal månader.",
    );
  }
  const basis = text(report, "39.2", prognos?.motivering);
  if (typ === "PROGNOS_OKLAR" && basis === null) {
    report.error("39.2", "Beskriv varför prognosen är oklar och vad bedömningen grundar sig på.");
  }
  if (typ !== "PROGNOS_OKLAR" && basis !== null) {
    report.error("39.2", "Grund för bedömningen anges bara när prognosen är oklar.");
  }
}

/** [26] and [26.2]. */
function checkKontaktFk(report: Report, draft: CertificateDraft) {
  // [26.2] is optional in version 2: the doctor may say why, but need not.
  const contact = yesNo(report, "26", draft.kontaktFk);
  const reason = text(report, "26.2", draft.kontaktFkAnledning);
  if (contact !== true && reason !== null) {
    report.error(
      "26.2",
      "Anledning till kontakt anges bara när kontakt med Försäkringskassan är önskad (ja).",
    );
  }
}

const unitFields = [
  ["postadress", "postadress"],
  ["postnummer", "postnummer"],
  ["postort", "postort"],
  ["telefon", "telefonnummer"],
] as const;

function checkEnhet(report: Report, draft: CertificateDraft) {
  const enhet: unknown = draft.enhet;
  if (!isRecord(enhet)) {
    report.error(
      "enhet",
      "Vårdenhetens kontaktuppgifter (postadress, postnummer, postort och telefonnummer) saknas.",
    );
    return;
  }
  for (const [key, label] of unitFields) {
    const value = enhet[key];
    if (isBlank(value)) report.error("enhet", `Vårdenhetens ${label} saknas.`);
    else if (typeof value !== "string") report.error("enhet", `Vårdenhetens ${label} ska vara en text.`);
  }
  if (typeof enhet.postnummer === "string" && !isBlank(enhet.postnummer)) {
    if (!/^\d{3} ?\d{2}$/.test(enhet.postnummer.trim())) {
      report.error("enhet", "Vårdenhetens postnummer ska ha fem siffror (t.ex. 831 30).");
    }
  }
}

function checkLength(
  report: Report,
  draft: CertificateDraft,
  ctx: RuleContext,
  codes: string[],
  sysselsattning: Set<string>,
) {
  if (draft.smittbararpenning === true || wellFormedPeriods(draft).length === 0) return;
  const total = totalCaseDays(draft, ctx);
  if (total === null) return;
  const limit = codes.length > 0 ? ctx.fmbLimitDays(codes) : null;
  if (limit !== null && total > limit) {
    report.warn(
      "32",
      "FMB_EXCEEDED",
      `Den totala sjukskrivningsperioden är ${total} dagar och överskrider Försäkringsmedicinskt ` +
        `beslutsstöds (FMB) rekommenderade längd för diagnosen på ${limit} dagar. Motivera den längre ` +
        "sjukskrivningen i fältet Motivering till varför sjukskrivningen är längre än FMB rekommenderar (37).",
    );
  }
  if (total < SHORT_CASE_DAYS && !ctx.shortCaseExempt && sysselsattning.has("NUVARANDE_ARBETE")) {
    report.warn(
      "32",
      "SHORT_CASE",
      `Sjukfallet är ${total} ${total === 1 ? "dag" : "dagar"}, kortare än ${SHORT_CASE_DAYS} dagar. ` +
        "Arbetsgivaren betalar sjuklön dag 1–14, så Försäkringskassan behöver normalt inte intyget ännu. " +
        "Bekräfta att det ändå ska skickas.",
    );
  }
}

/** Is the question answered in the draft as it came in (a ticked box, a text, a choice)? */
function answered(draft: CertificateDraft, field: string): boolean {
  const prognos: unknown = draft.prognos;
  const filledList = (value: unknown) => Array.isArray(value) && value.some((v) => !isBlank(v));
  const values: Record<string, () => boolean> = {
    "1": () => filledList(draft.grund),
    "1.3": () => !isBlank(draft.grundAnnat),
    "28": () => filledList(draft.sysselsattning),
    "29": () => !isBlank(draft.yrke),
    "35": () => !isBlank(draft.funktionsnedsattning),
    "17": () => !isBlank(draft.aktivitetsbegransning),
    "19": () => !isBlank(draft.behandling),
    "37": () => !isBlank(draft.fmbMotivering),
    "34": () => draft.transport === true,
    "39": () => isRecord(prognos) && !isBlank(prognos.typ),
    "39.4": () => isRecord(prognos) && !isBlank(prognos.manader),
    "39.2": () => isRecord(prognos) && !isBlank(prognos.motivering),
    "44": () => !isBlank(draft.atgarder),
    "26": () => draft.kontaktFk === true,
    "26.2": () => !isBlank(draft.kontaktFkAnledning),
  };
  return values[field]?.() ?? false;
}

/**
 * Smittbärarpenning hides every question but the diagnosis, the periods, [33] and [25]: an answer
 * left on a hidden question is an error on its field (it would never be sent).
 */
function checkHiddenBySmittbararpenning(report: Report, draft: CertificateDraft) {
  if (draft.smittbararpenning !== true) return;
  for (const field of hiddenBySmittbararpenning) {
    if (!answered(draft, field) || report.errors.some((e) => e.field === field)) continue;
    report.error(
      field,
      "Frågan besvaras inte när intyget gäller smittbärarpenning (förhållningsregler enligt smittskyddslagen): ta bort svaret.",
    );
  }
}

export function validateCertificate(input: CertificateDraft, ctx: RuleContext): RuleResult {
  const report = new Report();
  const draft: CertificateDraft = isRecord(input) ? input : {};
  if (!isRecord(input)) report.error("27", "Intyget har fel form (ett JSON-objekt förväntas).");
  const smitt = checkSmittbararpenning(report, draft);
  const required = !smitt;
  checkGrund(report, draft, ctx.today, required);
  const sysselsattning = checkSysselsattning(report, draft, required);
  const codes = checkDiagnoser(report, draft, ctx);
  for (const [field, value] of [
    ["35", draft.funktionsnedsattning],
    ["17", draft.aktivitetsbegransning],
  ] as const) {
    if (text(report, field, value) === null && required) report.error(field, ANSWER);
  }
  text(report, "19", draft.behandling);
  const periodGrades = checkPerioder(report, draft, ctx.today);
  text(report, "37", draft.fmbMotivering);
  yesNo(report, "34", draft.transport);
  checkArbetstid(report, draft, periodGrades, smitt);
  checkPrognos(report, draft, required);
  text(report, "44", draft.atgarder);
  text(report, "25", draft.ovrigt);
  checkKontaktFk(report, draft);
  checkHiddenBySmittbararpenning(report, draft);
  checkEnhet(report, draft);
  checkLength(report, draft, ctx, codes, sysselsattning);
  return { valid: report.errors.length === 0, errors: report.errors, warnings: report.warnings };
}
