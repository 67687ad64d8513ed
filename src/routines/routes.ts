/**
 * The routine library API (issue #11 item 1), on the active unit: everyone reads the unit's
 * routines and confirms "Jag har läst och förstått"; the chief and MLU (`routine.manage`) write the
 * unit's routines, adopt regional ones and see who has not confirmed; the region (`routine.region`)
 * writes regional routines. Staff routines are no patient data; every change is one audit event.
 */
import type { Context } from "hono";
import { authorizeOnUnitAny } from "../access/authorize.ts";
import type { Capability } from "../access/policy.ts";
import { recordAudit } from "../audit/audit.ts";
import type { AuditAction } from "../audit/actions.ts";
import type { AppEnv } from "../server/env.ts";
import { jsonBody, jsonResponse } from "../server/openapi.ts";
import {
  createRouter,
  noPatientData,
  onUnit,
  patientRoute,
  type UnitCommandContext,
} from "../server/router.ts";
import {
  confirmRoutineBody,
  createRoutineBody,
  routineDetail as routineDetailSchema,
  routineIdParam,
  routineLibrary as routineLibrarySchema,
  saveRoutineBody,
} from "./schema.ts";
import {
  confirmRoutine,
  createRoutine,
  routineDetail,
  routineLibrary,
  saveRoutine,
  setAdoption,
  type RoutineContext,
} from "./service.ts";

const route = patientRoute("Rutiner", noPatientData);
const routine = jsonResponse(routineDetailSchema, "The routine");

const routes = {
  library: route({
    method: "get",
    path: "/rutiner",
    summary: "The unit's routines (own and adopted regional ones) and the regional ones offered",
    responses: { 200: jsonResponse(routineLibrarySchema, "The library") },
  }),
  create: route({
    method: "post",
    path: "/rutiner",
    summary: "A new routine of the unit, or of the region (regional: true)",
    request: { body: jsonBody(createRoutineBody) },
    responses: { 201: routine },
  }),
  detail: route({
    method: "get",
    path: "/rutiner/{id}",
    summary:
      "One routine: its text, versions, the user's confirmation, and for the chief who has not confirmed",
    request: { params: routineIdParam },
    responses: { 200: routine },
  }),
  save: route({
    method: "put",
    path: "/rutiner/{id}",
    summary: "Save a routine (a changed text is a new version to confirm again; 409 when stale)",
    request: { params: routineIdParam, body: jsonBody(saveRoutineBody) },
    responses: { 200: routine },
  }),
  confirm: route({
    method: "post",
    path: "/rutiner/{id}/bekraftelse",
    summary: "Jag har läst och förstått: confirm the current text version (409 when a newer one exists)",
    request: { params: routineIdParam, body: jsonBody(confirmRoutineBody) },
    responses: { 200: routine },
  }),
  adopt: route({
    method: "put",
    path: "/rutiner/{id}/antagen",
    summary: "Adopt a regional routine into the unit's library",
    request: { params: routineIdParam },
    responses: { 200: routine },
  }),
  unadopt: route({
    method: "delete",
    path: "/rutiner/{id}/antagen",
    summary: "Stop using a regional routine on the unit",
    request: { params: routineIdParam },
    responses: { 200: routine },
  }),
};

type Ctx = Context<AppEnv>;
const toRoutineContext = (ctx: UnitCommandContext): RoutineContext => ({
  tx: ctx.tx,
  actor: ctx.actor,
  unitId: ctx.unitId,
  today: ctx.today,
});

/** Runs a routine command for the first capability of `options` the actor holds (else 403). */
function onRoutines<T>(
  c: Ctx,
  options: readonly Capability[],
  fn: (ctx: RoutineContext & UnitCommandContext) => Promise<T>,
) {
  const { capability } = authorizeOnUnitAny(c, options);
  return onUnit(c, capability, (ctx) => fn({ ...ctx, ...toRoutineContext(ctx) }));
}

const audited = (
  ctx: UnitCommandContext,
  action: AuditAction,
  entityId: string,
  details: Record<string, unknown>,
) =>
  recordAudit(ctx.tx, { actor: ctx.actor, grant: ctx.grant, unitId: ctx.unitId }, [
    { action, purpose: "Rutiner", entity: "routine", entityId, details },
  ]);

export function routineRoutes() {
  const router = createRouter();

  router.openapi(routes.library, async (c) => {
    const library = await onRoutines(c, ["routine.read"], routineLibrary);
    return c.json(library, 200);
  });

  router.openapi(routes.create, async (c) => {
    const input = c.req.valid("json");
    const created = await onRoutines(c, ["routine.manage", "routine.region"], async (ctx) => {
      const created = await createRoutine(ctx, input);
      await audited(ctx, "CREATE", created.id, { regional: input.regional, textVersion: 1 });
      return created;
    });
    return c.json(created, 201);
  });

  router.openapi(routes.detail, async (c) => {
    const { id } = c.req.valid("param");
    const found = await onRoutines(c, ["routine.read"], async (ctx) => {
      const found = await routineDetail(ctx, id);
      // Who has (not) confirmed is about named staff: the chief's look at it is logged.
      if (found.staff) await audited(ctx, "READ", id, { staff: found.staff.length });
      return found;
    });
    return c.json(found, 200);
  });

  router.openapi(routes.save, async (c) => {
    const { id } = c.req.valid("param");
    const input = c.req.valid("json");
    const saved = await onRoutines(c, ["routine.manage", "routine.region"], async (ctx) => {
      const saved = await saveRoutine(ctx, id, input);
      await audited(ctx, "UPDATE", id, { changed: saved.changed, textVersion: saved.routine.textVersion });
      return saved.routine;
    });
    return c.json(saved, 200);
  });

  router.openapi(routes.confirm, async (c) => {
    const { id } = c.req.valid("param");
    const { textVersion } = c.req.valid("json");
    const confirmed = await onRoutines(c, ["routine.read"], async (ctx) => {
      const confirmed = await confirmRoutine(ctx, id, textVersion);
      if (confirmed.created) await audited(ctx, "CREATE", id, { confirmed: textVersion });
      return confirmed.routine;
    });
    return c.json(confirmed, 200);
  });

  for (const [r, adopt] of [
    [routes.adopt, true],
    [routes.unadopt, false],
  ] as const) {
    router.openapi(r, async (c) => {
      const { id } = c.req.valid("param");
      const result = await onRoutines(c, ["routine.manage"], async (ctx) => {
        const result = await setAdoption(ctx, id, adopt);
        if (result.changed) await audited(ctx, "ADMIN", id, { adopted: adopt });
        return result.routine;
      });
      return c.json(result, 200);
    });
  }

  return router;
}
