/**
 * What the unit list screen needs besides the list itself, none of it patient data:
 * - the user's saved column choice (`app_user.settings.worklistColumns`), read and replaced;
 * - the unit's doctors, the choices of the list's doctor filter (only with `cases.list`: a doctor
 *   with `cases.list-own` sees only their own cases, so the filter is moot for them).
 */
import { createRoute } from "@hono/zod-openapi";
import { and, asc, eq } from "drizzle-orm";
import { authorizeOnUnit, authorizeOnUnitAny } from "../access/authorize.ts";
import { appUser, assignment } from "../db/schema.ts";
import type { Queryable } from "../db/client.ts";
import { errors } from "../server/errors.ts";
import { errorResponses, jsonBody, jsonResponse } from "../server/openapi.ts";
import { noPatientData, type createRouter } from "../server/router.ts";
import { sortColumnIds, type SortColumn } from "./rules.ts";
import { doctorsSchema, preferencesBody, preferencesSchema } from "./schema.ts";

/** The key in `app_user.settings`. */
export const columnsSetting = "worklistColumns";

const route = <R extends Parameters<typeof createRoute>[0]>(r: R) =>
  createRoute({
    ...r,
    ...noPatientData,
    tags: ["Sjukfall"],
    responses: { ...r.responses, ...errorResponses },
  });

const routes = {
  preferences: route({
    method: "get",
    path: "/sjukfall/preferences",
    summary: "The user's saved column choice for the unit list",
    responses: { 200: jsonResponse(preferencesSchema, "Preferences") },
  }),
  savePreferences: route({
    method: "put",
    path: "/sjukfall/preferences",
    summary: "Save the user's column choice for the unit list (null: back to the default columns)",
    request: { body: jsonBody(preferencesBody) },
    responses: { 200: jsonResponse(preferencesSchema, "Preferences") },
  }),
  doctors: route({
    method: "get",
    path: "/sjukfall/doctors",
    summary: "The active unit's doctors, for the unit list's doctor filter (cases.list)",
    responses: { 200: jsonResponse(doctorsSchema, "Doctors") },
  }),
};

const listCapabilities = ["cases.list", "cases.list-own"] as const;

/** The saved choice, or null when none (or an unreadable one) is stored. */
export function savedColumns(settings: unknown): SortColumn[] | null {
  const value = (settings as Record<string, unknown> | null)?.[columnsSetting];
  if (!Array.isArray(value)) return null;
  const known = value.filter((v): v is SortColumn => (sortColumnIds as string[]).includes(v as string));
  return known.length > 0 ? known : null;
}

async function userSettings(q: Queryable, userId: string) {
  const [row] = await q.select({ settings: appUser.settings }).from(appUser).where(eq(appUser.id, userId));
  if (!row) throw errors.notFound();
  return row.settings;
}

export function registerPreferenceRoutes(router: ReturnType<typeof createRouter>) {
  router.openapi(routes.preferences, async (c) => {
    const { actor } = authorizeOnUnitAny(c, listCapabilities);
    const settings = await userSettings(c.var.deps.database.db, actor.userId);
    return c.json({ columns: savedColumns(settings) }, 200);
  });

  router.openapi(routes.savePreferences, async (c) => {
    const { actor } = authorizeOnUnitAny(c, listCapabilities);
    const { columns } = c.req.valid("json");
    const saved = await c.var.deps.database.db.transaction(async (tx) => {
      const settings = await userSettings(tx, actor.userId);
      const next: Record<string, unknown> = { ...settings };
      if (columns === null || columns.length === 0) delete next[columnsSetting];
      else next[columnsSetting] = columns;
      await tx.update(appUser).set({ settings: next }).where(eq(appUser.id, actor.userId));
      return savedColumns(next);
    });
    return c.json({ columns: saved }, 200);
  });

  router.openapi(routes.doctors, async (c) => {
    const { unitId } = authorizeOnUnit(c, "cases.list");
    const rows = await c.var.deps.database.db
      .selectDistinct({ id: appUser.id, name: appUser.displayName })
      .from(assignment)
      .innerJoin(appUser, eq(appUser.id, assignment.userId))
      .where(and(eq(assignment.unitId, unitId), eq(assignment.role, "LAKARE"), eq(appUser.active, true)))
      .orderBy(asc(appUser.displayName));
    return c.json({ doctors: rows }, 200);
  });
}
