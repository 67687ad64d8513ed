/**
 * Pågående sjukfall API (PRODUCT §5.3): the unit list of the active unit today, filtered, sorted
 * and counted by sex; and its export. The rehabkoordinator sees every case of the unit
 * (`cases.list`), a doctor the cases whose anchor certificate they signed (`cases.list-own`).
 * One audit event per patient shown or exported.
 */
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import { authorizeOnUnitAny } from "../access/authorize.ts";
import { auditedRead } from "../audit/audit.ts";
import { resolveSjukfallSettings } from "../cases/settings.ts";
import { stockholmToday } from "../dates/today.ts";
import { unit } from "../db/schema.ts";
import type { Tx } from "../db/client.ts";
import type { AppEnv } from "../server/env.ts";
import { jsonBody, jsonResponse } from "../server/openapi.ts";
import { createRouter, onUnit, patientRoute } from "../server/router.ts";
import { patientIdParam } from "../patients/schema.ts";
import { describeFilter, renderCsv, renderPdf, renderXlsx, type ExportInput } from "./export.ts";
import { countBySex, filterRows, sortRows, type UnitListFilter } from "./rules.ts";
import {
  coordinatorStatusBody,
  coordinatorStatusResponse,
  toFilter,
  unitListExportQuery,
  unitListQuery,
  unitListResponse,
} from "./schema.ts";
import { setCoordinatorStatus } from "./coordinator-status.ts";
import { registerPreferenceRoutes } from "./preferences.ts";
import { computeUnitList } from "./service.ts";
import { withTeamStatus } from "../traceability/facts.ts";
import { isDoctorOfUnit, storedSettings, userNames } from "./store.ts";
import { errors } from "../server/errors.ts";

type Ctx = Context<AppEnv>;

const route = patientRoute("Sjukfall");

const routes = {
  list: route({
    method: "get",
    path: "/sjukfall",
    summary: "Pågående sjukfall of the active unit today: filtered, sorted, counted by sex, paged",
    request: { query: unitListQuery },
    responses: { 200: jsonResponse(unitListResponse, "The unit list") },
  }),
  export: route({
    method: "get",
    path: "/sjukfall/export",
    summary: "The filtered unit list as CSV, XLSX or PDF, with the filters and counts printed",
    request: { query: unitListExportQuery },
    responses: {
      200: {
        description: "The file",
        content: {
          "text/csv": { schema: { type: "string" } },
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
            schema: { type: "string", format: "binary" },
          },
          "application/pdf": { schema: { type: "string", format: "binary" } },
        },
      },
    },
  }),
  coordinatorStatus: route({
    method: "put",
    path: "/sjukfall/{id}/koordinatorstatus",
    summary:
      "The rehabkoordinator sets the status of the patient's case (ej kontaktad, kontaktad, aktiv, avslutad)",
    request: { params: patientIdParam, body: jsonBody(coordinatorStatusBody) },
    responses: { 200: jsonResponse(coordinatorStatusResponse, "The status now") },
  }),
};

/** Who sees what: the whole unit with `cases.list`, else only the doctor's own cases. */
function authorizeList(c: Ctx) {
  const auth = authorizeOnUnitAny(c, ["cases.list", "cases.list-own"]);
  return { ...auth, scope: auth.capability === "cases.list" ? ("UNIT" as const) : ("OWN" as const) };
}

/** The query as a filter; in the own scope the doctor is always the user (a doctor filter is moot). */
function filterFor(auth: ReturnType<typeof authorizeList>, query: Parameters<typeof toFilter>[0]) {
  const { doctorId, ...filter } = toFilter(query);
  return auth.scope === "UNIT" && doctorId !== undefined ? { ...filter, doctorId } : filter;
}

