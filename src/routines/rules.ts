/**
 * Rutiner och lathund (issue #11 item 1): the pure rules. A routine's text is versioned; each user
 * who holds one of the routine's roles must confirm "Jag har läst och förstått" the current text
 * version, and a new text version asks again. A routine whose review date has come is due for
 * review by its owner. No I/O: the server and the web app share these.
 */
export const routineTopics = {
  LATHUND: "Lathund för sjukskrivning",
  FORSTADAGSINTYG: "Förstadagsintyg",
  TELEFONRADGIVNING: "Telefonrådgivning och sjukskrivning",
  EJ_MEDICINSKT_STOD: "Patient som vill bli sjukskriven utan medicinskt stöd",
  EJ_DELTAR_REHAB: "Patient som inte deltar i rehabilitering",
  AVSLAG_FK: "Avslag från Försäkringskassan",
  LISTNINGSBYTE: "Byte av listning under pågående sjukskrivning",
  KOMPLETTERING: "Kompletteringar från Försäkringskassan",
  SAMORDNING: "Rehabkoordinering och samverkan",
  OVRIGT: "Övrigt i sjukskrivningsprocessen",
} as const;
export type RoutineTopic = keyof typeof routineTopics;
export const routineTopicIds = Object.keys(routineTopics) as [RoutineTopic, ...RoutineTopic[]];

/** The longest routine text (about ten pages of Markdown). */
export const MAX_ROUTINE_TEXT = 20_000;

export type ConfirmationState = "CONFIRMED" | "NEW_VERSION" | "NOT_CONFIRMED";

export const confirmationStates: Record<ConfirmationState, string> = {
  CONFIRMED: "Läst och förstått",
  NEW_VERSION: "Ny version att läsa",
  NOT_CONFIRMED: "Inte bekräftad",
};

/** Whether someone holding `userRoles` must read a routine for `routineRoles`. */
export function mustRead(routineRoles: readonly string[], userRoles: readonly string[]): boolean {
  return userRoles.some((role) => routineRoles.includes(role));
}

/**
 * A user's state for a routine, from the text versions the user has confirmed: the current one,
 * only earlier ones (a new version to read), or none.
 */
export function confirmationState(
  currentTextVersion: number,
  confirmedVersions: readonly number[],
): ConfirmationState {
  if (confirmedVersions.includes(currentTextVersion)) return "CONFIRMED";
  return confirmedVersions.some((v) => v < currentTextVersion) ? "NEW_VERSION" : "NOT_CONFIRMED";
}

/** The text version a save leads to: a changed text is a new version, anything else keeps it. */
export function nextTextVersion(current: { textVersion: number; body: string }, body: string): number {
  return normaliseText(body) === normaliseText(current.body) ? current.textVersion : current.textVersion + 1;
}

/** Line endings and trailing blanks do not make a new version. */
export function normaliseText(body: string): string {
  return body
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+$/gm, "")
    .trim();
}

/** Due for review: the review date has come (today included). */
export function reviewDue(reviewDate: string, today: string): boolean {
  return reviewDate <= today;
}

export interface StaffMember {
  userId: string;
  name: string;
  roles: readonly string[];
}

export interface StaffConfirmation extends StaffMember {
  state: ConfirmationState;
  /** The latest version the member confirmed, or null. */
  confirmedVersion: number | null;
}

/**
 * The chief's view of one routine: every staff member who must read it with their state, those who
 * have not confirmed the current version first, then by name.
 */
export function staffConfirmations(
  routine: { roles: readonly string[]; textVersion: number },
  staff: readonly StaffMember[],
  confirmations: readonly { userId: string; textVersion: number }[],
): StaffConfirmation[] {
  const order: Record<ConfirmationState, number> = { NOT_CONFIRMED: 0, NEW_VERSION: 1, CONFIRMED: 2 };
  return staff
    .filter((member) => mustRead(routine.roles, member.roles))
    .map((member) => {
      const versions = confirmations.filter((c) => c.userId === member.userId).map((c) => c.textVersion);
      return {
        ...member,
        state: confirmationState(routine.textVersion, versions),
        confirmedVersion: versions.length > 0 ? Math.max(...versions) : null,
      };
    })
    .sort((a, b) => order[a.state] - order[b.state] || a.name.localeCompare(b.name, "sv"));
}
