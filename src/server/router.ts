/**
 * Routers are OpenAPIHono instances: the zod schemas that validate each request also produce
 * the OpenAPI document. Validation failures answer 400 in the common error shape.
 */
import { OpenAPIHono, type Hook } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "./env.ts";
import { ApiError, errorBody } from "./errors.ts";

export function validationError(issues: { path: PropertyKey[]; message: string; code?: string }[]): ApiError {
  return new ApiError(400, "VALIDATION", "Uppgifterna är inte giltiga.", {
    issues: issues.map((issue) => ({
      path: issue.path.map(String).join("."),
      message: issue.code === "unrecognized_keys" ? `Okänt fält: ${issue.message}` : issue.message,
    })),
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
