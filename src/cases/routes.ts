/**
 * Sjukfall API: the patient's cases on the active unit (computed, never stored) and the sjukfall
 * parameters — the unit's default and the user's own override (PRODUCT §4, §5.12).
 */
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import { grantFor, type Actor } from "../access/actor.ts";
import { authorizeOnUnit } from "../access/authorize.ts";
import type { Capability } from "../access/policy.ts";
import { arendenOfPatient } from "../arenden/store.ts";
import { auditedRead, recordAudit } from "../audit/audit.ts";
import { requireActor } from "../auth/middleware.ts";
import { certificatesOfPatient, patientOf } from "../certificates/store.ts";
import { stockholmToday } from "../dates/today.ts";
import type { Queryable } from "../db/client.ts";
import { appUser, unit } from "../db/schema.ts";
import { patientIdParam } from "../patients/schema.ts";
import type { AppEnv } from "../server/env.ts";
import { errors } from "../server/errors.ts";
import { jsonBody, jsonResponse } from "../server/openapi.ts";
import { createRouter, noPatientData, patientRoute } from "../server/router.ts";
import {
  settingsSchema,
  sjukfallResponse,
  unitSettingsBody,
  userSettingsBody,
  type SjukfallSettingsView,
} from "./schema.ts";
import {
  resolveSjukfallSettings,
  sjukfallLimits,
  unitOverride,
  unitParams,
  userOverride,
  withSjukfallSettings,
} from "./settings.ts";
import { buildPatientSjukfall } from "./view.ts";

type Ctx = Context<AppEnv>;

const route = patientRoute("Sjukfall");
const settingsRoute = patientRoute("Sjukfall", noPatientData);

const routes = {
  ofPatient: route({
    method: "get",
    path: "/patients/{id}/sjukfall",
    summary: "The patient's sick-leave cases on the active unit, newest first, with open ärenden",
    request: { params: patientIdParam },
    responses: { 200: jsonResponse(sjukfallResponse, "Cases") },
  }),
  settings: settingsRoute({
    method: "get",
    path: "/sjukfall/settings",
    summary: "The sjukfall parameters: the unit's default, the user's override, what applies",
    responses: { 200: jsonResponse(settingsSchema, "Settings") },
  }),
  unitSettings: settingsRoute({
    method: "put",
    path: "/sjukfall/settings/unit",
    summary: "Set the active unit's default gap and afterEnd (unit.users)",
    request: { body: jsonBody(unitSettingsBody) },
    responses: { 200: jsonResponse(settingsSchema, "Settings") },
  }),
  userSettings: settingsRoute({
    method: "put",
    path: "/sjukfall/settings/user",
    summary: "Set the user's own override of gap and afterEnd (null: use the unit's value)",
    request: { body: jsonBody(userSettingsBody) },
    responses: { 200: jsonResponse(settingsSchema, "Settings") },
  }),
};

// ---- Storage ----

const unitSettingsCapability: Capability = "unit.users";

async function storedSettings(q: Queryable, unitId: string, userId: string) {
  const [unitRow] = await q.select({ settings: unit.settings }).from(unit).where(eq(unit.id, unitId));
  const [userRow] = await q
    .select({ settings: appUser.settings })
    .from(appUser)
    .where(eq(appUser.id, userId));
  return { unit: unitRow?.settings ?? {}, user: userRow?.settings ?? {} };
}

function settingsView(stored: { unit: unknown; user: unknown }, actor: Actor): SjukfallSettingsView {
  return {
    effective: resolveSjukfallSettings(stored.unit, stored.user),
    unit: unitParams(stored.unit),
    user: userOverride(stored.user),
    limits: sjukfallLimits,
    mayEditUnit: grantFor(actor, unitSettingsCapability) !== null,
  };
}

function activeUnit(c: Ctx): { actor: Actor; unitId: string } {
  const actor = requireActor(c);
  if (!actor.unitId) throw errors.noUnit();
  return { actor, unitId: actor.unitId };
}

// ---- Routes ----

export function caseRoutes() {
  const router = createRouter();

  router.openapi(routes.ofPatient, async (c) => {
    const { actor, grant, unitId } = authorizeOnUnit(c, "patient.read");
    const { id } = c.req.valid("param");
    const today = stockholmToday(c.var.deps.now());
    const result = await auditedRead(
      c.var.deps.database.db,
      { actor, grant },
      async (tx) => {
        const patient = await patientOf(tx, unitId, id);
        if (!patient) throw errors.notFound();
        const stored = await storedSettings(tx, unitId, actor.userId);
        const { gap, afterEnd } = resolveSjukfallSettings(stored.unit, stored.user);
        return buildPatientSjukfall({
          patientId: id,
          firstDayCertificateUntil: patient.firstDayCertificateUntil,
          certificates: await certificatesOfPatient(tx, unitId, id),
          arenden: await arendenOfPatient(tx, unitId, id),
          settings: { gap, afterEnd },
          today,
        });
      },
      () => [{ action: "READ", purpose: "Vård och behandling", patientId: id, entity: "sjukfall" }],
    );
    return c.json(result, 200);
  });

  router.openapi(routes.settings, async (c) => {
    const { actor, unitId } = activeUnit(c);
    const stored = await storedSettings(c.var.deps.database.db, unitId, actor.userId);
    return c.json(settingsView(stored, actor), 200);
  });

  router.openapi(routes.unitSettings, async (c) => {
    const { actor, grant, unitId } = authorizeOnUnit(c, unitSettingsCapability);
    const body = c.req.valid("json");
    const result = await c.var.deps.database.db.transaction(async (tx) => {
      const [row] = await tx.select({ settings: unit.settings }).from(unit).where(eq(unit.id, unitId));
      if (!row) throw errors.notFound();
      const before = unitOverride(row.settings);
      await tx
        .update(unit)
        .set({ settings: withSjukfallSettings(row.settings, body) })
        .where(eq(unit.id, unitId));
      await recordAudit(tx, { actor, grant, unitId }, [
        {
          action: "ADMIN",
          purpose: "Administration",
          entity: "unit-settings",
          entityId: unitId,
          details: { sjukfall: { before, after: body } },
        },
      ]);
      return settingsView(await storedSettings(tx, unitId, actor.userId), actor);
    });
    return c.json(result, 200);
  });

  router.openapi(routes.userSettings, async (c) => {
    const { actor, unitId } = activeUnit(c);
    const body = c.req.valid("json");
    const result = await c.var.deps.database.db.transaction(async (tx) => {
      const [row] = await tx
        .select({ settings: appUser.settings })
        .from(appUser)
        .where(eq(appUser.id, actor.userId));
      if (!row) throw errors.notFound();
      const before = userOverride(row.settings);
      await tx
        .update(appUser)
        .set({ settings: withSjukfallSettings(row.settings, body) })
        .where(eq(appUser.id, actor.userId));
      await recordAudit(tx, { actor, grant: actor.assignments[0] ?? null, unitId }, [
        {
          action: "ADMIN",
          purpose: "Administration",
          entity: "user-settings",
          entityId: actor.userId,
          details: { sjukfall: { before, after: body } },
        },
      ]);
      return settingsView(await storedSettings(tx, unitId, actor.userId), actor);
    });
    return c.json(result, 200);
  });

  return router;
}
