/** Shapes routine rows into the API's answers. */
import { confirmationState, mustRead, reviewDue, routineTopics, type RoutineTopic } from "./rules.ts";
import type { RoutineSummary } from "./schema.ts";
import type { RoutineRow } from "./store.ts";

export interface Viewer {
  roles: readonly string[];
  canManage: boolean;
  canWriteRegional: boolean;
  today: string;
}

export function routineSummaryView(
  row: RoutineRow,
  ownerName: string,
  viewer: Viewer,
  myVersions: readonly number[],
): RoutineSummary {
  const topic = row.topic as RoutineTopic;
  const regional = row.unitId === null;
  return {
    id: row.id,
    title: row.title,
    topic,
    topicLabel: routineTopics[topic] ?? row.topic,
    owner: { id: row.ownerId, name: ownerName },
    reviewDate: row.reviewDate,
    reviewDue: reviewDue(row.reviewDate, viewer.today),
    roles: row.roles,
    textVersion: row.textVersion,
    version: row.version,
    regional,
    mustRead: mustRead(row.roles, viewer.roles),
    myState: confirmationState(row.textVersion, myVersions),
    canEdit: regional ? viewer.canWriteRegional : viewer.canManage,
    unconfirmed: null,
  };
}
