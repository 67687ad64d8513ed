/** Shapes deviation rows into the API's answers. */
import { formatPersonnummer, listName } from "../patients/identity.ts";
import {
  deviationCategories,
  deviationStatuses,
  nextStatuses,
  type DeviationCategory,
  type DeviationStatus,
} from "./rules.ts";
import type { DeviationDetail, DeviationSummary } from "./schema.ts";
import type { actionsOf, DeviationRow, historyOf, unitPatient } from "./store.ts";

export function deviationSummaryView(
  row: DeviationRow,
  reporterName: string,
  openActions: number,
): DeviationSummary {
  const category = row.category as DeviationCategory;
  const status = row.status as DeviationStatus;
  return {
    id: row.id,
    category,
    categoryLabel: deviationCategories[category] ?? row.category,
    occurredOn: row.occurredOn,
    reportedBy: { id: row.reportedBy, name: reporterName },
    status,
    statusLabel: deviationStatuses[status] ?? row.status,
    lexMaria: row.lexMaria,
    hasPatient: row.patientId !== null,
    openActions,
  };
}

export function deviationDetailView(
  found: { row: DeviationRow; reporterName: string },
  parts: {
    actions: Awaited<ReturnType<typeof actionsOf>>;
    history: Awaited<ReturnType<typeof historyOf>>;
    patient: Awaited<ReturnType<typeof unitPatient>>;
    canManage: boolean;
  },
): DeviationDetail {
  const { row } = found;
  const open = parts.actions.filter((a) => a.action.doneOn === null).length;
  return {
    ...deviationSummaryView(row, found.reporterName, open),
    description: row.description,
    investigation: row.investigation,
    closedOn: row.closedOn,
    version: row.version,
    patient: parts.patient
      ? {
          id: parts.patient.id,
          name: listName(parts.patient),
          personnummer: formatPersonnummer(parts.patient.personnummer),
        }
      : null,
    certificateId: row.certificateId,
    actions: parts.actions.map(({ action, ownerName }) => ({
      id: action.id,
      description: action.description,
      owner: { id: action.ownerId, name: ownerName },
      dueDate: action.dueDate,
      doneOn: action.doneOn,
    })),
    history: parts.history,
    next: parts.canManage ? [...nextStatuses[row.status as DeviationStatus]] : [],
    canManage: parts.canManage,
  };
}
