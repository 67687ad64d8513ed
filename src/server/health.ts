import { createRoute, z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { createRouter, noPatientData } from "./router.ts";

const healthRoute = createRoute({
  method: "get",
  path: "/health",
  tags: ["System"],
  summary: "Liveness and database reachability",
  ...noPatientData,
  responses: {
    200: {
      description: "Healthy",
      content: {
        "application/json": {
          schema: z.object({
            status: z.literal("ok"),
            database: z.enum(["pglite", "postgres"]),
            audit: z
              .object({
                sealedThrough: z.string().nullable(),
                windowSeconds: z.number().nullable(),
                intervalSeconds: z.number(),
                healthy: z.boolean(),
              })
              .optional()
              .openapi({ description: "The audit sealer: events older than sealedThrough are sealed" }),
          }),
        },
      },
    },
  },
});

export function healthRoutes() {
  return createRouter().openapi(healthRoute, async (c) => {
    const { database, auditSealer } = c.var.deps;
    await database.db.execute(sql`select 1`);
    const audit = auditSealer ? { audit: auditSealer.status() } : {};
    return c.json({ status: "ok" as const, database: database.kind, ...audit }, 200);
  });
}
