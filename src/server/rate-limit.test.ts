/** The per-session API rate limit, through the real app. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client.ts";
import { anonymousClient, clientFor, createTestApp, type TestApp } from "../../test/app.ts";
import { openTestDatabase } from "../../test/databases.ts";
import { buildUnit, buildUser } from "../../test/factories.ts";
import { loadConfig } from "./config.ts";

describe("API rate limit per session", () => {
  let database: Database;
  let testApp: TestApp;
  let userId: string;

  beforeAll(async () => {
    database = await openTestDatabase("pglite");
    const config = loadConfig({ SAMSYN_DATA_DIR: ".tmp/unused", SAMSYN_API_RATE_LIMIT: "5" });
    testApp = createTestApp(database, { config });
    const unit = await buildUnit(database.db);
    userId = (await buildUser(database.db, { roles: [["LAKARE", unit.id]] })).id;
  });
  afterAll(() => database.close());

  it("answers 429 with Retry-After and a Swedish message past the limit, for that session only", async () => {
    const greedy = await clientFor(testApp, userId);
    for (let i = 0; i < 5; i++) expect((await greedy.request("GET", "/api/policy")).status).toBe(200);
    const limited = await greedy.request("GET", "/api/policy");
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(12);
    expect(await limited.json()).toEqual({
      error: {
        code: "RATE_LIMITED",
        message: "För många anrop på kort tid. Vänta en stund och försök igen.",
        retryAfterSeconds: retryAfter,
      },
    });
    // Another session of the same user, and requests without a session, are not slowed.
    const other = await clientFor(testApp, userId);
    expect((await other.request("GET", "/api/policy")).status).toBe(200);
    expect((await anonymousClient(testApp).request("GET", "/api/health")).status).toBe(200);
  });

  it("is generous by default and can be turned off", () => {
    expect(loadConfig({}).apiRateLimitPerMinute).toBe(6000);
    expect(loadConfig({ SAMSYN_API_RATE_LIMIT: "0" }).apiRateLimitPerMinute).toBe(0);
    expect(() => loadConfig({ SAMSYN_API_RATE_LIMIT: "-1" })).toThrow(/SAMSYN_API_RATE_LIMIT/);
  });
});
