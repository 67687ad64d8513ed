/**
 * Team API (issue #9): the unit's multimodal team (`team.overview` reads, `team.manage` changes),
 * its meetings, the agenda of patients with TEAM consent on the meeting date, minutes locked at
 * closing and decisions that become tasks. Showing a patient on an agenda is a read of that
 * patient (`team.read`), logged per patient.
 */
import { z } from "@hono/zod-openapi";
import { authorizeOnUnit } from "../access/authorize.ts";
import { auditedRead } from "../audit/audit.ts";
import { stockholmToday } from "../dates/today.ts";
import type { AppEnv } from "../server/env.ts";
import { jsonBody, jsonResponse } from "../server/openapi.ts";
import { createRouter, noPatientData, onUnit, patientRoute } from "../server/router.ts";
import type { Context } from "hono";
import {
  addItemBody,
  closeBody,
  createMeetingBody,
  decisionBody,
  decisionIdParam,
  itemIdParam,
  meetingIdParam,
  meetingSchema,
  meetingSummarySchema,
  minutesBody,
  minutesVersionSchema,
  orderBody,
  participantsBody,
  samverkanLinkBody,
  saveTeamBody,
  suggestionsResponse,
  teamDecisionSchema,
  teamResponse,
} from "./schema.ts";
import {
  addDecision,
  addItem,
  closeMeeting,
  createMeeting,
  linkSamverkan,
  loadMeeting,
  loadSuggestions,
  loadTeam,
  saveMinutes,
  saveTeam,
  setOrder,
  setParticipants,
  teamPurpose,
} from "./service.ts";

const route = patientRoute("Team");
const adminRoute = patientRoute("Team", noPatientData);

const itemCreated = z.object({
  id: z.string(),
  meetingId: z.string(),
  position: z.number(),
  source: z.enum(["AKTUALISERING", "MANUELL"]),
  caseStart: z.string(),
});

const routes = {
  team: adminRoute({
    method: "get",
    path: "/team",
    summary: "The unit's team: members by profession, meeting times, the next slots and the meetings",
    responses: { 200: jsonResponse(teamResponse, "The team") },
  }),
  saveTeam: adminRoute({
    method: "put",
    path: "/team",
    summary: "Save the team's members and recurring meeting times (409 when the version is stale)",
    request: { body: jsonBody(saveTeamBody) },
    responses: { 200: jsonResponse(teamResponse, "The saved team") },
  }),
  createMeeting: adminRoute({
    method: "post",
    path: "/team/moten",
    summary: "Call a team meeting (participants: the standing members unless given)",
    request: { body: jsonBody(createMeetingBody) },
    responses: { 201: jsonResponse(meetingSummarySchema, "The meeting") },
  }),
  participants: adminRoute({
    method: "put",
    path: "/team/moten/{id}/deltagare",
    summary: "Set the meeting's participants and their attendance (409 when stale)",
    request: { params: meetingIdParam, body: jsonBody(participantsBody) },
    responses: { 200: jsonResponse(meetingSummarySchema, "The meeting") },
  }),
  meeting: route({
    method: "get",
    path: "/team/moten/{id}",
    summary: "One meeting with its agenda, minutes (every version) and decisions; each patient is logged",
    request: { params: meetingIdParam },
    responses: { 200: jsonResponse(meetingSchema, "The meeting") },
  }),
  suggestions: route({
    method: "get",
    path: "/team/moten/{id}/forslag",
    summary: "Cases decided 'aktualiseras i teamet' on no agenda yet, with TEAM consent on the meeting date",
    request: { params: meetingIdParam },
    responses: { 200: jsonResponse(suggestionsResponse, "Suggestions") },
  }),
  addItem: route({
    method: "post",
    path: "/team/moten/{id}/dagordning",
    summary: "Put a patient on the agenda (refused without TEAM consent valid on the meeting date)",
    request: { params: meetingIdParam, body: jsonBody(addItemBody) },
    responses: { 201: jsonResponse(itemCreated, "The agenda item") },
  }),
  order: route({
    method: "put",
    path: "/team/moten/{id}/dagordning",
    summary: "Order the agenda; an item left out is removed unless it has minutes or decisions",
    request: { params: meetingIdParam, body: jsonBody(orderBody) },
    responses: { 200: jsonResponse(meetingSummarySchema, "The meeting") },
  }),
  minutes: route({
    method: "put",
    path: "/team/dagordning/{id}/anteckning",
    summary: "Save the minutes of an agenda item as a new version; after closing only as a correction",
    request: { params: itemIdParam, body: jsonBody(minutesBody) },
    responses: { 200: jsonResponse(minutesVersionSchema, "The saved version") },
  }),
  decision: route({
    method: "post",
    path: "/team/dagordning/{id}/beslut",
    summary: "Record a decision about the patient: a task for the responsible person by the date",
    request: { params: itemIdParam, body: jsonBody(decisionBody) },
    responses: { 201: jsonResponse(teamDecisionSchema, "The decision") },
  }),
  close: route({
    method: "post",
    path: "/team/moten/{id}/avsluta",
    summary: "Close the meeting: attendance recorded, minutes locked (corrections become new versions)",
    request: { params: meetingIdParam, body: jsonBody(closeBody) },
    responses: { 200: jsonResponse(meetingSummarySchema, "The closed meeting") },
  }),
  samverkan: route({
    method: "put",
    path: "/team/beslut/{id}/samverkan",
    summary: "Follow a decision up in a samverkansmöte (trepartsmöte, avstämningsmöte) of the patient",
    request: { params: decisionIdParam, body: jsonBody(samverkanLinkBody) },
    responses: { 200: jsonResponse(teamDecisionSchema, "The decision") },
  }),
};

