/**
 * Questions that an answer hides (FK 7804 version 2): a hidden question is not shown, not
 * answered and never sent to Försäkringskassan. One rule for the editor (which clears the answer
 * when it hides the question), the rules (a leftover answer is an error on its field) and sending.
 */
import type { Fk7804Content } from "../content.ts";

/** With smittbärarpenning [27] only the diagnosis, the periods, [33] and Övriga upplysningar remain. */
export const hiddenBySmittbararpenning = [
  "1",
  "1.3",
  "28",
  "29",
  "35",
  "17",
  "19",
  "37",
  "34",
  "39",
  "39.4",
  "39.2",
  "44",
  "26",
  "26.2",
] as const;

/** The questions the answers hide now. */
export function hiddenQuestions(content: Fk7804Content): Set<string> {
  const hidden = new Set<string>();
  if (content.smittbararpenning) for (const field of hiddenBySmittbararpenning) hidden.add(field);
  if (!content.grund.some((g) => g.typ === "ANNAT")) hidden.add("1.3");
  if (!content.sysselsattning.includes("NUVARANDE_ARBETE")) hidden.add("29");
  if (!content.perioder.some((p) => p.grad !== null && p.grad < 100)) hidden.add("33");
  if (hidden.has("33") || content.arbetstidsforlaggning !== true) hidden.add("33.2");
  if (content.prognos?.typ !== "ATER_X_ANTAL_MANADER") hidden.add("39.4");
  if (content.prognos?.typ !== "PROGNOS_OKLAR") hidden.add("39.2");
  if (!content.kontaktFk) hidden.add("26.2");
  return hidden;
}

/** How each question's answer is removed from the content. */
const clearers: Record<string, (content: Fk7804Content) => void> = {
  "1": (c) => (c.grund = []),
  "1.3": (c) => (c.grundAnnat = null),
  "28": (c) => (c.sysselsattning = []),
  "29": (c) => (c.yrke = null),
  "35": (c) => (c.funktionsnedsattning = null),
  "17": (c) => (c.aktivitetsbegransning = null),
  "19": (c) => (c.behandling = null),
  "37": (c) => (c.fmbMotivering = null),
  "34": (c) => (c.transport = false),
  "33": (c) => (c.arbetstidsforlaggning = null),
  "33.2": (c) => (c.arbetstidsforlaggningMotivering = null),
  "39": (c) => (c.prognos = null),
  "39.4": (c) => c.prognos && (c.prognos.manader = null),
  "39.2": (c) => c.prognos && (c.prognos.motivering = null),
  "44": (c) => (c.atgarder = null),
  "26": (c) => (c.kontaktFk = false),
  "26.2": (c) => (c.kontaktFkAnledning = null),
};

/** The content without the answers to hidden questions: what is signed and sent. */
export function withoutHiddenAnswers(content: Fk7804Content): Fk7804Content {
  const hidden = hiddenQuestions(content);
  const result = structuredClone(content);
  for (const field of hidden) clearers[field]?.(result);
  return result;
}
