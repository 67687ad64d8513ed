/**
 * The editor's model of an FK 7804 draft: one entry per answer option (as FK's form shows them),
 * texts as strings. `fromContent` reads stored content through the one content parser; `toContent`
 * writes the contract's draft shape (blank texts as null) without answers to hidden questions,
 * keeping keys the editor does not know. `clearHiddenAnswers` is what the editor does when an
 * answer hides questions that were answered.
 */
import { parseContent } from "../../certificates/content.ts";
import { hiddenQuestions, withoutHiddenAnswers } from "../../certificates/rules/hidden.ts";
import {
  grades,
  grundTypes,
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

const orNull = (value: string): string | null => (value.trim() === "" ? null : value);

export function fromContent(stored: CertificateDraft): FormDraft {
  const content = parseContent(stored);
  const grund = Object.fromEntries(
    grundTypes.map((t) => [t, { checked: false, datum: "" }]),
  ) as FormDraft["grund"];
  for (const entry of content.grund) grund[entry.typ] = { checked: true, datum: entry.datum ?? "" };
  const sysselsattning = Object.fromEntries(
    sysselsattningTypes.map((t) => [t, content.sysselsattning.includes(t)]),
  ) as FormDraft["sysselsattning"];
  const diagnoser = content.diagnoser
    .slice(0, diagnosisRows)
    .map((d) => ({ kod: d.kod ?? "", text: d.text ?? "" }));
  while (diagnoser.length < diagnosisRows) diagnoser.push({ kod: "", text: "" });
  const perioder = Object.fromEntries(
    grades.map((g) => [g, { checked: false, from: "", tom: "" }]),
  ) as Record<Grade, FormPeriod>;
  for (const entry of content.perioder) {
    if (entry.grad !== null)
      perioder[entry.grad] = { checked: true, from: entry.from ?? "", tom: entry.tom ?? "" };
  }
  const prognos = content.prognos;
  return {
    smittbararpenning: content.smittbararpenning,
    grund,
    grundAnnat: content.grundAnnat ?? "",
    sysselsattning,
    yrke: content.yrke ?? "",
    diagnoser,
    funktionsnedsattning: content.funktionsnedsattning ?? "",
    aktivitetsbegransning: content.aktivitetsbegransning ?? "",
    behandling: content.behandling ?? "",
    perioder,
    fmbMotivering: content.fmbMotivering ?? "",
    transport: content.transport,
    arbetstidsforlaggning: content.arbetstidsforlaggning,
    arbetstidsforlaggningMotivering: content.arbetstidsforlaggningMotivering ?? "",
    prognosTyp: prognos?.typ ?? null,
    prognosManader:
      prognos?.manader !== null && prognos?.manader !== undefined ? String(prognos.manader) : "",
    prognosMotivering: prognos?.motivering ?? "",
    atgarder: content.atgarder ?? "",
    ovrigt: content.ovrigt ?? "",
    kontaktFk: content.kontaktFk,
    kontaktFkAnledning: content.kontaktFkAnledning ?? "",
  };
}

/** Months as typed: a whole number, else null (the rules then ask for it). */
function months(value: string): number | null {
  return /^\s*\d{1,3}\s*$/.test(value) ? Number(value) : null;
}

/** Every answer as typed, hidden or not. */
function allAnswers(draft: FormDraft): CertificateDraft {
  const diagnoser = draft.diagnoser.map((d) => ({ kod: d.kod.trim(), text: d.text }));
  // Trailing empty rows are not rows; an empty row above a filled one stays, so the rules see it.
  while (diagnoser.length > 0 && !diagnoser.at(-1)!.kod && !diagnoser.at(-1)!.text.trim()) diagnoser.pop();
  const partTime = gradeOrder.some((g) => g !== 100 && draft.perioder[g].checked);
  return {
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

export function toContent(draft: FormDraft, base: CertificateDraft = {}): CertificateDraft {
  // The unit's contact data is not the editor's: it stays as stored.
  const { enhet: _unit, ...answers } = withoutHiddenAnswers(parseContent(allAnswers(draft)));
  return { ...base, ...answers };
}

/** How each question's answer reads and is cleared in the editor's model. */
const formAnswers: Record<
  string,
  { answered: (d: FormDraft) => boolean; clear: (d: FormDraft) => FormDraft }
> = {
  "1": {
    answered: (d) => grundTypes.some((t) => d.grund[t].checked),
    clear: (d) => ({
      ...d,
      grund: Object.fromEntries(
        grundTypes.map((t) => [t, { checked: false, datum: "" }]),
      ) as FormDraft["grund"],
    }),
  },
  "1.3": textAnswer("grundAnnat"),
  "28": {
    answered: (d) => sysselsattningTypes.some((t) => d.sysselsattning[t]),
    clear: (d) => ({
      ...d,
      sysselsattning: Object.fromEntries(
        sysselsattningTypes.map((t) => [t, false]),
      ) as FormDraft["sysselsattning"],
    }),
  },
  "29": textAnswer("yrke"),
  "35": textAnswer("funktionsnedsattning"),
  "17": textAnswer("aktivitetsbegransning"),
  "19": textAnswer("behandling"),
  "37": textAnswer("fmbMotivering"),
  "34": { answered: (d) => d.transport, clear: (d) => ({ ...d, transport: false }) },
  "33": {
    answered: (d) => d.arbetstidsforlaggning !== null,
    clear: (d) => ({ ...d, arbetstidsforlaggning: null }),
  },
  "33.2": textAnswer("arbetstidsforlaggningMotivering"),
  "39": {
    answered: (d) => d.prognosTyp !== null,
    clear: (d) => ({ ...d, prognosTyp: null, prognosManader: "", prognosMotivering: "" }),
  },
  "39.4": textAnswer("prognosManader"),
  "39.2": textAnswer("prognosMotivering"),
  "44": textAnswer("atgarder"),
  "26": { answered: (d) => d.kontaktFk, clear: (d) => ({ ...d, kontaktFk: false }) },
  "26.2": textAnswer("kontaktFkAnledning"),
};

type TextKey = {
  [K in keyof FormDraft]: FormDraft[K] extends string ? K : never;
}[keyof FormDraft];

function textAnswer(key: TextKey) {
  return {
    answered: (d: FormDraft) => d[key].trim() !== "",
    clear: (d: FormDraft): FormDraft => ({ ...d, [key]: "" }),
  };
}

const hiddenIn = (draft: FormDraft) => hiddenQuestions(parseContent(allAnswers(draft)));

/**
 * After a change: the answers to questions the change hid are cleared (FK 7804 v2 never sends
 * them), and the cleared questions are named so that the editor can say so and offer undo.
 */
export function clearHiddenAnswers(
  previous: FormDraft,
  next: FormDraft,
): { draft: FormDraft; cleared: string[] } {
  const before = hiddenIn(previous);
  let draft = next;
  const cleared: string[] = [];
  for (const field of hiddenIn(next)) {
    const answer = formAnswers[field];
    if (before.has(field) || !answer?.answered(draft)) continue;
    draft = answer.clear(draft);
    cleared.push(field);
  }
  return { draft, cleared };
}

/** The diagnosis codes entered, normalized, in row order. */
export function enteredCodes(draft: FormDraft): string[] {
  return draft.diagnoser.map((d) => normalizeIcdCode(d.kod)).filter((c) => c.length > 0);
}