/** A read showing patients, logged per patient in the same transaction. */
function read<T>(
  c: Context<AppEnv>,
  action: "READ" | "READ_LIST",
  entity: string,
  load: (tx: Parameters<Parameters<typeof auditedRead>[2]>[0], unitId: string, today: string) => Promise<T>,
  patientIds: (result: T) => string[],
  capability: "team.read" | "team.manage",
) {
  const { actor, grant, unitId } = authorizeOnUnit(c, capability);
  const today = stockholmToday(c.var.deps.now());
  return auditedRead(
    c.var.deps.database.db,
    { actor, grant },
    (tx) => load(tx, unitId, today),
    (result) => patientIds(result).map((patientId) => ({ action, purpose: teamPurpose, patientId, entity })),
  );
}

export function teamRoutes() {
  const router = createRouter();

  router.openapi(routes.team, async (c) => {
    const { unitId } = authorizeOnUnit(c, "team.overview");
    const today = stockholmToday(c.var.deps.now());
    return c.json(await loadTeam(c.var.deps.database.db, unitId, today), 200);
  });

  router.openapi(routes.saveTeam, async (c) => {
    const body = c.req.valid("json");
    return c.json(await onUnit(c, "team.manage", (ctx) => saveTeam(ctx, body)), 200);
  });

  router.openapi(routes.createMeeting, async (c) => {
    const body = c.req.valid("json");
    return c.json(await onUnit(c, "team.manage", (ctx) => createMeeting(ctx, body)), 201);
  });

  router.openapi(routes.participants, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    return c.json(await onUnit(c, "team.manage", (ctx) => setParticipants(ctx, id, body)), 200);
  });

  router.openapi(routes.meeting, async (c) => {
    const { id } = c.req.valid("param");
    const result = await read(
      c,
      "READ",
      "team_agenda_item",
      (tx, unitId, today) => loadMeeting(tx, unitId, id, today),
      (m) => m.items.map((i) => i.patientId),
      "team.read",
    );
    return c.json(result, 200);
  });

  router.openapi(routes.suggestions, async (c) => {
    const { id } = c.req.valid("param");
    const result = await read(
      c,
      "READ_LIST",
      "aktualisering",
      (tx, unitId) => loadSuggestions(tx, unitId, id),
      (r) => r.suggestions.map((s) => s.patientId),
      "team.manage",
    );
    return c.json(result, 200);
  });

  router.openapi(routes.addItem, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    return c.json(await onUnit(c, "team.manage", (ctx) => addItem(ctx, id, body)), 201);
  });

  router.openapi(routes.order, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    return c.json(await onUnit(c, "team.manage", (ctx) => setOrder(ctx, id, body)), 200);
  });

  router.openapi(routes.minutes, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    return c.json(await onUnit(c, "team.manage", (ctx) => saveMinutes(ctx, id, body)), 200);
  });

  router.openapi(routes.decision, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    return c.json(await onUnit(c, "team.manage", (ctx) => addDecision(ctx, id, body)), 201);
  });

  router.openapi(routes.close, async (c) => {
    const { id } = c.req.valid("param");
    const { version } = c.req.valid("json");
    return c.json(await onUnit(c, "team.manage", (ctx) => closeMeeting(ctx, id, version)), 200);
  });

  router.openapi(routes.samverkan, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    return c.json(await onUnit(c, "team.manage", (ctx) => linkSamverkan(ctx, id, body)), 200);
  });

  return router;
}
