/**
 * The team's commands and reads (issue #9): the team, meetings and attendance, the agenda (TEAM
 * consent on the meeting date), minutes in versions locked at closing, and decisions that become
 * tasks (src/tasks) or rehab-plan actions. Every patient shown or changed is audited.
 */
import { recordAudit, type AuditEntry } from "../audit/audit.ts";
import { latestCaseStart } from "../coordination/aktualisering-service.ts";
import {
  assertConsent,
  rejectIssues,
  requirePatient,
  type CoordinationContext,
} from "../coordination/context.ts";
import { consentsOf, userNames } from "../coordination/store.ts";
import type { Queryable } from "../db/client.ts";
import { ApiError, errors } from "../server/errors.ts";
import { addPlanAction } from "../rehabplan/service.ts";
import type { Party } from "../rehabplan/rules.ts";
import { createEventTask } from "../tasks/events.ts";
import {
  agendaOrderIssues,
  closeIssues,
  decisionIssues,
  minutesIssues,
  participantIssues,
  teamIssues,
  upcomingMeetingSlots,
  professions,
  type DecisionOutcome,
  type Participant,
  type Profession,
} from "./rules.ts";
import type { SaveTeam } from "./schema.ts";
import * as store from "./store.ts";
import {
  consentOnDate,
  decisionView,
  itemView,
  meetingSummary,
  meetingTimesView,
  meetingView,
  patientLabel,
  staffView,
} from "./view.ts";

export const teamPurpose = "Multimodalt team (lag 2019:1297)";

function audit(ctx: CoordinationContext, entries: AuditEntry[]) {
  return recordAudit(ctx.tx, { actor: ctx.actor, grant: ctx.grant }, entries);
}

/** Decisions can become actions in the patient's rehab plan (src/rehabplan). */
export const planActionsAvailable = true;

// ---- Team ----

export async function loadTeam(q: Queryable, unitId: string, today: string) {
  // One transaction's queries run one after another.
  const row = await store.teamOf(q, unitId);
  const members = await store.membersOf(q, unitId);
  const staffRows = await store.unitStaff(q, unitId);
  const meetings = await store.meetingsOf(q, unitId);
  const counts = await store.agendaCounts(q, unitId);
  const staff = staffView(staffRows);
  const names = new Map(staffRows.map((s) => [s.id, s.name]));
  const memberNames = await userNames(
    q,
    members.filter((m) => !names.has(m.userId)).map((m) => m.userId),
  );
  return {
    today,
    version: row?.version ?? 0,
    members: members.map((m) => ({
      userId: m.userId,
      name: names.get(m.userId) ?? memberNames.get(m.userId) ?? "Okänd användare",
      profession: m.profession as Profession,
      professionLabel: professions[m.profession as Profession] ?? m.profession,
    })),
    meetingTimes: meetingTimesView(row),
    upcomingSlots: upcomingMeetingSlots(row?.meetingTimes ?? [], today, 4),
    staff,
    meetings: meetings.map((m) => meetingSummary(m, counts.get(m.id) ?? 0)),
  };
}

async function requireStaff(q: Queryable, unitId: string, ids: readonly string[], path: string) {
  const staff = new Set(staffView(await store.unitStaff(q, unitId)).map((s) => s.id));
  if (ids.some((id) => !staff.has(id))) {
    rejectIssues([{ path, message: "Välj medarbetare som arbetar i vården på enheten." }]);
  }
}

export async function saveTeam(ctx: CoordinationContext, input: SaveTeam) {
  rejectIssues(teamIssues(input));
  await requireStaff(
    ctx.tx,
    ctx.unitId,
    input.members.map((m) => m.userId),
    "members",
  );
  const saved = await store.saveTeam(
    ctx.tx,
    ctx.unitId,
    input.version,
    { meetingTimes: input.meetingTimes, updatedBy: ctx.actor.userId },
    input.members,
  );
  if (!saved) throw errors.conflict(await loadTeam(ctx.tx, ctx.unitId, ctx.today));
  await audit(ctx, [
    {
      action: "ADMIN",
      purpose: teamPurpose,
      entity: "team",
      entityId: ctx.unitId,
      details: { members: input.members.length, meetingTimes: input.meetingTimes.length },
    },
  ]);
  return loadTeam(ctx.tx, ctx.unitId, ctx.today);
}

// ---- Meetings ----

