/** Shared OpenAPI pieces: the error shape every route may answer with. */
import { z } from "@hono/zod-openapi";

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      current: z.unknown().optional(),
    }),
  })
  .openapi("Error");

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: errorSchema } },
});

export const errorResponses = {
  400: errorResponse("Bad input; nothing was changed"),
  401: errorResponse("Not logged in"),
  403: errorResponse("Not allowed"),
  404: errorResponse("Not found (also: belongs to another unit)"),
  409: errorResponse("Stale version; `current` holds what is saved now"),
} as const;

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: { "application/json": { schema } },
  required: true,
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
