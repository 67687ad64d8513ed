/**
 * Import of certificates written in another system (CSV or JSON), into the active unit, in short
 * transactions of a few hundred certificates (see ./store.ts), so other requests are not held.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { authorizeOnUnit } from "../access/authorize.ts";
import { ApiError, errors } from "../server/errors.ts";
import { loggableError } from "../server/loggable-error.ts";
import { errorResponses, jsonResponse } from "../server/openapi.ts";
import { createRouter, patientData } from "../server/router.ts";
import { ImportFormatError, parseCsvImport, parseJsonImport } from "./format.ts";
import { importReportSchema } from "./schema.ts";
import { ImportInterruptedError, importCertificates } from "./store.ts";

const importRoute = createRoute({
  method: "post",
  path: "/import/certificates",
  tags: ["Import"],
  summary: "Import certificates (the sjukfall certificate format as JSON, or CSV one line per period)",
  ...patientData,
  request: {
    body: {
      // Not `required`: the library would then validate a CSV body as JSON. The handler parses
      // both kinds itself and answers 400 for an empty or malformed file.
      required: false,
      content: {
        "application/json": { schema: z.array(z.unknown()) },
        "text/csv": { schema: z.string() },
      },
    },
  },
  responses: {
    200: jsonResponse(importReportSchema, "What was imported and why rows were rejected"),
    ...errorResponses,
  },
});

export function importRoutes() {
  return createRouter().openapi(importRoute, async (c) => {
    const { actor, grant, unitId } = authorizeOnUnit(c, "certificate.import");
    const contentType = c.req.header("content-type") ?? "";
    const text = await c.req.text();
    let parsed;
    try {
      parsed = contentType.includes("csv") ? parseCsvImport(text) : parseJsonImport(text);
    } catch (error) {
      if (error instanceof ImportFormatError) throw errors.badRequest(error.message);
      throw error;
    }
    const { reference, database } = c.var.deps;
    try {
      const report = await importCertificates(
        database.db,
        { actor, grant, unitId, diagnosisTitle: (code) => reference.diagnosisTitle(code) },
        parsed,
      );
      return c.json(report, 200);
    } catch (error) {
      if (!(error instanceof ImportInterruptedError)) throw error;
      c.var.deps.logger.error({ err: loggableError(error.cause) }, "certificate import interrupted");
      // The committed chunks stay; the same file again resumes (their rows come back unchanged).
      throw new ApiError(
        503,
        "IMPORT_INTERRUPTED",
        `Importen avbröts efter ${error.progress.done} av ${error.progress.total} intyg. Importera samma fil igen för att fortsätta.`,
        { extra: { done: error.progress.done, total: error.progress.total } },
      );
    } finally {
      // Imported certificates (also the chunks committed before an interruption) may start or
      // lengthen cases: their tasks now, not at the next hourly run.
      c.var.deps.taskJob?.kick(unitId);
    }
  });
}
