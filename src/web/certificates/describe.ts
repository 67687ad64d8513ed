/**
 * The certificate's answers as Swedish text, one row per FK question: for the read-only view and
 * for showing what differs between the saved version and the user's.
 */
import {
  isRecord,
  type CertificateDraft,
  type GrundType,
  type PrognosType,
  type SysselsattningType,
} from "../../certificates/rules/draft.ts";
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
const rows = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter(isRecord) : [];

/** "Funktionsnedsättning (35)": the label with FK's question id. */
export function labelWithId(field: string): string {
  const label = fieldLabels[field] ?? field;
  return field === "enhet" ? label : `${label} (${field})`;
}

export function describeContent(content: CertificateDraft): AnswerRow[] {
  const prognos = isRecord(content.prognos) ? content.prognos : {};
  const enhet = isRecord(content.enhet) ? content.enhet : {};
  const answers: [string, string][] = [
    ["27", yesNo(content.smittbararpenning)],
    [
      "1",
      rows(content.grund)
        .map((g) => `${grundLabels[g.typ as GrundType] ?? String(g.typ)}: ${textOf(g.datum)}`)
        .join("\n") || none,
    ],
    ["1.3", textOf(content.grundAnnat)],
    [
      "28",
      (Array.isArray(content.sysselsattning) ? content.sysselsattning : [])
        .map((s) => sysselsattningLabels[s as SysselsattningType] ?? String(s))
        .join(", ") || none,
    ],
    ["29", textOf(content.yrke)],
    [
      "6",
      rows(content.diagnoser)
        .map((d) => `${textOf(d.kod)} ${textOf(d.text)}`)
        .join("\n") || none,
    ],
    ["35", textOf(content.funktionsnedsattning)],
    ["17", textOf(content.aktivitetsbegransning)],
    ["19", textOf(content.behandling)],
    [
      "32",
      rows(content.perioder)
        .map((p) => `${String(p.grad)} %: ${textOf(p.from)} – ${textOf(p.tom)}`)
        .join("\n") || none,
    ],
    ["37", textOf(content.fmbMotivering)],
    ["33", yesNo(content.arbetstidsforlaggning)],
    ["33.2", textOf(content.arbetstidsforlaggningMotivering)],
    ["34", yesNo(content.transport)],
    ["39", prognosLabels[prognos.typ as PrognosType] ?? none],
    ["39.4", typeof prognos.manader === "number" ? String(prognos.manader) : none],
    ["39.2", textOf(prognos.motivering)],
    ["44", textOf(content.atgarder)],
    ["25", textOf(content.ovrigt)],
    ["26", yesNo(content.kontaktFk)],
    ["26.2", textOf(content.kontaktFkAnledning)],
    [
      "enhet",
      [
        enhet.namn,
        enhet.postadress,
        [enhet.postnummer, enhet.postort].filter(Boolean).join(" "),
        enhet.telefon,
      ]
        .filter((v) => typeof v === "string" && v.trim())
        .join(", ") || none,
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
