/**
 * The FK 7804 content as labelled lines in Swedish, in the form's order. Pure, so the PDF and the
 * web app's read-only view print the same thing.
 */
import type { CertificateContent } from "./workflow.ts";

export const contentLabels = {
  form: "Försäkringskassan FK 7804 (version 2)",
};

const grundLabels: Record<string, string> = {
  FYSISK_UNDERSOKNING: "Min undersökning av patienten",
  DIGITAL_UNDERSOKNING: "Min undersökning vid videobesök",
  TELEFONKONTAKT: "Min telefonkontakt med patienten",
  JOURNALUPPGIFTER: "Journaluppgifter",
  ANNAT: "Annat",
};

const sysselsattningLabels: Record<string, string> = {
  NUVARANDE_ARBETE: "Nuvarande arbete",
  ARBETSSOKANDE: "Arbetssökande",
  FORALDRALEDIG: "Föräldraledighet",
  STUDIER: "Studier",
};

const prognosLabels: Record<string, string> = {
  STOR_SANNOLIKHET:
    "Patienten kommer med stor sannolikhet att återgå helt i nuvarande sysselsättning efter denna sjukskrivning",
  ATER_X_ANTAL_MANADER:
    "Patienten kommer med stor sannolikhet att återgå helt i nuvarande sysselsättning inom ett antal månader",
  SANNOLIKT_INTE: "Patienten kommer sannolikt inte att återgå i nuvarande sysselsättning",
  PROGNOS_OKLAR: "Prognos för återgång i sysselsättning är oklar",
};

type Section = { label: string; lines: string[] };

const text = (value: unknown): string | null =>
  typeof value === "string" && value.trim() ? value.trim() : null;
const list = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value)
    ? value.filter((v): v is Record<string, unknown> => typeof v === "object" && v !== null)
    : [];
const yesNo = (value: unknown) => (value === true ? "Ja" : "Nej");

export function describeContent(content: CertificateContent): Section[] {
  const sections: Section[] = [];
  const add = (label: string, lines: (string | null)[]) => {
    const kept = lines.filter((l): l is string => l !== null);
    if (kept.length) sections.push({ label, lines: kept });
  };
  add("Smittbärarpenning", [
    content.smittbararpenning === true ? "Ja, avstängning enligt smittskyddslagen" : null,
  ]);
  add("Intyget är baserat på", [
    ...list(content.grund).map(
      (g) => `${grundLabels[String(g.typ)] ?? String(g.typ)}: ${String(g.datum ?? "")}`,
    ),
    text(content.grundAnnat),
  ]);
  add(
    "Sysselsättning",
    (Array.isArray(content.sysselsattning) ? content.sysselsattning : []).map(
      (s) => sysselsattningLabels[String(s)] ?? String(s),
    ),
  );
  add("Yrke och arbetsuppgifter", [text(content.yrke)]);
  add(
    "Diagnos",
    list(content.diagnoser).map((d) => `${String(d.kod ?? "")} ${String(d.text ?? "")}`.trim()),
  );
  add("Funktionsnedsättning", [text(content.funktionsnedsattning)]);
  add("Aktivitetsbegränsning", [text(content.aktivitetsbegransning)]);
  add("Pågående medicinsk behandling", [text(content.behandling)]);
  add(
    "Bedömning av arbetsförmåga",
    list(content.perioder).map((p) => `${String(p.grad)} % nedsatt: ${String(p.from)} – ${String(p.tom)}`),
  );
  add("Motivering till varför FMB:s rekommenderade längd överskrids", [text(content.fmbMotivering)]);
  add("Resor till och från arbetet", [
    content.transport === true ? "Resor istället för sjukpenning kan göra det möjligt att arbeta" : null,
  ]);
  add("Arbetstidsförläggning", [
    content.arbetstidsforlaggning === true
      ? `Ja: ${text(content.arbetstidsforlaggningMotivering) ?? ""}`
      : null,
  ]);
  const prognos = (content.prognos ?? null) as Record<string, unknown> | null;
  if (prognos && typeof prognos.typ === "string") {
    add("Prognos", [
      prognosLabels[prognos.typ] ?? prognos.typ,
      typeof prognos.manader === "number" ? `Inom ${prognos.manader} månader` : null,
      text(prognos.motivering),
    ]);
  }
  add("Åtgärder som kan främja återgång i arbete", [text(content.atgarder)]);
  add("Övriga upplysningar", [text(content.ovrigt)]);
  add("Kontakt med Försäkringskassan önskas", [
    content.kontaktFk === true
      ? `${yesNo(true)}${text(content.kontaktFkAnledning) ? `: ${text(content.kontaktFkAnledning)}` : ""}`
      : null,
  ]);
  const enhet = (content.enhet ?? null) as Record<string, unknown> | null;
  if (enhet) {
    add("Vårdenhet", [
      text(enhet.namn),
      text(enhet.postadress),
      [text(enhet.postnummer), text(enhet.postort)].filter(Boolean).join(" ") || null,
      text(enhet.telefon),
    ]);
  }
  return sections;
}
