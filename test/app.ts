/** The real HTTP app on a test database, and clients that act as a given user. */
import type { Database } from "../src/db/client.ts";
import { createApp } from "../src/app/app.ts";
import { loadConfig } from "../src/server/config.ts";
import type { AppDeps } from "../src/server/env.ts";
import { createLogger } from "../src/server/logger.ts";
import { clock } from "../src/dates/clock.ts";
import { createSession } from "../src/auth/session.ts";
import { sessionCookie } from "../src/auth/session.ts";
import { createCertificateChecker } from "../src/certificates/checker.ts";
import { loadReference } from "../src/reference/index.ts";

/** The shipped reference data, read once per test file. */
const reference = await loadReference();

export type TestApp = ReturnType<typeof createTestApp>;

export function createTestApp(database: Database, overrides: Partial<AppDeps> = {}) {
  const deps: AppDeps = {
    database,
    config: loadConfig({ SAMSYN_DATA_DIR: ".tmp/unused", LOG_LEVEL: "silent" }),
    logger: createLogger("silent"),
    now: clock().now,
    reference,
    certificateChecker: createCertificateChecker(reference),
    ...overrides,
  };
  const app = createApp(deps);
  return { app, deps };
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TestClient {
  request(method: string, path: string, options?: RequestOptions): Promise<Response>;
  json<T = unknown>(
    method: string,
    path: string,
    options?: RequestOptions,
  ): Promise<{ status: number; body: T }>;
}

/** A client logged in as the user (a real session row, cookie and CSRF token). */
export async function clientFor(testApp: TestApp, userId: string): Promise<TestClient> {
  const { token, csrfToken } = await createSession(testApp.deps.database.db, {
    userId,
    authMethod: "password",
    ttlMinutes: 60,
    now: testApp.deps.now(),
  });
  return client(testApp, { cookie: `${sessionCookie}=${token}`, "x-csrf-token": csrfToken });
}

export function anonymousClient(testApp: TestApp): TestClient {
  return client(testApp, {});
}

function client(testApp: TestApp, baseHeaders: Record<string, string>): TestClient {
  const request = (method: string, path: string, options: RequestOptions = {}) => {
    const headers: Record<string, string> = { ...baseHeaders, ...options.headers };
    let body: string | undefined;
    if (options.body !== undefined) {
      headers["content-type"] ??= "application/json";
      body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    }
    return Promise.resolve(
      testApp.app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) }),
    );
  };
  return {
    request,
    async json(method, path, options) {
      const res = await request(method, path, options);
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
  };
}
