/**
 * The editor's model of an FK 7804 draft: one entry per answer option (as FK's form shows them),
 * texts as strings. `fromContent` reads stored content defensively; `toContent` writes the
 * contract's draft shape (blank texts as null), keeping keys the editor does not know.
 */
import {
  grades,
  grundTypes,
  isOneOf,
  isRecord,
  prognosTypes,
  sysselsattningTypes,
  type CertificateDraft,
  type Grade,
  type GrundType,
  type PrognosType,
  type SysselsattningType,
} from "../../certificates/rules/draft.ts";
import { normalizeIcdCode } from "../../reference/icd10/codes.ts";

export interface FormDiagnosis {
  kod: string;
  text: string;
}

export interface FormPeriod {
  checked: boolean;
  from: string;
  tom: string;
}

export interface FormDraft {
  smittbararpenning: boolean;
  grund: Record<GrundType, { checked: boolean; datum: string }>;
  grundAnnat: string;
  sysselsattning: Record<SysselsattningType, boolean>;
  yrke: string;
  diagnoser: FormDiagnosis[];
  funktionsnedsattning: string;
  aktivitetsbegransning: string;
  behandling: string;
  perioder: Record<Grade, FormPeriod>;
  fmbMotivering: string;
  transport: boolean;
  arbetstidsforlaggning: boolean | null;
  arbetstidsforlaggningMotivering: string;
  prognosTyp: PrognosType | null;
  prognosManader: string;
  prognosMotivering: string;
  atgarder: string;
  ovrigt: string;
  kontaktFk: boolean;
  kontaktFkAnledning: string;
}

export const diagnosisRows = 3;
/** FK's order: full sick leave first. */
export const gradeOrder: readonly Grade[] = [...grades].reverse();

const text = (value: unknown): string => (typeof value === "string" ? value : "");
const orNull = (value: string): string | null => (value.trim() === "" ? null : value);

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function fromContent(content: CertificateDraft): FormDraft {
  const grund = Object.fromEntries(
    grundTypes.map((t) => [t, { checked: false, datum: "" }]),
  ) as FormDraft["grund"];
  for (const entry of list(content.grund)) {
    if (isRecord(entry) && isOneOf(grundTypes, entry.typ)) {
      grund[entry.typ] = { checked: true, datum: text(entry.datum) };
    }
  }
  const sysselsattning = Object.fromEntries(
    sysselsattningTypes.map((t) => [t, false]),
  ) as FormDraft["sysselsattning"];
  for (const entry of list(content.sysselsattning)) {
    if (isOneOf(sysselsattningTypes, entry)) sysselsattning[entry] = true;
  }
  const diagnoser = list(content.diagnoser)
    .slice(0, diagnosisRows)
    .map((d) => (isRecord(d) ? { kod: text(d.kod), text: text(d.text) } : { kod: "", text: "" }));
  while (diagnoser.length < diagnosisRows) diagnoser.push({ kod: "", text: "" });
  const perioder = Object.fromEntries(
    grades.map((g) => [g, { checked: false, from: "", tom: "" }]),
  ) as Record<Grade, FormPeriod>;
  for (const entry of list(content.perioder)) {
    if (isRecord(entry) && isOneOf(grades, entry.grad)) {
      perioder[entry.grad] = { checked: true, from: text(entry.from), tom: text(entry.tom) };
    }
  }
  const prognos = isRecord(content.prognos) ? content.prognos : {};
  return {
    smittbararpenning: content.smittbararpenning === true,
    grund,
    grundAnnat: text(content.grundAnnat),
    sysselsattning,
    yrke: text(content.yrke),
    diagnoser,
    funktionsnedsattning: text(content.funktionsnedsattning),
    aktivitetsbegransning: text(content.aktivitetsbegransning),
    behandling: text(content.behandling),
    perioder,
    fmbMotivering: text(content.fmbMotivering),
    transport: content.transport === true,
    arbetstidsforlaggning:
      typeof content.arbetstidsforlaggning === "boolean" ? content.arbetstidsforlaggning : null,
    arbetstidsforlaggningMotivering: text(content.arbetstidsforlaggningMotivering),
    prognosTyp: isOneOf(prognosTypes, prognos.typ) ? prognos.typ : null,
    prognosManader: typeof prognos.manader === "number" ? String(prognos.manader) : "",
    prognosMotivering: text(prognos.motivering),
    atgarder: text(content.atgarder),
    ovrigt: text(content.ovrigt),
    kontaktFk: content.kontaktFk === true,
    kontaktFkAnledning: text(content.kontaktFkAnledning),
  };
}

/** Months as typed: a whole number, else null (the rules then ask for it). */
function months(value: string): number | null {
  return /^\s*\d{1,3}\s*$/.test(value) ? Number(value) : null;
}

export function toContent(draft: FormDraft, base: CertificateDraft = {}): CertificateDraft {
  const diagnoser = draft.diagnoser.map((d) => ({ kod: d.kod.trim(), text: d.text }));
  // Trailing empty rows are not rows; an empty row above a filled one stays, so the rules see it.
  while (diagnoser.length > 0 && !diagnoser.at(-1)!.kod && !diagnoser.at(-1)!.text.trim()) diagnoser.pop();
  const partTime = gradeOrder.some((g) => g !== 100 && draft.perioder[g].checked);
  return {
    ...base,
    smittbararpenning: draft.smittbararpenning,
    grund: grundTypes
      .filter((t) => draft.grund[t].checked)
      .map((t) => ({ typ: t, datum: orNull(draft.grund[t].datum) })),
    grundAnnat: draft.grund.ANNAT.checked ? orNull(draft.grundAnnat) : null,
    sysselsattning: sysselsattningTypes.filter((t) => draft.sysselsattning[t]),
    yrke: draft.sysselsattning.NUVARANDE_ARBETE ? orNull(draft.yrke) : null,
    diagnoser: diagnoser.map((d) => ({ kod: d.kod || null, text: orNull(d.text) })),
    funktionsnedsattning: orNull(draft.funktionsnedsattning),
    aktivitetsbegransning: orNull(draft.aktivitetsbegransning),
    behandling: orNull(draft.behandling),
    perioder: gradeOrder
      .filter((g) => draft.perioder[g].checked)
      .map((g) => ({ grad: g, from: orNull(draft.perioder[g].from), tom: orNull(draft.perioder[g].tom) })),
    fmbMotivering: orNull(draft.fmbMotivering),
    transport: draft.transport,
    arbetstidsforlaggning: partTime ? draft.arbetstidsforlaggning : null,
    arbetstidsforlaggningMotivering:
      partTime && draft.arbetstidsforlaggning ? orNull(draft.arbetstidsforlaggningMotivering) : null,
    prognos: draft.prognosTyp
      ? {
          typ: draft.prognosTyp,
          manader: draft.prognosTyp === "ATER_X_ANTAL_MANADER" ? months(draft.prognosManader) : null,
          motivering: draft.prognosTyp === "PROGNOS_OKLAR" ? orNull(draft.prognosMotivering) : null,
        }
      : null,
    atgarder: orNull(draft.atgarder),
    ovrigt: orNull(draft.ovrigt),
    kontaktFk: draft.kontaktFk,
    kontaktFkAnledning: draft.kontaktFk ? orNull(draft.kontaktFkAnledning) : null,
  };
}

/** The diagnosis codes entered, normalized, in row order. */
export function enteredCodes(draft: FormDraft): string[] {
  return draft.diagnoser.map((d) => normalizeIcdCode(d.kod)).filter((c) => c.length > 0);
}
