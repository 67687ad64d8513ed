/**
 * Spårbarhet API (issue #9 item 3): the active unit's ongoing cases over 30 days with what each
 * lacks, for the chief, the MLU and the rehabkoordinator; and its CSV export. One audit event per
 * patient shown or exported.
 */
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import { authorizeOnUnit } from "../access/authorize.ts";
import { auditedRead } from "../audit/audit.ts";
import { stockholmToday } from "../dates/today.ts";
import { unit } from "../db/schema.ts";
import type { AppEnv } from "../server/env.ts";
import { jsonResponse } from "../server/openapi.ts";
import { createRouter, patientRoute } from "../server/router.ts";
import { csvCell } from "../worklist/export.ts";
import { gaps, teamStatuses } from "./rules.ts";
import { traceabilityExportQuery, traceabilityQuery, traceabilityResponse } from "./schema.ts";
import { traceabilityCsv, traceabilityOf, type TraceabilityFilter } from "./service.ts";

type Ctx = Context<AppEnv>;

const route = patientRoute("Spårbarhet");
const purpose = "Spårbarhetskontroll av sjukfall över 30 dagar";

const routes = {
  list: route({
    method: "get",
    path: "/sparbarhet",
    summary: "Ongoing cases over 30 days of the active unit with what each lacks, and its team status",
    request: { query: traceabilityQuery },
    responses: { 200: jsonResponse(traceabilityResponse, "The cases") },
  }),
  export: route({
    method: "get",
    path: "/sparbarhet/export",
    summary: "The filtered list as CSV, the filter printed above it",
    request: { query: traceabilityExportQuery },
    responses: { 200: { description: "The file", content: { "text/csv": { schema: { type: "string" } } } } },
  }),
};

function load(c: Ctx, filter: TraceabilityFilter, action: "READ_LIST" | "EXPORT") {
  const { actor, grant, unitId } = authorizeOnUnit(c, "traceability.read");
  const { deps } = c.var;
  const today = stockholmToday(deps.now());
  return auditedRead(
    deps.database.db,
    { actor, grant },
    async (tx) => {
      const list = await traceabilityOf(
        tx,
        { unitId, today, reference: deps.reference, database: deps.database },
        filter,
      );
      const [row] = await tx.select({ name: unit.name }).from(unit).where(eq(unit.id, unitId));
      return { list, unitName: row?.name ?? "" };
    },
    ({ list }) => list.rows.map((r) => ({ action, purpose, patientId: r.patientId, entity: "sparbarhet" })),
  );
}

const filterOf = (q: {
  gap?: TraceabilityFilter["gap"];
  teamStatus?: TraceabilityFilter["teamStatus"];
  all: string;
}) => ({
  gap: q.gap,
  teamStatus: q.teamStatus,
  all: q.all === "true",
});

export function traceabilityRoutes() {
  const router = createRouter();

  router.openapi(routes.list, async (c) => {
    const { list } = await load(c, filterOf(c.req.valid("query")), "READ_LIST");
    return c.json(list, 200);
  });

  router.openapi(routes.export, async (c) => {
    const query = c.req.valid("query");
    const filter = filterOf(query);
    const { list, unitName } = await load(c, filter, "EXPORT");
    const described = [
      filter.all ? "Alla sjukfall över 30 dagar" : "Sjukfall över 30 dagar där något saknas",
      filter.gap ? gaps[filter.gap] : null,
      filter.teamStatus ? `Teamstatus: ${teamStatuses[filter.teamStatus]}` : null,
    ]
      .filter(Boolean)
      .join(", ");
    const csv = traceabilityCsv(list, { unitName, filter: described }, csvCell);
    return c.body(new TextEncoder().encode(csv), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="sparbarhet-${list.today}.csv"`,
      "cache-control": "no-store",
    });
  });

  return router;
}
