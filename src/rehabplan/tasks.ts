/** The daily task job's part of the rehab plan: plans not revised within the unit's interval. */
import { unitSettingsOf } from "../coordination/store.ts";
import type { Queryable } from "../db/client.ts";
import type { PlannedTask } from "../tasks/rules.ts";
import { revisionTask, revisionWeeks } from "./rules.ts";
import { openPlansOfUnit } from "./store.ts";
import { stockholmDate } from "./view.ts";

/** Revision tasks for the unit's open plans whose case is in today's unit list (`ongoing`). */
export async function planRevisionTasks(
  q: Queryable,
  unitId: string,
  ongoing: readonly { patientId: string; start: string }[],
  today: string,
): Promise<PlannedTask[]> {
  const plans = await openPlansOfUnit(q, unitId);
  if (plans.length === 0) return [];
  const weeks = revisionWeeks(await unitSettingsOf(q, unitId));
  const cases = new Set(ongoing.map((c) => `${c.patientId}/${c.start}`));
  return plans.flatMap((plan) => {
    const planned = revisionTask(
      { ...plan, savedDate: stockholmDate(plan.savedAt) },
      weeks,
      today,
      cases.has(`${plan.patientId}/${plan.caseStart}`),
    );
    return planned ? [planned] : [];
  });
}