export async function createMeeting(
  ctx: CoordinationContext,
  input: { date: string; time: string; participantIds?: string[] | undefined },
) {
  const ids = input.participantIds ?? (await store.membersOf(ctx.tx, ctx.unitId)).map((m) => m.userId);
  const participants: Participant[] = ids.map((userId) => ({ userId, attended: null }));
  rejectIssues(participantIssues(participants));
  await requireStaff(ctx.tx, ctx.unitId, ids, "participantIds");
  const row = await store.insertMeeting(ctx.tx, {
    unitId: ctx.unitId,
    meetingDate: input.date,
    startTime: input.time,
    participants,
    createdBy: ctx.actor.userId,
  });
  await audit(ctx, [
    {
      action: "ADMIN",
      purpose: teamPurpose,
      entity: "team_meeting",
      entityId: row.id,
      details: { event: "CREATED", date: row.meetingDate, participants: participants.length },
    },
  ]);
  return meetingSummary(row, 0);
}

async function requireMeeting(q: Queryable, unitId: string, id: string) {
  const row = await store.findMeeting(q, unitId, id);
  if (!row) throw errors.notFound();
  return row;
}

async function meetingConflict(q: Queryable, unitId: string, id: string) {
  const row = await requireMeeting(q, unitId, id);
  const counts = await store.agendaCounts(q, unitId);
  return errors.conflict(meetingSummary(row, counts.get(id) ?? 0));
}

/** Changes the meeting at `version`, or 409 with the meeting as it is now. */
async function changeMeeting(
  ctx: CoordinationContext,
  id: string,
  version: number,
  changes: Parameters<typeof store.updateMeeting>[4],
) {
  const updated = await store.updateMeeting(ctx.tx, ctx.unitId, id, version, changes);
  if (!updated) throw await meetingConflict(ctx.tx, ctx.unitId, id);
  return updated;
}

export async function setParticipants(
  ctx: CoordinationContext,
  id: string,
  input: { version: number; participants: Participant[] },
) {
  const meeting = await requireMeeting(ctx.tx, ctx.unitId, id);
  if (meeting.version !== input.version) throw await meetingConflict(ctx.tx, ctx.unitId, id);
  if (meeting.status === "AVSLUTAT") {
    rejectIssues([{ path: "participants", message: "Mötet är avslutat: närvaron är låst." }]);
  }
  rejectIssues(participantIssues(input.participants));
  await requireStaff(
    ctx.tx,
    ctx.unitId,
    input.participants.map((p) => p.userId),
    "participants",
  );
  const updated = await changeMeeting(ctx, id, input.version, { participants: input.participants });
  await audit(ctx, [
    {
      action: "ADMIN",
      purpose: teamPurpose,
      entity: "team_meeting",
      entityId: id,
      details: { event: "PARTICIPANTS", participants: input.participants.length },
    },
  ]);
  return meetingSummary(updated, (await store.agendaCounts(ctx.tx, ctx.unitId)).get(id) ?? 0);
}

/** One meeting with its agenda, minutes and decisions; the caller audits each patient shown. */
export async function loadMeeting(q: Queryable, unitId: string, id: string, today: string) {
  const meeting = await requireMeeting(q, unitId, id);
  const agenda = await store.agendaOf(q, unitId, id);
  const decisions = await store.decisionsOfMeeting(q, unitId, id);
  const staffRows = await store.unitStaff(q, unitId);
  const members = await store.membersOf(q, unitId);
  const itemIds = agenda.map((a) => a.item.id);
  const minutes = await store.minutesOfItems(q, unitId, itemIds);
  const samverkan = await store.samverkanOf(
    q,
    unitId,
    agenda.map((a) => a.patient.id),
  );
  const samverkanById = new Map(samverkan.map((s) => [s.id, s]));
  const names = await userNames(q, [
    ...meeting.participants.map((p) => p.userId),
    ...minutes.map((m) => m.writtenBy),
    ...decisions.flatMap((d) => [d.responsibleUserId, d.createdBy]),
    meeting.closedBy,
  ]);
  const items = [];
  for (const { item, patient } of agenda) {
    items.push(
      itemView(item, patient, {
        consents: await consentsOf(q, unitId, patient.id),
        meetingDate: meeting.meetingDate,
        minutes: minutes.filter((m) => m.itemId === item.id),
        decisions: decisions
          .filter((d) => d.itemId === item.id)
          .map((d) => decisionView(d, names, samverkanById)),
        samverkan: samverkan.filter((s) => s.patientId === patient.id),
        names,
      }),
    );
  }
  return meetingView(meeting, {
    names,
    professionOf: new Map(members.map((m) => [m.userId, m.profession])),
    items,
    staff: staffView(staffRows).map((s) => ({ id: s.id, name: s.name })),
    planActions: planActionsAvailable,
    today,
  });
}

