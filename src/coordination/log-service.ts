/** The coordination log: consent state and every event of the patient in time order. */
import type { Queryable } from "../db/client.ts";
import { consentsOf, decisionsOf, measuresOf, meetingsOf, samtalOf, userNames } from "./store.ts";
import { consentStates, coordinationLog, userIdsOf } from "./view.ts";
import { requirePatient } from "./context.ts";

export async function loadLog(q: Queryable, unitId: string, patientId: string, today: string) {
  await requirePatient(q, unitId, patientId);
  const rows = {
    consents: await consentsOf(q, unitId, patientId),
    decisions: await decisionsOf(q, unitId, patientId),
    samtal: await samtalOf(q, unitId, patientId),
    measures: await measuresOf(q, unitId, patientId),
    meetings: await meetingsOf(q, unitId, patientId),
  };
  const names = await userNames(q, userIdsOf(rows));
  return { today, consent: consentStates(rows.consents, today), events: coordinationLog(rows, names, today) };
}
