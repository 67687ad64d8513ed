/** The listed-population import API: the request is a raw CSV file, the answer what each month became. */
import { z } from "@hono/zod-openapi";

export const populationImportReportSchema = z
  .object({
    created: z.number().int().openapi({ description: "Months imported for the first time" }),
    replaced: z.number().int().openapi({ description: "Months whose earlier figures were replaced" }),
    unchanged: z.number().int().openapi({ description: "Months imported before with the same figures" }),
    months: z.array(
      z.object({
        unitId: z.string(),
        month: z.string().openapi({ example: "2026-10" }),
        outcome: z.enum(["CREATED", "REPLACED", "UNCHANGED"]),
        women: z.number().int(),
        men: z.number().int(),
        total: z.number().int(),
      }),
    ),
  })
  .openapi("PopulationImportReport");

export type PopulationImportReportBody = z.output<typeof populationImportReportSchema>;
