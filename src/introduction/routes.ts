/**
 * The substitutes' introduction API (issue #11 item 2): a vikarie's or hyrläkare's first-day
 * checklist on the active unit (everyone with `routine.read` asks for their own; only a substitute
 * has items), ticking the contacts item, and the chief's overview (`routine.manage`). No patient
 * data; ticks and the chief's look at named staff are audited.
 */
import { recordAudit } from "../audit/audit.ts";
import { errors } from "../server/errors.ts";
import { jsonBody, jsonResponse } from "../server/openapi.ts";
import {
  createRouter,
  noPatientData,
  onUnit,
  patientRoute,
  type UnitCommandContext,
} from "../server/router.ts";
import {
  myIntroduction as myIntroductionSchema,
  tickBody,
  unitIntroductions as unitSchema,
} from "./schema.ts";
import { myIntroduction, unitIntroductions } from "./service.ts";
import { substitutesOn, setTick } from "./store.ts";

const route = patientRoute("Introduktion", noPatientData);

const routes = {
  mine: route({
    method: "get",
    path: "/introduktion",
    summary: "The user's first-day checklist on the active unit (empty unless the user is a substitute)",
    responses: { 200: jsonResponse(myIntroductionSchema, "The checklist") },
  }),
  tick: route({
    method: "post",
    path: "/introduktion/bockar",
    summary: "Tick (or untick) the contacts item of the user's own checklist",
    request: { body: jsonBody(tickBody) },
    responses: { 200: jsonResponse(myIntroductionSchema, "The checklist") },
  }),
  unit: route({
    method: "get",
    path: "/introduktion/enheten",
    summary: "Every substitute on the unit with their checklist progress (for the chief)",
    responses: { 200: jsonResponse(unitSchema, "The substitutes") },
  }),
};

const audit = (ctx: UnitCommandContext, action: "UPDATE" | "READ", details: Record<string, unknown>) =>
  recordAudit(ctx.tx, { actor: ctx.actor, grant: ctx.grant, unitId: ctx.unitId }, [
    { action, purpose: "Introduktion för vikarier", entity: "introduction", details },
  ]);

export function introductionRoutes() {
  const router = createRouter();

  router.openapi(routes.mine, async (c) => {
    const mine = await onUnit(c, "routine.read", (ctx) =>
      myIntroduction(ctx.tx, { unitId: ctx.unitId, today: ctx.today, userId: ctx.actor.userId }),
    );
    return c.json(mine, 200);
  });

  router.openapi(routes.tick, async (c) => {
    const { item, done } = c.req.valid("json");
    const mine = await onUnit(c, "routine.read", async (ctx) => {
      const scope = { unitId: ctx.unitId, today: ctx.today, userId: ctx.actor.userId };
      if ((await substitutesOn(ctx.tx, ctx.unitId, ctx.today, ctx.actor.userId)).length === 0) {
        throw errors.badRequest("Du har inget uppdrag som vikarie eller hyrläkare på enheten (item).", [
          { path: "item", message: "Checklistan gäller vikarier och hyrläkare." },
        ]);
      }
      await setTick(ctx.tx, ctx.unitId, ctx.actor.userId, item, done);
      await audit(ctx, "UPDATE", { item, done });
      return myIntroduction(ctx.tx, scope);
    });
    return c.json(mine, 200);
  });

  router.openapi(routes.unit, async (c) => {
    const result = await onUnit(c, "routine.manage", async (ctx) => {
      const result = await unitIntroductions(ctx.tx, { unitId: ctx.unitId, today: ctx.today });
      await audit(ctx, "READ", { substitutes: result.substitutes.length });
      return result;
    });
    return c.json(result, 200);
  });

  return router;
}
