/** Request and response schemas of the auth API: login methods, login, the session (Me), unit switch. */
import { z } from "@hono/zod-openapi";
import { capabilities, roleIds, type Role } from "../access/policy.ts";

export const authConfigSchema = z
  .object({
    mode: z.enum(["demo", "production"]),
    passwordLogin: z.boolean(),
    oidc: z.boolean(),
  })
  .openapi("AuthConfig");

const roleSchema = z.enum(roleIds as [Role, ...Role[]]);
const capabilitySchema = z.enum(Object.keys(capabilities) as [keyof typeof capabilities]);

export const meSchema = z
  .object({
    user: z.object({ id: z.string(), username: z.string(), displayName: z.string(), title: z.string() }),
    unit: z.object({ id: z.string(), name: z.string() }).nullable(),
    units: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        roles: z.array(z.object({ role: roleSchema, label: z.string() })),
      }),
    ),
    roles: z.array(roleSchema),
    capabilities: z.array(capabilitySchema),
    csrfToken: z.string(),
    authMode: z.enum(["demo", "production"]),
    /** The server's calendar day (Europe/Stockholm): the web app's "today" is the server's. */
    today: z.iso.date(),
    /** Minutes without a request after which the session ends (each request starts them again). */
    idleMinutes: z.number().int().positive(),
  })
  .openapi("Me");

export const loginBody = z
  .strictObject({
    username: z
      .string({ error: "Ange användarnamn." })
      .trim()
      .min(1, "Ange användarnamn.")
      .max(200, "För långt användarnamn."),
    password: z.string({ error: "Ange lösenord." }).min(1, "Ange lösenord.").max(1024, "För långt lösenord."),
  })
  .openapi("LoginRequest");

export const unitBody = z
  .strictObject({ unitId: z.string({ error: "Ange enhet." }).min(1, "Ange enhet.").max(64) })
  .openapi("UnitSwitchRequest");

export type AuthConfig = z.output<typeof authConfigSchema>;
export type Me = z.output<typeof meSchema>;
export type RoleRef = Me["units"][number]["roles"][number];
export type LoginRequest = z.input<typeof loginBody>;
