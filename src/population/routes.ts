/**
 * Import of the listed population (CSV from the region's listing system, ./format.ts) for the
 * active unit. The whole file or nothing: a bad row answers 400 naming its row and column, a row
 * for another unit 403 (by id or HSA-id, whether that unit exists or not), and nothing changes.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { authorizeOnUnit } from "../access/authorize.ts";
import { stockholmToday } from "../dates/today.ts";
import { ApiError, errors } from "../server/errors.ts";
import { errorResponses, jsonResponse } from "../server/openapi.ts";
import { createRouter, noPatientData } from "../server/router.ts";
import { issueText, parsePopulationCsv, PopulationFormatError, type PopulationRow } from "./format.ts";
import { monthOf } from "./rules.ts";
import { populationImportReportSchema } from "./schema.ts";
import { importListedPopulation, unitsByName } from "./store.ts";

const importRoute = createRoute({
  method: "post",
  path: "/import/listning",
  tags: ["Import"],
  summary:
    "Import the unit's listed population per month, sex and age band (CSV enhet;månad;kön;åldersgrupp;antal)",
  ...noPatientData,
  request: {
    body: {
      // Not `required`: the handler reads the raw text and answers 400 for an empty file itself.
      required: false,
      content: { "text/csv": { schema: z.string() } },
    },
  },
  responses: {
    200: jsonResponse(populationImportReportSchema, "What each month of the file became"),
    ...errorResponses,
  },
});

const purpose = "Import av listade patienter (listningsunderlag)";

function parse(text: string, today: string): PopulationRow[] {
  try {
    return parsePopulationCsv(text, { currentMonth: monthOf(today) });
  } catch (error) {
    if (!(error instanceof PopulationFormatError)) throw error;
    throw errors.badRequest(
      error.message,
      error.issues.map((issue) => ({
        path: [issue.row === null ? null : `rad ${issue.row}`, issue.column].filter(Boolean).join(", "),
        message: issueText(issue),
      })),
    );
  }
}

function otherUnit(row: PopulationRow): ApiError {
  return new ApiError(
    403,
    "FORBIDDEN",
    `Filen lästes inte in, inget har ändrats. Rad ${row.row}, kolumn enhet: du kan bara läsa in listning för enheten du arbetar på.`,
  );
}

export function populationRoutes() {
  return createRouter().openapi(importRoute, async (c) => {
    const { actor, grant, unitId } = authorizeOnUnit(c, "population.import");
    const { database, now } = c.var.deps;
    const rows = parse(await c.req.text(), stockholmToday(now()));
    const units = await unitsByName(
      database.db,
      rows.map((r) => r.unit),
    );
    const foreign = rows.find((r) => units.get(r.unit) !== unitId);
    if (foreign) throw otherUnit(foreign);
    const report = await importListedPopulation(
      database.db,
      { actor, grant, purpose },
      rows.map((r) => ({ ...r, unitId })),
    );
    return c.json(report, 200);
  });
}