async function loadList(
  c: Ctx,
  tx: Tx,
  auth: ReturnType<typeof authorizeList>,
  filter: UnitListFilter,
  sort: { column: Parameters<typeof sortRows>[1]; order: "asc" | "desc" },
) {
  const { deps } = c.var;
  // Another unit's user (or no user) is refused like a malformed id: the filter never names them.
  if (filter.doctorId && !(await isDoctorOfUnit(tx, auth.unitId, filter.doctorId)))
    throw errors.badRequest("Läkaren finns inte på enheten.", [
      { path: "doctor", message: "Välj en läkare på enheten." },
    ]);
  const today = stockholmToday(deps.now());
  const stored = await storedSettings(tx, auth.unitId, auth.actor.userId);
  const { gap, afterEnd } = resolveSjukfallSettings(stored.unit, stored.user);
  const cached = (
    await computeUnitList(tx, {
      unitId: auth.unitId,
      today,
      gap,
      afterEnd,
      reference: deps.reference,
      database: deps.database,
      doctorId: auth.scope === "OWN" ? auth.actor.userId : undefined,
    })
  ).map((u) => u.row);
  const all = await withTeamStatus(tx, auth.unitId, cached, today);
  const filtered = sortRows(filterRows(all, filter), sort.column, sort.order);
  return { today, settings: { gap, afterEnd }, all, filtered };
}

const contentTypes = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
} as const;

export function worklistRoutes() {
  const router = createRouter();

  router.openapi(routes.list, async (c) => {
    const auth = authorizeList(c);
    const { sort, order, limit, offset, ...rest } = c.req.valid("query");
    const filter: UnitListFilter = filterFor(auth, rest);
    const result = await auditedRead(
      c.var.deps.database.db,
      { actor: auth.actor, grant: auth.grant },
      async (tx) => {
        const list = await loadList(c, tx, auth, filter, { column: sort, order });
        return { ...list, rows: list.filtered.slice(offset, offset + limit) };
      },
      ({ rows }) =>
        rows.map((row) => ({
          action: "READ_LIST" as const,
          purpose: "Pågående sjukfall",
          patientId: row.patientId,
          entity: "sjukfall-list",
        })),
    );
    return c.json(
      {
        today: result.today,
        settings: result.settings,
        scope: auth.scope,
        counts: countBySex(result.filtered),
        unfiltered: countBySex(result.all),
        limit,
        offset,
        rows: result.rows,
      },
      200,
    );
  });

  router.openapi(routes.export, async (c) => {
    const auth = authorizeList(c);
    const { sort, order, format, hidePersonal, ...rest } = c.req.valid("query");
    const filter: UnitListFilter = filterFor(auth, rest);
    const input = await auditedRead(
      c.var.deps.database.db,
      { actor: auth.actor, grant: auth.grant },
      async (tx): Promise<ExportInput> => {
        const list = await loadList(c, tx, auth, filter, { column: sort, order });
        const [unitRow] = await tx.select({ name: unit.name }).from(unit).where(eq(unit.id, auth.unitId));
        const doctor = filter.doctorId ? (await userNames(tx, [filter.doctorId])).get(filter.doctorId) : null;
        const chapter = filter.chapter
          ? (c.var.deps.reference.icd10.chapterOf(filter.chapter.split("-")[0]!)?.title ?? null)
          : null;
        return {
          unitName: unitRow?.name ?? "",
          today: list.today,
          scope: auth.scope,
          filterLines: describeFilter(filter, { doctor: doctor ?? null, chapter }),
          sort: { column: sort, order },
          counts: countBySex(list.filtered),
          rows: list.filtered,
          hidePersonal: hidePersonal === "true",
        };
      },
      ({ rows }) =>
        rows.map((row) => ({
          action: "EXPORT" as const,
          purpose: "Export av pågående sjukfall",
          patientId: row.patientId,
          entity: "sjukfall-list",
          details: { format, hidePersonal: hidePersonal === "true" },
        })),
    );
    const file =
      format === "csv"
        ? new TextEncoder().encode(renderCsv(input))
        : new Uint8Array(format === "xlsx" ? await renderXlsx(input) : await renderPdf(input));
    return c.body(file, 200, {
      "content-type": contentTypes[format],
      "content-disposition": `attachment; filename="pagaende-sjukfall-${input.today}.${format}"`,
      "cache-control": "no-store",
    });
  });

  router.openapi(routes.coordinatorStatus, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    return c.json(await onUnit(c, "coordination.write", (ctx) => setCoordinatorStatus(ctx, id, body)), 200);
  });

  registerPreferenceRoutes(router);

  return router;
}
