/**
 * The HTTP application: API under /api (OpenAPI at /api/docs), the built web app at /.
 * Built from explicit dependencies so tests run the real app against a test database.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { routePath } from "hono/route";
import { secureHeaders } from "hono/secure-headers";
import { authenticate, requireActor } from "../auth/middleware.ts";
import { authRoutes } from "../auth/routes.ts";
import { auditRoutes } from "../audit/routes.ts";
import { arendeRoutes } from "../arenden/routes.ts";
import { arendeImportRoutes } from "../arenden/import-routes.ts";
import { caseRoutes } from "../cases/routes.ts";
import { coordinationRoutes } from "../coordination/routes.ts";
import { taskRoutes } from "../tasks/routes.ts";
import { handoverRoutes } from "../handover/routes.ts";
import { rehabPlanRoutes } from "../rehabplan/routes.ts";
import { patientInfoRoutes } from "../rehabplan/print-routes.ts";
import { reviewRoutes } from "../review/routes.ts";
import { worklistRoutes } from "../worklist/routes.ts";
import { certificateRoutes } from "../certificates/routes.ts";
import { importRoutes } from "../imports/routes.ts";
import { populationRoutes } from "../population/routes.ts";
import { orgRoutes } from "../org/routes.ts";
import { patientRoutes } from "../patients/routes.ts";
import { referenceRoutes } from "../reference/routes.ts";
import { statisticsRoutes } from "../statistics/routes.ts";
import { annualReportRoutes } from "../annual-report/routes.ts";
import { underlagRoutes } from "../underlag/routes.ts";
import { traceabilityRoutes } from "../traceability/routes.ts";
import { teamRoutes } from "../team/routes.ts";
import { routineRoutes } from "../routines/routes.ts";
import { introductionRoutes } from "../introduction/routes.ts";
import { deviationRoutes } from "../deviations/routes.ts";
import type { AppDeps, AppEnv } from "../server/env.ts";
import { inputErrorFromDatabase } from "../server/database-errors.ts";
import { ApiError, errorBody } from "../server/errors.ts";
import { healthRoutes } from "../server/health.ts";
import { createApiRateLimit } from "../server/rate-limit.ts";
import { inputGuard } from "../server/input-guard.ts";
import { loggableError } from "../server/loggable-error.ts";
import { deliveryHeaders, serveWebApp } from "../server/web-delivery.ts";

export const maxBodyBytes = 1024 * 1024;

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();

  app.use(async (c, next) => {
    c.set("deps", deps);
    const started = performance.now();
    await next();
    // The route pattern, never the URL: URLs may carry search terms.
    deps.logger.info(
      {
        method: c.req.method,
        route: routePath(c),
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      "request",
    );
  });
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: "no-referrer",
    }),
  );
  app.use(deliveryHeaders);
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        throw new ApiError(413, "BODY_TOO_LARGE", `Begäran är för stor (högst ${maxBodyBytes / 1024} kB).`);
      },
    }),
  );
  app.use("/api/*", inputGuard);
  app.use("/api/*", authenticate);
  app.use("/api/*", createApiRateLimit());
  // Everything but these answers 401 before it even validates input.
  app.use("/api/*", async (c, next) => {
    const publicPath =
      c.req.path === "/api/health" || c.req.path === "/api/docs" || c.req.path.startsWith("/api/auth/");
    if (!publicPath) requireActor(c);
    await next();
  });

  app.route("/api", healthRoutes());
  app.route("/api/auth", authRoutes());
  app.route("/api", orgRoutes());
  app.route("/api/patients", patientRoutes());
  app.route("/api/audit", auditRoutes());
  app.route("/api", certificateRoutes());
  app.route("/api", arendeRoutes());
  app.route("/api", caseRoutes());
  app.route("/api", coordinationRoutes());
  app.route("/api", worklistRoutes());
  app.route("/api", taskRoutes());
  app.route("/api", reviewRoutes());
  app.route("/api", handoverRoutes());
  app.route("/api", rehabPlanRoutes());
  app.route("/api", patientInfoRoutes());
  app.route("/api", importRoutes());
  app.route("/api", arendeImportRoutes());
  app.route("/api", populationRoutes());
  app.route("/api", statisticsRoutes());
  app.route("/api", annualReportRoutes());
  app.route("/api", underlagRoutes());
  app.route("/api", traceabilityRoutes());
  app.route("/api", teamRoutes());
  app.route("/api", routineRoutes());
  app.route("/api", introductionRoutes());
  app.route("/api", deviationRoutes());
  app.route("/api/reference", referenceRoutes());

  app.doc31("/api/docs", {
    openapi: "3.1.0",
    info: { title: "Samsyn API", version: "1" },
  });

  app.all("/api/*", () => {
    throw new ApiError(404, "NOT_FOUND", "Det finns ingen sådan adress i API:t.");
  });
  serveWebApp(app);

  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(errorBody(error), error.status);
    const inputError = inputErrorFromDatabase(error);
    if (inputError) return c.json(errorBody(inputError), inputError.status);
    if (error instanceof HTTPException && error.status < 500) {
      // Hono's own 4xx: most often a body that is not JSON.
      const message = error.status === 400 ? "Begäran är inte giltig JSON." : "Begäran kunde inte tolkas.";
      return c.json(errorBody(new ApiError(400, "BAD_REQUEST", message)), 400);
    }
    deps.logger.error({ err: loggableError(error) }, "unhandled error");
    return c.json(errorBody(new ApiError(500, "INTERNAL", "Ett internt fel inträffade. Försök igen.")), 500);
  });

  return app;
}
