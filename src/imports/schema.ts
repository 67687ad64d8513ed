/** Response schema of the certificate import API (the request is a raw CSV or JSON file). */
import { z } from "@hono/zod-openapi";

export const importReportSchema = z
  .object({
    created: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    patientsCreated: z.number(),
    rejected: z.array(z.object({ row: z.number(), id: z.string().nullable(), reasons: z.array(z.string()) })),
  })
  .openapi("ImportReport");

export type ImportReport = z.output<typeof importReportSchema>;
