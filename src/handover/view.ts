/** The handover as the API shows it: doctors by name, its state today and its last day. */
import type { Tx } from "../db/client.ts";
import { userNames } from "../worklist/store.ts";
import { effectiveEnd, handoverState, handoverStates } from "./rules.ts";
import type { Handover } from "./schema.ts";
import type { HandoverRow } from "./store.ts";

export function handoverView(h: HandoverRow, names: Map<string, string>, today: string): Handover {
  const state = handoverState(h, today);
  return {
    id: h.id,
    fromDoctor: { id: h.fromDoctorId, name: names.get(h.fromDoctorId) ?? "" },
    toDoctor: { id: h.toDoctorId, name: names.get(h.toDoctorId) ?? "" },
    startDate: h.startDate,
    endDate: h.endDate,
    endedOn: h.endedOn,
    lastDay: effectiveEnd(h),
    state,
    stateLabel: handoverStates[state],
    reason: h.reason,
    recordedBy: names.get(h.recordedBy) ?? null,
    recordedAt: h.createdAt,
    endedBy: h.endedBy ? (names.get(h.endedBy) ?? null) : null,
    endedAt: h.endedAt,
    version: h.version,
  };
}

/** The views of several handovers, with one lookup of the names they mention. */
export async function handoverViews(tx: Tx, rows: HandoverRow[], today: string): Promise<Handover[]> {
  const ids = new Set<string>();
  for (const h of rows) {
    ids.add(h.fromDoctorId).add(h.toDoctorId).add(h.recordedBy);
    if (h.endedBy) ids.add(h.endedBy);
  }
  const names = await userNames(tx, [...ids]);
  return rows.map((h) => handoverView(h, names, today));
}
