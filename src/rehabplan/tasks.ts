/**
 * The daily task job's part of the rehab plan: the follow-up tasks of every open plan (made when a
 * plan is saved too; the task key keeps one each, so a task ended stays ended), and the revision
 * task of a plan not revised within the unit's interval.
 */
import { unitSettingsOf } from "../coordination/store.ts";
import type { Queryable } from "../db/client.ts";
import type { PlannedTask } from "../tasks/rules.ts";
import { followUpTasks, revisionTask, revisionWeeks } from "./rules.ts";
import { openPlansOfUnit } from "./store.ts";
import { stockholmDate } from "./view.ts";

/** Tasks for the unit's open plans; revision only when the case is in today's unit list (`ongoing`). */
export async function rehabPlanTasks(
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
    return [...followUpTasks(plan), ...(planned ? [planned] : [])];
  });
}
