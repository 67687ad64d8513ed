/** Loading the demo region into real databases: complete, usable accounts, and never twice. */
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { verifyPassword } from "../auth/password.ts";
import { rowsOf, type Database } from "../db/client.ts";
import { appUser } from "../db/schema.ts";
import { DemoRefusedError, demoPassword, loadDemoIfEmpty, runDemo } from "./load.ts";

const today = "2026-11-23";

async function count(database: Database, table: string): Promise<number> {
  const [row] = rowsOf<{ n: string }>(
    await database.db.execute(sql.raw(`SELECT count(*) AS n FROM ${table}`)),
  );
  return Number(row!.n);
}

describe.each(testDatabaseKinds())("demo loader on %s", (kind) => {
  let database: Database | null = null;
  afterEach(async () => {
    await database?.close();
    database = null;
  });

  it("loads the demo region into an empty database once, with accounts that can log in", async () => {
    database = await openTestDatabase(kind);
    const started = performance.now();
    const result = await loadDemoIfEmpty(database, { today });
    const seconds = (performance.now() - started) / 1000;
    console.warn(`demo region on ${kind}: ${seconds.toFixed(1)} s`);

    expect(result.created).toBe(true);
    expect(result.password).toBe("samsyn-demo");
    expect(result.users).toHaveLength(35);
    expect(result.users).toContainEqual({
      username: "rehab1",
      role: "Rehabkoordinator",
      unit: "Hälsocentralen Norrskenet",
    });
    expect(result.users).toContainEqual({
      username: "admin",
      role: "Systemadministratör",
      unit: "Alla enheter",
    });

    expect(await count(database, "region")).toBe(1);
    expect(await count(database, "unit")).toBe(3);
    expect(await count(database, "app_user")).toBe(35);
    expect(await count(database, "assignment")).toBe(33 + 2 * 3);
    expect(await count(database, "patient")).toBe(9_000);
    // Every unit's listed population, per month of the last two years, sex and age band.
    expect(await count(database, "listed_population")).toBe(3 * 24 * 2 * 9);
    const certificates = await count(database, "certificate");
    expect(certificates).toBeGreaterThan(10_000);
    expect(certificates).toBeLessThan(20_000);
    expect(await count(database, "fk_arende")).toBeGreaterThan(certificates * 0.05);
    expect(await count(database, "fk_arende_event")).toBeGreaterThan(0);

    // The stored columns agree with the FK 7804 content they are derived from.
    const [mismatch] = rowsOf<{ n: string }>(
      await database.db.execute(sql`
        SELECT count(*) AS n FROM certificate c
        WHERE c.start_date <> (SELECT min((p->>'from')::date) FROM jsonb_array_elements(c.content->'perioder') p)
           OR c.end_date <> (SELECT max((p->>'tom')::date) FROM jsonb_array_elements(c.content->'perioder') p)
           OR c.main_diagnosis <> c.content->'diagnoser'->0->>'kod'`),
    );
    expect(Number(mismatch!.n)).toBe(0);

    for (const username of ["lakare1a", "rehab2", "admin"]) {
      const [user] = await database.db
        .select({ hash: appUser.passwordHash })
        .from(appUser)
        .where(sql`${appUser.username} = ${username}`);
      expect(await verifyPassword(demoPassword, user!.hash!)).toBe(true);
      expect(await verifyPassword("fel-lösenord", user!.hash!)).toBe(false);
    }

    const again = await loadDemoIfEmpty(database, { today });
    expect(again).toEqual({ created: false, password: demoPassword, users: [] });
    expect(await count(database, "certificate")).toBe(certificates);
    await expect(runDemo(database, { today, certificates: 10 })).rejects.toThrow(DemoRefusedError);
  }, 120_000);

  it("scales to exactly the asked number of certificates, each on its patient's unit", async () => {
    database = await openTestDatabase(kind);
    const result = await runDemo(database, { today, seed: "scaled", certificates: 2_500, batchSize: 500 });
    expect(result.counts.certificate).toBe(2_500);
    expect(await count(database, "certificate")).toBe(2_500);
    expect(await count(database, "patient")).toBe(result.counts.patient);
    const [foreign] = rowsOf<{ n: string }>(
      await database.db.execute(sql`
        SELECT count(*) AS n FROM certificate c JOIN patient p ON p.id = c.patient_id
        WHERE p.unit_id <> c.unit_id`),
    );
    expect(Number(foreign!.n)).toBe(0);
  }, 120_000);
});
