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
          schema: z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]) }),
        },
      },
    },
  },
});

export function healthRoutes() {
  return createRouter().openapi(healthRoute, async (c) => {
    const { database } = c.var.deps;
    await database.db.execute(sql`select 1`);
    return c.json({ status: "ok" as const, database: database.kind }, 200);
  });
}