/** Cases decided "aktualiseras i teamet" on no agenda yet, with their TEAM consent on the meeting date. */
export async function loadSuggestions(q: Queryable, unitId: string, meetingId: string) {
  const meeting = await requireMeeting(q, unitId, meetingId);
  const rows = await store.undecidedTeamCases(q, unitId);
  const suggestions = [];
  for (const row of rows) {
    suggestions.push({
      decisionId: row.decisionId,
      ...patientLabel(row.patient),
      caseStart: row.caseStart,
      decidedDate: row.decidedDate,
      consent: consentOnDate(await consentsOf(q, unitId, row.patient.id), meeting.meetingDate),
    });
  }
  return { suggestions };
}

// ---- Agenda ----

const closedAgenda = () =>
  new ApiError(400, "MEETING_CLOSED", "Mötet är avslutat: dagordningen är låst.", {
    issues: [{ path: "status", message: "Mötet är avslutat: dagordningen är låst." }],
  });

export async function addItem(
  ctx: CoordinationContext,
  meetingId: string,
  input: { patientId: string; decisionId: string | null },
) {
  const meeting = await requireMeeting(ctx.tx, ctx.unitId, meetingId);
  if (meeting.status === "AVSLUTAT") throw closedAgenda();
  const patient = await requirePatient(ctx.tx, ctx.unitId, input.patientId);
  let caseStart: string;
  if (input.decisionId) {
    const decision = await store.findTeamDecision(ctx.tx, ctx.unitId, input.decisionId);
    if (!decision || decision.patientId !== input.patientId) {
      rejectIssues([
        { path: "decisionId", message: "Beslutet om aktualisering i teamet gäller inte patienten." },
      ]);
    }
    caseStart = decision!.caseStart;
  } else {
    caseStart = await latestCaseStart(ctx.tx, ctx.unitId, patient, ctx.today, meeting.meetingDate);
  }
  await assertConsent(ctx.tx, ctx.unitId, input.patientId, ["TEAM"], meeting.meetingDate);
  const agenda = await store.agendaOf(ctx.tx, ctx.unitId, meetingId);
  if (agenda.some((a) => a.patient.id === input.patientId)) {
    rejectIssues([{ path: "patientId", message: "Patienten finns redan på dagordningen." }]);
  }
  await changeMeeting(ctx, meetingId, meeting.version, {});
  const item = await store.insertItem(ctx.tx, {
    unitId: ctx.unitId,
    meetingId,
    patientId: input.patientId,
    caseStart,
    position: agenda.length === 0 ? 0 : Math.max(...agenda.map((a) => a.item.position)) + 1,
    source: input.decisionId ? "AKTUALISERING" : "MANUELL",
    decisionId: input.decisionId,
    addedBy: ctx.actor.userId,
  });
  await audit(ctx, [
    {
      action: "CREATE",
      purpose: teamPurpose,
      patientId: input.patientId,
      entity: "team_agenda_item",
      entityId: item.id,
      details: { meetingId, source: item.source, decisionId: item.decisionId },
    },
  ]);
  return { id: item.id, meetingId, position: item.position, source: item.source, caseStart };
}

