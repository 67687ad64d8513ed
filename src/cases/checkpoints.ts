/**
 * "Dag i sjukfallet" and the checkpoint dates of a case (PRODUCT §4). Days are calendar days counted
 * from the case start, which is day 1 — gaps between certificates count, as the employer's and
 * Försäkringskassan's day limits are calendar days.
 */
import { addDays, dayNumber } from "./days.ts";
import type { Checkpoint, CheckpointKind, Sjukfall } from "./types.ts";

/** Day number of `today` in the case: the start is day 1; 0 or less when the case starts later. */
export function dayInCase(c: Pick<Sjukfall, "start">, today: string): number {
  return dayNumber(today) - dayNumber(c.start) + 1;
}

const LATER_CHECKPOINTS: { day: number; kind: CheckpointKind }[] = [
  { day: 15, kind: "fk-takes-over" },
  { day: 30, kind: "rehab-coordinator" },
  { day: 90, kind: "rehab-chain-90" },
  { day: 180, kind: "rehab-chain-180" },
  { day: 365, kind: "rehab-chain-365" },
];

/**
 * Dates on which the case reaches each checkpoint, in day order: certificate required (day 8, or
 * day 1 with a förstadagsintyg), Försäkringskassan takes over (15), rehabkoordinator (30), and the
 * rehabiliteringskedjan steps (90, 180, 365). All are returned; whether the case lasts that long is
 * for the caller to compare with the case end or today.
 */
export function checkpoints(
  c: Pick<Sjukfall, "start">,
  options: { firstDayCertificate?: boolean },
): Checkpoint[] {
  const certificateDay = options.firstDayCertificate ? 1 : 8;
  const all = [{ day: certificateDay, kind: "certificate-required" as const }, ...LATER_CHECKPOINTS];
  return all.map(({ day, kind }) => ({ day, date: addDays(c.start, day - 1), kind }));
}
