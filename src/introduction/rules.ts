/**
 * Introduction for substitutes (issue #11 item 2): an assignment marked vikarie or hyrläkare gets
 * a first-day package — the lathund, the routines for doctors, and the unit's contacts — as a
 * checklist. Routine items are done when the newcomer has confirmed the routine's current
 * version; the contacts item when ticked. Pure: the server and the web app share it.
 */
import type { ConfirmationState } from "../routines/rules.ts";

export const engagements = {
  VIKARIE: "Vikarie",
  HYRLAKARE: "Hyrläkare",
} as const;
export type Engagement = keyof typeof engagements;
export const engagementIds = Object.keys(engagements) as [Engagement, ...Engagement[]];

/** The one item ticked by hand (the others follow from routine confirmations). */
export const CONTACTS_ITEM = "KONTAKTER";

export interface PackageRoutine {
  id: string;
  title: string;
  topic: string;
  roles: readonly string[];
  state: ConfirmationState;
}

export interface ChecklistItem {
  /** `routine:<id>` or KONTAKTER. */
  key: string;
  kind: "LATHUND" | "ROUTINE" | "CONTACTS";
  label: string;
  routineId: string | null;
  done: boolean;
}

/** Doctors' routines: those a LAKARE must read. */
const forDoctors = (r: PackageRoutine) => r.roles.includes("LAKARE");

/**
 * The first-day checklist: the lathund first, then the other routines for doctors (by title), then
 * the unit's contacts. `roles`: the newcomer's roles on the unit, so a substitute who is not a doctor
 * gets the routines of their own roles.
 */
export function firstDayChecklist(
  routines: readonly PackageRoutine[],
  roles: readonly string[],
  ticked: ReadonlySet<string>,
): ChecklistItem[] {
  const mine = (r: PackageRoutine) =>
    roles.includes("LAKARE") ? forDoctors(r) : r.roles.some((role) => roles.includes(role));
  const item = (r: PackageRoutine, kind: ChecklistItem["kind"]): ChecklistItem => ({
    key: `routine:${r.id}`,
    kind,
    label: r.title,
    routineId: r.id,
    done: r.state === "CONFIRMED",
  });
  const byTitle = (a: PackageRoutine, b: PackageRoutine) => a.title.localeCompare(b.title, "sv");
  const lathund = routines.filter((r) => r.topic === "LATHUND").sort(byTitle);
  const others = routines.filter((r) => r.topic !== "LATHUND" && mine(r)).sort(byTitle);
  return [
    ...lathund.map((r) => item(r, "LATHUND")),
    ...others.map((r) => item(r, "ROUTINE")),
    {
      key: CONTACTS_ITEM,
      kind: "CONTACTS",
      label: "Enhetens kontakter: rehabkoordinator och ledning",
      routineId: null,
      done: ticked.has(CONTACTS_ITEM),
    },
  ];
}

/** Progress for the chief: done of all. */
export function progressOf(items: readonly ChecklistItem[]): { done: number; total: number } {
  return { done: items.filter((i) => i.done).length, total: items.length };
}
