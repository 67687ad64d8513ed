/**
 * Underlag från andra professioner (issue #9 item 7, seed 004): a doctor, the team or telephone
 * triage asks a fysioterapeut, psykolog, kurator or arbetsterapeut for an underlag about function and
 * activity; the profession answers in a structured way, and the doctor takes the answer into the
 * certificate's questions 35 and 17 with its source named. Pure: shared by the server and the browser.
 */
import type { Role } from "../access/policy.ts";

export const professions = {
  FYSIOTERAPEUT: "Fysioterapeut",
  PSYKOLOG: "Psykolog",
  KURATOR: "Kurator",
  ARBETSTERAPEUT: "Arbetsterapeut",
} as const;
export type Profession = keyof typeof professions;
export const professionIds = Object.keys(professions) as [Profession, ...Profession[]];

/** Who asks: a doctor, the multimodal team, or telephone triage (routing the patient on). */
export const origins = {
  LAKARE: "Läkare",
  TEAM: "Teamet",
  TELEFONTRIAGE: "Telefonrådgivning",
} as const;
export type Origin = keyof typeof origins;
export const originIds = Object.keys(origins) as [Origin, ...Origin[]];

export const statuses = { OPEN: "Väntar på svar", ANSWERED: "Besvarad" } as const;
export type UnderlagStatus = keyof typeof statuses;

/** The roles that may ask on behalf of each origin. */
const originRoles: Record<Origin, readonly Role[]> = {
  LAKARE: ["LAKARE"],
  TEAM: ["LAKARE", "REHABKOORDINATOR"],
  TELEFONTRIAGE: ["DISTRIKTSSKOTERSKA"],
};

/** The origins the holder of these roles may ask as; the first is the natural default. */
export function originsFor(roles: readonly Role[]): Origin[] {
  return originIds.filter((origin) => originRoles[origin].some((role) => roles.includes(role)));
}

/** Answering is for the profession asked (any of its members: a colleague may cover). */
export function mayAnswer(roles: readonly Role[], profession: Profession): boolean {
  return roles.includes(profession);
}

/** The profession the user works as, if any (their own queue). */
export function professionOf(roles: readonly Role[]): Profession | null {
  return professionIds.find((p) => roles.includes(p)) ?? null;
}

export interface Issue {
  path: string;
  message: string;
}

export interface RequestInput {
  origin: Origin;
  wantedBy: string;
  sickLeaveNeed: string;
}

export function requestIssues(input: RequestInput, roles: readonly Role[], today: string): Issue[] {
  const issues: Issue[] = [];
  if (!originsFor(roles).includes(input.origin)) {
    const allowed = originsFor(roles).map((o) => origins[o].toLowerCase());
    issues.push({
      path: "origin",
      message:
        allowed.length > 0
          ? `Du kan begära underlag som ${allowed.join(" eller ")}.`
          : "Din roll kan inte begära underlag.",
    });
  }
  if (input.wantedBy < today) {
    issues.push({ path: "wantedBy", message: "Önskat svarsdatum kan inte vara före i dag." });
  }
  if (input.origin === "TELEFONTRIAGE" && input.sickLeaveNeed.trim() === "") {
    issues.push({
      path: "sickLeaveNeed",
      message: "Beskriv behovet av sjukskrivning som patienten uppgav i telefon.",
    });
  }
  if (input.origin !== "TELEFONTRIAGE" && input.sickLeaveNeed.trim() !== "") {
    issues.push({
      path: "sickLeaveNeed",
      message: "Behov av sjukskrivning antecknas bara vid telefonrådgivning.",
    });
  }
  return issues;
}

/** The answer as the profession gave it, and who gave it. */
export interface UnderlagAnswer {
  profession: Profession;
  answeredBy: string | null;
  answeredDate: string;
  observations: string;
  funktion: string;
  aktivitet: string;
  methods: string;
}

/** The source line written under text taken into the certificate. */
export function sourceLine(a: UnderlagAnswer): string {
  const who = [professions[a.profession], a.answeredBy].filter(Boolean).join(" ");
  return `(Källa: underlag från ${who}, ${a.answeredDate}. Bedömt med: ${a.methods.trim()})`;
}

/** What goes into question 35 (funktionsnedsättning) and 17 (aktivitetsbegränsning). */
export function certificateTexts(a: UnderlagAnswer): {
  funktionsnedsattning: string;
  aktivitetsbegransning: string;
} {
  const source = sourceLine(a);
  const funktion = [a.observations.trim(), a.funktion.trim()].filter(Boolean).join("\n");
  return {
    funktionsnedsattning: `${funktion}\n${source}`,
    aktivitetsbegransning: `${a.aktivitet.trim()}\n${source}`,
  };
}

/** Adds taken text after what the doctor already wrote (never replaces it). */
export function appendText(existing: string, addition: string): string {
  return existing.trim() === "" ? addition : `${existing.trimEnd()}\n\n${addition}`;
}

/** Whether an open request is past its wanted-by date. */
export function isLate(r: { status: UnderlagStatus; wantedBy: string }, today: string): boolean {
  return r.status === "OPEN" && r.wantedBy < today;
}
