/** The answers of the underlag API, shaped from rows. */
import { formatPersonnummer, listName } from "../patients/identity.ts";
import { isLate, origins, professions, statuses } from "./rules.ts";
import type { Underlag } from "./schema.ts";
import type { UnderlagRow, UnderlagWithPatient } from "./store.ts";

export type Names = ReadonlyMap<string, string>;

export function userIdsOf(rows: readonly UnderlagRow[]): string[] {
  return rows.flatMap((r) => [r.requestedBy, r.receiverId, r.answeredBy]).filter((id): id is string => !!id);
}

const person = (id: string, names: Names) => ({ id, name: names.get(id) ?? null });

export function underlagView({ row, patient }: UnderlagWithPatient, names: Names, today: string): Underlag {
  return {
    id: row.id,
    patientId: row.patientId,
    patientName: listName(patient),
    personnummer: formatPersonnummer(patient.personnummer),
    profession: row.profession,
    professionLabel: professions[row.profession],
    origin: row.origin,
    originLabel: origins[row.origin],
    question: row.question,
    wantedBy: row.wantedBy,
    late: isLate(row, today),
    sickLeaveNeed: row.sickLeaveNeed,
    requestedBy: person(row.requestedBy, names),
    requestedDate: row.requestedDate,
    receiver: row.receiverId ? person(row.receiverId, names) : null,
    status: row.status,
    statusLabel: statuses[row.status],
    answer:
      row.status === "ANSWERED" && row.answeredBy && row.answeredDate
        ? {
            observations: row.observations,
            funktion: row.funktion,
            aktivitet: row.aktivitet,
            methods: row.methods,
            answeredBy: person(row.answeredBy, names),
            answeredDate: row.answeredDate,
          }
        : null,
    version: row.version,
  };
}