export async function setOrder(
  ctx: CoordinationContext,
  meetingId: string,
  input: { version: number; itemIds: string[] },
) {
  const meeting = await requireMeeting(ctx.tx, ctx.unitId, meetingId);
  if (meeting.version !== input.version) throw await meetingConflict(ctx.tx, ctx.unitId, meetingId);
  const agenda = await store.agendaOf(ctx.tx, ctx.unitId, meetingId);
  const documented = new Set([
    ...(
      await store.minutesOfItems(
        ctx.tx,
        ctx.unitId,
        agenda.map((a) => a.item.id),
      )
    ).map((m) => m.itemId),
    ...(await store.decisionsOfMeeting(ctx.tx, ctx.unitId, meetingId)).map((d) => d.itemId),
  ]);
  const items = agenda.map((a) => ({ id: a.item.id, documented: documented.has(a.item.id) }));
  rejectIssues(agendaOrderIssues(items, input.itemIds, meeting.status));
  const kept = new Set(input.itemIds);
  const removed = agenda.filter((a) => !kept.has(a.item.id));
  const updated = await changeMeeting(ctx, meetingId, input.version, {});
  await store.deleteItems(
    ctx.tx,
    ctx.unitId,
    removed.map((a) => a.item.id),
  );
  await store.setPositions(ctx.tx, ctx.unitId, input.itemIds);
  await audit(
    ctx,
    agenda.map((a) => ({
      action: "UPDATE" as const,
      purpose: teamPurpose,
      patientId: a.patient.id,
      entity: "team_agenda_item",
      entityId: a.item.id,
      details: { meetingId, event: kept.has(a.item.id) ? "ORDER" : "REMOVED" },
    })),
  );
  return meetingSummary(updated, input.itemIds.length);
}

// ---- Minutes and decisions ----

async function requireItem(q: Queryable, unitId: string, id: string) {
  const item = await store.findItem(q, unitId, id);
  if (!item) throw errors.notFound();
  const meeting = await requireMeeting(q, unitId, item.meetingId);
  return { item, meeting };
}

export async function saveMinutes(
  ctx: CoordinationContext,
  itemId: string,
  input: { baseVersion: number; text: string; correctionReason: string },
) {
  const { item, meeting } = await requireItem(ctx.tx, ctx.unitId, itemId);
  const history = await store.minutesOfItems(ctx.tx, ctx.unitId, [itemId]);
  const names = async () =>
    userNames(
      ctx.tx,
      history.map((m) => m.writtenBy),
    );
  const conflict = async () => {
    const n = await names();
    return errors.conflict(
      history.map((m) => ({ ...m, writtenBy: n.get(m.writtenBy) ?? "Okänd användare" })),
    );
  };
  const current = history.at(-1)?.version ?? 0;
  if (current !== input.baseVersion) throw await conflict();
  rejectIssues(minutesIssues(meeting.status, input.correctionReason));
  const row = await store.insertMinutes(ctx.tx, {
    unitId: ctx.unitId,
    itemId,
    patientId: item.patientId,
    version: current + 1,
    text: input.text,
    correctionReason: meeting.status === "AVSLUTAT" ? input.correctionReason : null,
    writtenBy: ctx.actor.userId,
    writtenAt: ctx.now.toISOString(),
  });
  if (!row) throw await conflict();
  await audit(ctx, [
    {
      action: current === 0 ? "CREATE" : "UPDATE",
      purpose: teamPurpose,
      patientId: item.patientId,
      entity: "team_minutes",
      entityId: row.id,
      details: { meetingId: meeting.id, version: row.version, correction: row.correctionReason !== null },
    },
  ]);
  const writer = await userNames(ctx.tx, [row.writtenBy]);
  return {
    version: row.version,
    text: row.text,
    writtenBy: writer.get(row.writtenBy) ?? "Okänd användare",
    writtenAt: row.writtenAt,
    correctionReason: row.correctionReason,
  };
}

export async function addDecision(
  ctx: CoordinationContext,
  itemId: string,
  input: {
    text: string;
    outcome: DecisionOutcome;
    party: Party;
    responsibleUserId: string;
    dueDate: string;
  },
) {
  const { item, meeting } = await requireItem(ctx.tx, ctx.unitId, itemId);
  rejectIssues(decisionIssues(input, meeting));
  await requireStaff(ctx.tx, ctx.unitId, [input.responsibleUserId], "responsibleUserId");
  const row = await store.insertDecision(ctx.tx, {
    unitId: ctx.unitId,
    meetingId: meeting.id,
    itemId,
    patientId: item.patientId,
    text: input.text,
    outcome: input.outcome,
    responsibleUserId: input.responsibleUserId,
    dueDate: input.dueDate,
    createdBy: ctx.actor.userId,
  });
  await audit(ctx, [
    {
      action: "CREATE",
      purpose: teamPurpose,
      patientId: item.patientId,
      entity: "team_decision",
      entityId: row.id,
      details: { meetingId: meeting.id, outcome: row.outcome },
    },
  ]);
  const linked =
    row.outcome === "PLANATGARD"
      ? await planActionOf(ctx, row, item.caseStart, input.party, meeting.meetingDate)
      : await taskOf(ctx, row, item.caseStart, meeting);
  const withTask = (await store.updateDecision(ctx.tx, ctx.unitId, row.id, row.version, linked)) ?? row;
  const names = await userNames(ctx.tx, [withTask.responsibleUserId, withTask.createdBy]);
  return decisionView(withTask, names, new Map());
}

