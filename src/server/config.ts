/** Configuration from the environment, validated once at start with clear messages. */
import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";
import { ClockError, parseClockStart } from "../dates/clock.ts";

const splitList = (value: string) =>
  value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");

/** 10.0.0.5, ::1, 10.0.0.0/8 or fd00::/8. */
function isAddressOrRange(value: string): boolean {
  const [address = "", prefix, ...rest] = value.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (version === 4 ? 32 : 128);
}

const portSchema = z.coerce.number().int().min(1).max(65535);

const configSchema = z
  .object({
    PORT: portSchema.default(3000),
    HOST: z.string().min(1).default("127.0.0.1"),
    SAMSYN_DATA_DIR: z.string().min(1).default("./data"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
    /** The owner of the tables on PostgreSQL: migrations run as it, the server as DATABASE_URL's role. */
    DATABASE_OWNER_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
    /** The audit HMAC key file (outside the database); demo mode creates it when missing. */
    SAMSYN_AUDIT_KEY_FILE: z.string().min(1).optional(),
    /** The append-only file of MACed audit chain heads. */
    SAMSYN_AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
    /** How often the sealer seals new audit events (seconds): the unsealed window. */
    SAMSYN_AUDIT_SEAL_SECONDS: z.coerce.number().min(0.1).max(300).default(2),
    /** At most this long between two lines of the checkpoint file (seconds): the tail-cut window. */
    SAMSYN_AUDIT_CHECKPOINT_SECONDS: z.coerce.number().min(0).max(3600).default(60),
    /** The address users reach Samsyn at; https makes session cookies Secure. */
    SAMSYN_PUBLIC_URL: z.url().optional(),
    /** demo: local password login (embedded/demo use). production: OIDC only. */
    SAMSYN_AUTH_MODE: z.enum(["demo", "production"]).default("demo"),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** The token claim that holds the user's HSA-id. */
    OIDC_USER_CLAIM: z.string().min(1).default("sub"),
    OIDC_SCOPE: z.string().min(1).default("openid profile"),
    SESSION_TTL_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(8 * 60),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    SAMSYN_DEMO: z.enum(["auto", "off"]).default("auto"),
    /** Moves the clock (tests, demos): read by src/dates/clock.ts, validated here. */
    SAMSYN_NOW: z.string().min(1).optional(),
    /** Reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges, comma separated). */
    SAMSYN_TRUSTED_PROXIES: z
      .string()
      .default("")
      .refine(
        (v) => splitList(v).every(isAddressOrRange),
        "must be IP addresses or CIDR ranges, comma separated",
      ),
    /** API requests per minute per session before 429 (0: no limit). */
    SAMSYN_API_RATE_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(6000),
  })
  .superRefine((env, ctx) => {
    if (env.SAMSYN_NOW !== undefined) {
      if (env.SAMSYN_AUTH_MODE === "production") {
        // Deadlines, checkpoints and audit times must follow the real calendar in care.
        ctx.addIssue({ code: "custom", path: ["SAMSYN_NOW"], message: "is not allowed in production mode" });
      } else if (!validClockStart(env.SAMSYN_NOW)) {
        ctx.addIssue({
          code: "custom",
          path: ["SAMSYN_NOW"],
          message: "must be an ISO date (2027-12-31) or instant (2027-03-28T01:30:00+01:00)",
        });
      }
    }
    if (env.SAMSYN_AUTH_MODE === "production") {
      for (const key of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "SAMSYN_PUBLIC_URL"] as const) {
        if (!env[key])
          ctx.addIssue({ code: "custom", path: [key], message: "is required in production mode" });
      }
    }
  });

function validClockStart(value: string): boolean {
  try {
    parseClockStart(value);
    return true;
  } catch (error) {
    if (error instanceof ClockError) return false;
    throw error;
  }
}

export type Config = ReturnType<typeof toConfig>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return toConfig(parsed.data);
}

function toConfig(env: z.infer<typeof configSchema>) {
  const publicUrl = env.SAMSYN_PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  const dataDir = path.resolve(env.SAMSYN_DATA_DIR);
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir,
    databaseUrl: env.DATABASE_URL ?? null,
    /** Migrations (and the application role's grants) run with this one; null: DATABASE_URL's role. */
    databaseOwnerUrl: env.DATABASE_OWNER_URL ?? null,
    audit: {
      keyFile: path.resolve(env.SAMSYN_AUDIT_KEY_FILE ?? path.join(dataDir, "audit", "audit.key")),
      checkpointFile: path.resolve(
        env.SAMSYN_AUDIT_CHECKPOINT_FILE ?? path.join(dataDir, "audit", "checkpoints.jsonl"),
      ),
      sealIntervalMs: Math.round(env.SAMSYN_AUDIT_SEAL_SECONDS * 1000),
      checkpointMs: Math.round(env.SAMSYN_AUDIT_CHECKPOINT_SECONDS * 1000),
      /** `audit verify` reports events left unsealed longer than this. */
      maxUnsealedSeconds: Math.max(300, env.SAMSYN_AUDIT_SEAL_SECONDS * 10),
      /** Production never invents a key: a lost key must be noticed, not replaced. */
      createKey: env.SAMSYN_AUTH_MODE !== "production",
    },
    publicUrl,
    secureCookies: publicUrl.startsWith("https://"),
    authMode: env.SAMSYN_AUTH_MODE,
    oidc:
      env.OIDC_ISSUER && env.OIDC_CLIENT_ID
        ? {
            issuer: env.OIDC_ISSUER,
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET ?? null,
            userClaim: env.OIDC_USER_CLAIM,
            scope: env.OIDC_SCOPE,
          }
        : null,
    sessionTtlMinutes: env.SESSION_TTL_MINUTES,
    logLevel: env.LOG_LEVEL,
    demo: env.SAMSYN_DEMO,
    trustedProxies: splitList(env.SAMSYN_TRUSTED_PROXIES),
    apiRateLimitPerMinute: env.SAMSYN_API_RATE_LIMIT,
  };
}
