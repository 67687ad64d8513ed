/**
 * Statistics API (issue 10): the sick-leave figures of the active unit, split by women and men,
 * for a period and the same period a year earlier, and their export as CSV or XLSX.
 *
 * Who sees what: staff with `statistics.unit` see their unit; with `statistics.doctors` (chief,
 * MLU) every doctor's komplettering rate by name, otherwise only the user's own row; with
 * `statistics.region` (regional analyst) every unit of the region with counts under 5 suppressed.
 * No patient identity is part of an answer; each read is one audit event without a patient.
 */
import type { Context } from "hono";
import { grantFor } from "../access/actor.ts";
import { authorizeOnUnitAny } from "../access/authorize.ts";
import { recordAudit } from "../audit/audit.ts";
import { stockholmToday } from "../dates/today.ts";
import type { Tx } from "../db/client.ts";
import type { AppEnv } from "../server/env.ts";
import { errors } from "../server/errors.ts";
import { jsonResponse } from "../server/openapi.ts";
import { createRouter, noPatientData, patientRoute } from "../server/router.ts";
import { userNames } from "../worklist/store.ts";
import { renderStatisticsCsv, renderStatisticsXlsx } from "./export.ts";
import {
  statisticsExportQuery,
  statisticsQuery,
  statisticsResponse,
  type StatisticsDoctorScope,
  type StatisticsQuery,
  type StatisticsResponse,
} from "./schema.ts";
import type { UnitStatistics } from "./service.ts";
import { precomputedUnitStatistics } from "./snapshot.ts";
import { REGION_SUPPRESS } from "./suppression.ts";
import { unitRef, unitsOfRegionOf, type UnitRef } from "./store.ts";
import { answerTimesView, figuresView, furtherView } from "./view.ts";

type Ctx = Context<AppEnv>;

const route = patientRoute("Statistik", noPatientData);

const routes = {
  figures: route({
    method: "get",
    path: "/statistik",
    summary: "The unit's (or the region's) sick-leave figures for a period and the same period last year",
    request: { query: statisticsQuery },
    responses: { 200: jsonResponse(statisticsResponse, "The figures") },
  }),
  export: route({
    method: "get",
    path: "/statistik/export",
    summary: "The same figures as CSV or XLSX",
    request: { query: statisticsExportQuery },
    responses: {
      200: {
        description: "The file",
        content: {
          "text/csv": { schema: { type: "string" } },
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
            schema: { type: "string", format: "binary" },
          },
        },
      },
    },
  }),
};

/** The scope asked for (default: the unit when the user may see it, else the region). */
function authorizeStatistics(c: Ctx, asked: StatisticsQuery["scope"]) {
  const order =
    asked === "region"
      ? (["statistics.region"] as const)
      : asked === "unit"
        ? (["statistics.unit"] as const)
        : (["statistics.unit", "statistics.region"] as const);
  const auth = authorizeOnUnitAny(c, order);
  const region = auth.capability === "statistics.region";
  const doctors: StatisticsDoctorScope = region
    ? "NONE"
    : grantFor(auth.actor, "statistics.doctors")
      ? "ALL"
      : "OWN";
  return { ...auth, scope: region ? ("REGION" as const) : ("UNIT" as const), doctors };
}

type Auth = ReturnType<typeof authorizeStatistics>;

async function unitsInScope(tx: Tx, auth: Auth): Promise<UnitRef[]> {
  if (auth.scope === "REGION") return unitsOfRegionOf(tx, auth.unitId);
  const own = await unitRef(tx, auth.unitId);
  if (!own) throw errors.notFound();
  return [own];
}

async function doctorNamesOf(tx: Tx, computed: UnitStatistics[], auth: Auth) {
  if (auth.doctors === "NONE") return new Map<string, string>();
  const ids = new Set<string>();
  for (const { current, lastYear, further, answerTimes } of computed) {
    const rows = [
      ...current.kompletteringar.byDoctor,
      ...lastYear.kompletteringar.byDoctor,
      ...further.ongoingByDoctor,
      ...answerTimes.current.byDoctor,
      ...answerTimes.lastYear.byDoctor,
    ];
    for (const row of rows) {
      if (auth.doctors === "ALL" || row.doctor === auth.actor.userId) ids.add(row.doctor);
    }
  }
  return userNames(tx, [...ids]);
}

/** Computes the answer and writes its audit event in one transaction (no answer without the event). */
async function loadStatistics(c: Ctx, auth: Auth, query: StatisticsQuery, exportFormat?: string) {
  const today = stockholmToday(c.var.deps.now());
  const suppress = auth.scope === "REGION" ? REGION_SUPPRESS : 0;
  return c.var.deps.database.db.transaction(async (tx): Promise<StatisticsResponse> => {
    const units = await unitsInScope(tx, auth);
    const computed: UnitStatistics[] = [];
    for (const unit of units) {
      computed.push(
        await precomputedUnitStatistics(tx, unit.id, {
          today,
          ...query,
          suppress,
          icd10: c.var.deps.reference.icd10,
        }),
      );
    }
    const doctorNames = await doctorNamesOf(tx, computed, auth);
    const doctorContext = { doctors: auth.doctors, userId: auth.actor.userId, doctorNames };
    const view = (answer: UnitStatistics["current"], range: UnitStatistics["range"]) =>
      figuresView(answer, { ...doctorContext, range, acrossRows: suppress > 0 });
    await recordAudit(tx, { actor: auth.actor, grant: auth.grant, unitId: auth.unitId }, [
      {
        action: exportFormat ? "EXPORT" : "STATISTICS",
        purpose: "Statistik",
        entity: "statistics",
        details: {
          scope: auth.scope,
          doctors: auth.doctors,
          units: units.length,
          from: computed[0]?.range.from ?? query.from ?? null,
          to: computed[0]?.range.to ?? query.to ?? null,
          by: query.by,
          ...(exportFormat ? { format: exportFormat } : {}),
        },
      },
    ]);
    return {
      scope: auth.scope,
      doctors: auth.doctors,
      by: query.by,
      suppress,
      units: units.map((unit, index) => ({
        unit,
        current: view(computed[index]!.current, computed[index]!.range),
        lastYear: view(computed[index]!.lastYear, computed[index]!.lastYearRange),
        further: furtherView(computed[index]!.further, suppress, doctorContext),
        answerTimes: {
          current: answerTimesView(computed[index]!.answerTimes.current, suppress, doctorContext),
          lastYear: answerTimesView(computed[index]!.answerTimes.lastYear, suppress, doctorContext),
        },
      })),
    };
  });
}

const contentTypes = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

export function statisticsRoutes() {
  const router = createRouter();

  router.openapi(routes.figures, async (c) => {
    const query = c.req.valid("query");
    const auth = authorizeStatistics(c, query.scope);
    return c.json(await loadStatistics(c, auth, query), 200);
  });

  router.openapi(routes.export, async (c) => {
    const { format, ...query } = c.req.valid("query");
    const auth = authorizeStatistics(c, query.scope);
    const answer = await loadStatistics(c, auth, query, format);
    const today = answer.units[0]?.current.today ?? stockholmToday(c.var.deps.now());
    const file =
      format === "csv"
        ? new TextEncoder().encode(renderStatisticsCsv(answer))
        : new Uint8Array(await renderStatisticsXlsx(answer));
    return c.body(file, 200, {
      "content-type": contentTypes[format],
      "content-disposition": `attachment; filename="statistik-${today}.${format}"`,
      "cache-control": "no-store",
    });
  });

  return router;
}
