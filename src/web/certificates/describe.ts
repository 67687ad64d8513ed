/**
 * The certificate's answers as Swedish text, one row per FK question: for the read-only view and
 * for showing what differs between the saved version and the user's.
 */
import { parseContent } from "../../certificates/content.ts";
import type { CertificateDraft } from "../../certificates/rules/draft.ts";
import {
  fieldLabels,
  grundLabels,
  prognosLabels,
  sysselsattningLabels,
} from "../../certificates/rules/labels.ts";

export interface AnswerRow {
  field: string;
  label: string;
  value: string;
}

const none = "–";
const yesNo = (value: unknown) => (value === true ? "Ja" : value === false ? "Nej" : none);
const textOf = (value: unknown) => (typeof value === "string" && value.trim() ? value : none);

/** "Funktionsnedsättning (35)": the label with FK's question id. */
export function labelWithId(field: string): string {
  const label = fieldLabels[field] ?? field;
  return field === "enhet" ? label : `${label} (${field})`;
}

export function describeContent(stored: CertificateDraft): AnswerRow[] {
  const content = parseContent(stored);
  const prognos = content.prognos;
  const enhet = content.enhet;
  const lines = (values: string[]) => values.join("\n") || none;
  const answers: [string, string][] = [
    ["27", yesNo(content.smittbararpenning)],
    ["1", lines(content.grund.map((g) => `${grundLabels[g.typ]}: ${textOf(g.datum)}`))],
    ["1.3", textOf(content.grundAnnat)],
    ["28", content.sysselsattning.map((s) => sysselsattningLabels[s]).join(", ") || none],
    ["29", textOf(content.yrke)],
    ["6", lines(content.diagnoser.map((d) => `${textOf(d.kod)} ${textOf(d.text)}`))],
    ["35", textOf(content.funktionsnedsattning)],
    ["17", textOf(content.aktivitetsbegransning)],
    ["19", textOf(content.behandling)],
    ["32", lines(content.perioder.map((p) => `${p.grad ?? none} %: ${textOf(p.from)} – ${textOf(p.tom)}`))],
    ["37", textOf(content.fmbMotivering)],
    ["33", yesNo(content.arbetstidsforlaggning)],
    ["33.2", textOf(content.arbetstidsforlaggningMotivering)],
    ["34", yesNo(content.transport)],
    ["39", prognos ? prognosLabels[prognos.typ] : none],
    ["39.4", prognos?.manader != null ? String(prognos.manader) : none],
    ["39.2", textOf(prognos?.motivering)],
    ["44", textOf(content.atgarder)],
    ["25", textOf(content.ovrigt)],
    ["26", yesNo(content.kontaktFk)],
    ["26.2", textOf(content.kontaktFkAnledning)],
    [
      "enhet",
      enhet
        ? [
            enhet.namn,
            enhet.postadress,
            [enhet.postnummer, enhet.postort].filter(Boolean).join(" "),
            enhet.telefon,
          ]
            .filter((v) => typeof v === "string" && v.trim())
            .join(", ") || none
        : none,
    ],
  ];
  return answers.map(([field, value]) => ({ field, label: labelWithId(field), value }));
}

/** The questions whose answers differ, with both versions. */
export function differences(saved: CertificateDraft, mine: CertificateDraft) {
  const theirs = describeContent(saved);
  const ours = describeContent(mine);
  return theirs
    .map((row, index) => ({ field: row.field, label: row.label, saved: row.value, mine: ours[index]!.value }))
    .filter((row) => row.saved !== row.mine);
}
