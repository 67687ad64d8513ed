/**
 * The FK 7804 content as labelled lines in Swedish, in the form's order. Pure, so the PDF and the
 * web app's read-only view print the same thing.
 */
import { parseContent } from "./content.ts";
import {
  checkboxLabels,
  fieldLabels,
  grundLabels,
  prognosLabels,
  sysselsattningLabels,
} from "./rules/labels.ts";
import type { CertificateContent } from "./workflow.ts";

export const contentLabels = {
  form: "Försäkringskassan FK 7804 (version 2)",
};

/** One answered question: FK's question id (or "enhet"), its label and the answer lines. */
export type Section = { field: string; label: string; lines: string[] };

const filled = (value: string | null): string | null =>
  value !== null && value.trim() ? value.trim() : null;

export function describeContent(stored: CertificateContent): Section[] {
  const content = parseContent(stored);
  const sections: Section[] = [];
  const add = (field: string, lines: (string | null)[]) => {
    const kept = lines.filter((l): l is string => l !== null);
    if (kept.length) sections.push({ field, label: fieldLabels[field] ?? field, lines: kept });
  };
  add("27", [content.smittbararpenning ? "Ja" : null]);
  add("1", [
    ...content.grund.map((g) => `${grundLabels[g.typ]}: ${g.datum ?? ""}`),
    filled(content.grundAnnat),
  ]);
  add(
    "28",
    content.sysselsattning.map((s) => sysselsattningLabels[s]),
  );
  add("29", [filled(content.yrke)]);
  add(
    "6",
    content.diagnoser.map((d) => `${d.kod ?? ""} ${d.text ?? ""}`.trim()).filter((line) => line !== ""),
  );
  add("35", [filled(content.funktionsnedsattning)]);
  add("17", [filled(content.aktivitetsbegransning)]);
  add("19", [filled(content.behandling)]);
  add(
    "32",
    content.perioder.map((p) => `${p.grad ?? "–"} procent: ${p.from ?? ""} – ${p.tom ?? ""}`),
  );
  add("37", [filled(content.fmbMotivering)]);
  add("34", [content.transport ? checkboxLabels["34"] : null]);
  add("33", [
    content.arbetstidsforlaggning === null ? null : content.arbetstidsforlaggning ? "Ja" : "Nej",
    filled(content.arbetstidsforlaggningMotivering),
  ]);
  if (content.prognos) {
    add("39", [
      prognosLabels[content.prognos.typ],
      content.prognos.manader !== null ? `${content.prognos.manader} månader` : null,
      filled(content.prognos.motivering),
    ]);
  }
  add("44", [filled(content.atgarder)]);
  add("25", [filled(content.ovrigt)]);
  add("26", [content.kontaktFk ? checkboxLabels["26"] : null, filled(content.kontaktFkAnledning)]);
  const enhet = content.enhet;
  if (enhet) {
    add("enhet", [
      filled(enhet.namn),
      filled(enhet.postadress),
      [filled(enhet.postnummer), filled(enhet.postort)].filter(Boolean).join(" ") || null,
      filled(enhet.telefon),
    ]);
  }
  return sections;
}
