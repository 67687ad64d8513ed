/** Koordineringsinsatser and meetings with other parties, refused without the consent they need. */
import { createEventTask } from "../tasks/events.ts";
import {
  consentsForMeasure,
  consentsForMeeting,
  measureIssues,
  meetingIssues,
  type Counterpart,
  type MeasureType,
  type MeetingKind,
  type ParticipantParty,
} from "./rules.ts";
import { insertMeasure, insertMeeting, userNames } from "./store.ts";
import { measureView, meetingView } from "./view.ts";
import type { CoordinationContext } from "./context.ts";
import { assertConsent, audit, auditPurpose, rejectIssues, requirePatient } from "./context.ts";
import { latestCaseStart } from "./aktualisering-service.ts";

export async function recordMeasure(
  ctx: CoordinationContext,
  patientId: string,
  input: {
    type: MeasureType;
    date: string;
    counterpart: Counterpart | null;
    counterpartOther: string;
    note: string;
  },
) {
  await requirePatient(ctx.tx, ctx.unitId, patientId);
  rejectIssues(measureIssues(input, ctx.today));
  await assertConsent(
    ctx.tx,
    ctx.unitId,
    patientId,
    consentsForMeasure(input.type, input.counterpart),
    input.date,
  );
  const row = await insertMeasure(ctx.tx, {
    unitId: ctx.unitId,
    patientId,
    type: input.type,
    measureDate: input.date,
    performedBy: ctx.actor.userId,
    counterpart: input.counterpart,
    counterpartOther: input.counterpartOther,
    note: input.note,
  });
  await audit(ctx, [
    {
      action: "CREATE",
      purpose: auditPurpose,
      patientId,
      entity: "coordination_measure",
      entityId: row.id,
      details: { type: row.type, counterpart: row.counterpart },
    },
  ]);
  const names = await userNames(ctx.tx, [row.performedBy]);
  return measureView(row, names);
}

export async function recordMeeting(
  ctx: CoordinationContext,
  patientId: string,
  input: {
    kind: MeetingKind;
    date: string;
    participants: { name: string; role: string; party: ParticipantParty }[];
    notes: string;
    followUpDate: string | null;
  },
) {
  const patient = await requirePatient(ctx.tx, ctx.unitId, patientId);
  rejectIssues(meetingIssues(input, ctx.today));
  const parties = input.participants.map((p) => p.party);
  await assertConsent(ctx.tx, ctx.unitId, patientId, consentsForMeeting(input.kind, parties), input.date);
  const row = await insertMeeting(ctx.tx, {
    unitId: ctx.unitId,
    patientId,
    kind: input.kind,
    meetingDate: input.date,
    participants: input.participants,
    notes: input.notes,
    followUpDate: input.followUpDate,
    recordedBy: ctx.actor.userId,
  });
  await audit(ctx, [
    {
      action: "CREATE",
      purpose: auditPurpose,
      patientId,
      entity: "coordination_meeting",
      entityId: row.id,
      details: { kind: row.kind, participants: row.participants.length },
    },
  ]);
  if (row.followUpDate) {
    await createEventTask(ctx, {
      patientId,
      caseStart: await latestCaseStart(ctx.tx, ctx.unitId, patient, ctx.today, row.meetingDate),
      kind: "MEETING_FOLLOW_UP",
      subject: row.id,
      dueDate: row.followUpDate,
      responsibleUserId: ctx.actor.userId,
      details: { meetingDate: row.meetingDate, meetingKind: row.kind },
    });
  }
  const names = await userNames(ctx.tx, [row.recordedBy]);
  return meetingView(row, names);
}
