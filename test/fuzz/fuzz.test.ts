/**
 * The fuzz, a bounded count per database (the ≥ 10,000-request run is bench/fuzz/run.ts): hostile
 * variants of every operation in the OpenAPI document answer 4xx in Swedish, never 5xx, and a
 * refused request writes nothing.
 */
import fc from "fast-check";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { createTestApp, type TestApp } from "../app.ts";
import { openTestDatabase, testDatabaseKinds } from "../databases.ts";
import { hostileRequests, type FuzzWorld } from "./hostile.ts";
import { exercise } from "./run.ts";
import { databaseChecksum, createFuzzWorld } from "./world.ts";

const runs = Number(process.env.SAMSYN_FUZZ_RUNS ?? 300);

describe.each(testDatabaseKinds())("hostile input on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let world: FuzzWorld;
  const serverErrors: string[] = [];

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    // The server's own account of a 5xx goes into the failure message.
    testApp = createTestApp(database, {
      logger: pino({ level: "error" }, { write: (line) => serverErrors.push(line) }),
    });
    world = await createFuzzWorld(testApp);
  }, 180_000);
  afterAll(() => database?.close());

  it("covers every operation of the OpenAPI document", () => {
    expect(world.operations.length).toBeGreaterThan(60);
  });

  it(`answers ${runs} hostile requests with 4xx or success, never 5xx, and refusals write nothing`, async () => {
    let checksum = await databaseChecksum(database);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(hostileRequests(world), async (request) => {
        const outcome = await exercise(testApp, request, checksum);
        checksum = outcome.after;
        statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
        expect(
          outcome.problems.map((p) => (outcome.status >= 500 ? `${p}\n${serverErrors.at(-1)}` : p)),
        ).toEqual([]);
      }),
      { numRuns: runs, endOnFailure: true },
    );
    // Most variants are refusals: a run that only got 401s or 404s would prove nothing.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(runs / 4);
    // Generous for a busy shared machine; unloaded, 300 requests take a few seconds.
  }, 600_000);
});
