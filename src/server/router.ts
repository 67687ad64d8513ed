/**
 * Routers are OpenAPIHono instances: the zod schemas that validate each request also produce
 * the OpenAPI document. Validation failures answer 400 in the common error shape.
 */
import { createRoute, OpenAPIHono, type Hook } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Actor, ActorAssignment } from "../access/actor.ts";
import { authorizeOnUnit } from "../access/authorize.ts";
import type { Capability } from "../access/policy.ts";
import { stockholmToday } from "../dates/today.ts";
import type { Tx } from "../db/client.ts";
import type { AppDeps, AppEnv } from "./env.ts";
import { ApiError, errorBody } from "./errors.ts";
import { errorResponses } from "./openapi.ts";
import { installSwedishMessages } from "./validation-messages.ts";

installSwedishMessages();

/** A failed validation: 400 naming the fields, each issue with its Swedish message. */
export function validationError(issues: { path: PropertyKey[]; message: string }[]): ApiError {
  const paths = [...new Set(issues.map((issue) => issue.path.map(String).join(".")))];
  const named = paths.filter(Boolean);
  const fields = named.length > 0 ? ` Kontrollera: ${named.slice(0, 5).join(", ")}.` : "";
  return new ApiError(400, "VALIDATION", `Uppgifterna är inte giltiga.${fields}`, {
    issues: issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
  });
}

// The hook's type is generic over each route's input; this one only reads the failure.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Hook's generics vary per route
const defaultHook: Hook<any, AppEnv, any, any> = (result, c: Context<AppEnv>) => {
  if (!result.success) {
    return c.json(errorBody(validationError(result.error.issues)), 400);
  }
};

export function createRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook });
}

/** Every operation declares whether it touches patient data; the route inventory test reads it. */
export const patientData = { "x-patient-data": true } as const;
export const noPatientData = { "x-patient-data": false } as const;

/**
 * A route factory for one OpenAPI tag: every route carries the patient-data marker (patient data
 * unless told otherwise) and the common error responses.
 */
export const patientRoute =
  (tag: string, marker: typeof patientData | typeof noPatientData = patientData) =>
  <R extends Parameters<typeof createRoute>[0]>(r: R) =>
    createRoute({ ...r, ...marker, tags: [tag], responses: { ...r.responses, ...errorResponses } });

/** What a command on the active unit works with: one transaction, the actor and one clock reading. */
export interface UnitCommandContext {
  tx: Tx;
  actor: Actor;
  grant: ActorAssignment;
  unitId: string;
  now: Date;
  today: string;
  checker: AppDeps["certificateChecker"];
}

/** Runs `fn` in a transaction for an actor holding `capability` on the active unit (else 401/403). */
export async function onUnit<T>(
  c: Context<AppEnv>,
  capability: Capability,
  fn: (ctx: UnitCommandContext) => Promise<T>,
): Promise<T> {
  const { actor, grant, unitId } = authorizeOnUnit(c, capability);
  const { database, now, certificateChecker } = c.var.deps;
  const at = now();
  return database.db.transaction((tx) =>
    fn({ tx, actor, grant, unitId, now: at, today: stockholmToday(at), checker: certificateChecker }),
  );
}