/** The decision as a task for its responsible person by its date (TEAM_DECISION). */
async function taskOf(
  ctx: CoordinationContext,
  row: store.DecisionRow,
  caseStart: string,
  meeting: { id: string; meetingDate: string },
) {
  const created = await createEventTask(ctx, {
    patientId: row.patientId,
    caseStart,
    kind: "TEAM_DECISION",
    subject: row.id,
    dueDate: row.dueDate,
    responsibleUserId: row.responsibleUserId,
    details: { meetingId: meeting.id, meetingDate: meeting.meetingDate, decision: row.text },
  });
  return { taskId: created?.id ?? null };
}

/**
 * The decision as an action in the patient's rehab plan for the case (a draft plan is created
 * when there is none), followed up on the decision's date; the plan creates its follow-up task.
 */
async function planActionOf(
  ctx: CoordinationContext,
  row: store.DecisionRow,
  caseStart: string,
  party: Party,
  meetingDate: string,
) {
  const added = await addPlanAction(ctx, row.patientId, caseStart, {
    party,
    description: row.text,
    responsibleUserId: row.responsibleUserId,
    startDate: meetingDate,
    followUpDate: row.dueDate,
  });
  return { planActionId: added.actionId };
}

export async function closeMeeting(ctx: CoordinationContext, meetingId: string, version: number) {
  const meeting = await requireMeeting(ctx.tx, ctx.unitId, meetingId);
  if (meeting.version !== version) throw await meetingConflict(ctx.tx, ctx.unitId, meetingId);
  rejectIssues(closeIssues(meeting, ctx.today));
  const updated = await changeMeeting(ctx, meetingId, version, {
    status: "AVSLUTAT",
    closedAt: ctx.now.toISOString(),
    closedBy: ctx.actor.userId,
  });
  const agenda = await store.agendaOf(ctx.tx, ctx.unitId, meetingId);
  await audit(ctx, [
    {
      action: "ADMIN",
      purpose: teamPurpose,
      entity: "team_meeting",
      entityId: meetingId,
      details: { event: "CLOSED", items: agenda.length },
    },
    ...agenda.map((a) => ({
      action: "UPDATE" as const,
      purpose: teamPurpose,
      patientId: a.patient.id,
      entity: "team_minutes",
      entityId: a.item.id,
      details: { meetingId, event: "LOCKED" },
    })),
  ]);
  return meetingSummary(updated, agenda.length);
}

/** Samverkan: the samverkansmöte (of the same patient) where a decision is followed up, or none. */
export async function linkSamverkan(
  ctx: CoordinationContext,
  decisionId: string,
  input: { version: number; samverkanMeetingId: string | null },
) {
  const decision = await store.findDecision(ctx.tx, ctx.unitId, decisionId);
  if (!decision) throw errors.notFound();
  const samverkan = await store.samverkanOf(ctx.tx, ctx.unitId, [decision.patientId]);
  const byId = new Map(samverkan.map((s) => [s.id, s]));
  const names = async (row: typeof decision) => userNames(ctx.tx, [row.responsibleUserId, row.createdBy]);
  if (decision.version !== input.version) {
    throw errors.conflict(decisionView(decision, await names(decision), byId));
  }
  if (input.samverkanMeetingId !== null && !byId.has(input.samverkanMeetingId)) {
    rejectIssues([
      { path: "samverkanMeetingId", message: "Välj ett samverkansmöte med samma patient på enheten." },
    ]);
  }
  const updated = await store.updateDecision(ctx.tx, ctx.unitId, decisionId, input.version, {
    samverkanMeetingId: input.samverkanMeetingId,
  });
  if (!updated) {
    const current = (await store.findDecision(ctx.tx, ctx.unitId, decisionId))!;
    throw errors.conflict(decisionView(current, await names(current), byId));
  }
  await audit(ctx, [
    {
      action: "UPDATE",
      purpose: teamPurpose,
      patientId: decision.patientId,
      entity: "team_decision",
      entityId: decisionId,
      details: { samverkanMeetingId: input.samverkanMeetingId },
    },
  ]);
  return decisionView(updated, await names(updated), byId);
}
