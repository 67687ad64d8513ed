/** Ärende API: register, list (patient, unit, the doctor's own), answer. */
import { authorizeOnUnit } from "../access/authorize.ts";
import { auditedRead } from "../audit/audit.ts";
import { patientOf } from "../certificates/store.ts";
import { stockholmToday } from "../dates/today.ts";
import type { Queryable } from "../db/client.ts";
import { formatPersonnummer, listName } from "../patients/identity.ts";
import { patientIdParam } from "../patients/schema.ts";
import { errors } from "../server/errors.ts";
import { jsonBody, jsonResponse } from "../server/openapi.ts";
import { createRouter, onUnit, patientRoute } from "../server/router.ts";
import { arendeStatuses, arendeTypes, daysToDeadline, questionAreas } from "./rules.ts";
import {
  answerArendeBody,
  answeredArendeSchema,
  arendeIdParam,
  arendeListQuery,
  arendeListResponse,
  arendenResponse,
  arendeSchema,
  registerArendeBody,
  type Arende,
} from "./schema.ts";
import { answerArende, registerArende } from "./service.ts";
import { arendenOfPatient, historyOf, listArenden, type ArendeRow } from "./store.ts";
import { doctorsSeenBy } from "../handover/store.ts";

const route = patientRoute("Ärenden");

const routes = {
  ofPatient: route({
    method: "get",
    path: "/patients/{id}/arenden",
    summary: "The patient's ärenden from Försäkringskassan on the unit, with history",
    request: { params: patientIdParam },
    responses: { 200: jsonResponse(arendenResponse, "Ärenden") },
  }),
  register: route({
    method: "post",
    path: "/patients/{id}/arenden",
    summary: "Register an ärende that Försäkringskassan sent (komplettering, avstämningsmöte …)",
    request: { params: patientIdParam, body: jsonBody(registerArendeBody) },
    responses: { 201: jsonResponse(arendeSchema, "The registered ärende") },
  }),
  list: route({
    method: "get",
    path: "/arenden",
    summary: "The unit's ärenden (mine=true: on certificates the user signed)",
    request: { query: arendeListQuery },
    responses: { 200: jsonResponse(arendeListResponse, "Ärenden") },
  }),
  answer: route({
    method: "post",
    path: "/arenden/{id}/answer",
    summary: "Answer: a completing certificate, 'kan ej komplettera', a written answer or handled",
    request: { params: arendeIdParam, body: jsonBody(answerArendeBody) },
    responses: {
      200: jsonResponse(answeredArendeSchema, "The ärende; draftId of a completing draft"),
    },
  }),
};

function view(row: ArendeRow, today: string, history: Awaited<ReturnType<typeof historyOf>>): Arende {
  return {
    id: row.id,
    patientId: row.patientId,
    certificateId: row.certificateId,
    type: row.type,
    typeLabel: arendeTypes[row.type],
    receivedDate: row.receivedDate,
    lastAnswerDate: row.lastAnswerDate,
    daysToDeadline: row.status === "OPEN" ? daysToDeadline(row.lastAnswerDate, today) : null,
    questionFields: row.questionFields.map((id) => ({ id, label: questionAreas[id] ?? id })),
    text: row.text,
    status: row.status,
    statusLabel: arendeStatuses[row.status],
    answerKind: row.answerKind,
    answerText: row.answerText,
    answerCertificateId: row.answerCertificateId,
    answeredAt: row.answeredAt,
    version: row.version,
    history: history
      .filter((h) => h.arendeId === row.id)
      .map(({ at, user, event, note, certificateId }) => ({ at, user, event, note, certificateId })),
  };
}

async function viewWithHistory(q: Queryable, unitId: string, row: ArendeRow, today: string) {
  return view(row, today, await historyOf(q, unitId, [row.id]));
}

export function arendeRoutes() {
  const router = createRouter();

  router.openapi(routes.ofPatient, async (c) => {
    const { actor, grant, unitId } = authorizeOnUnit(c, "patient.read");
    const { id } = c.req.valid("param");
    const today = stockholmToday(c.var.deps.now());
    const arenden = await auditedRead(
      c.var.deps.database.db,
      { actor, grant },
      async (tx) => {
        if (!(await patientOf(tx, unitId, id))) throw errors.notFound();
        const rows = await arendenOfPatient(tx, unitId, id);
        const history = await historyOf(
          tx,
          unitId,
          rows.map((r) => r.id),
        );
        return rows.map((r) => view(r, today, history));
      },
      () => [{ action: "READ", purpose: "Vård och behandling", patientId: id, entity: "arenden" }],
    );
    return c.json({ arenden }, 200);
  });

  router.openapi(routes.register, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const result = await onUnit(c, "arende.register", async (ctx) =>
      viewWithHistory(ctx.tx, ctx.unitId, await registerArende(ctx, id, body), ctx.today),
    );
    return c.json(result, 201);
  });

  router.openapi(routes.list, async (c) => {
    const { actor, grant, unitId } = authorizeOnUnit(c, "patient.read");
    const { status, mine } = c.req.valid("query");
    const today = stockholmToday(c.var.deps.now());
    const rows = await auditedRead(
      c.var.deps.database.db,
      { actor, grant },
      // "Mine": on certificates the user signed, or a doctor who handed their cases over to the user.
      async (tx) =>
        listArenden(tx, unitId, {
          status,
          ...(mine === "true"
            ? { doctorIds: [...(await doctorsSeenBy(tx, unitId, actor.userId, today))] }
            : {}),
        }),
      (found) =>
        found.map((r) => ({ action: "READ_LIST" as const, purpose: "Ärendelista", patientId: r.patient.id })),
    );
    return c.json(
      {
        arenden: rows.map(({ arende, patient, doctorName }) => {
          const { history: _history, ...rest } = view(arende, today, []);
          return {
            ...rest,
            patientName: listName(patient),
            personnummer: formatPersonnummer(patient.personnummer),
            doctorName,
          };
        }),
      },
      200,
    );
  });

  router.openapi(routes.answer, async (c) => {
    const { id } = c.req.valid("param");
    const { version, kind, text } = c.req.valid("json");
    const result = await onUnit(c, "arende.answer", async (ctx) => {
      const { arende, draftId } = await answerArende(ctx, id, version, kind, text);
      return { ...(await viewWithHistory(ctx.tx, ctx.unitId, arende, ctx.today)), draftId };
    });
    return c.json(result, 200);
  });

  return router;
}
