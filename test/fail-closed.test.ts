/** If the audit write fails, no patient data leaves the server (PRODUCT §8: fail closed). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Database } from "../src/db/client.ts";
import { formatPersonnummer } from "../src/patients/identity.ts";
import { clientFor, createTestApp } from "./app.ts";
import { openTestDatabase, testDatabaseKinds } from "./databases.ts";
import { buildPatient, buildUnit, buildUser } from "./factories.ts";

describe.each(testDatabaseKinds())("fail closed on %s", (kind) => {
  let database: Database;
  beforeAll(async () => {
    // As the owner: the audit failure is injected with a trigger, which only an owner may create.
    database = await openTestDatabase(kind, { as: "owner" });
  });
  afterAll(() => database.close());

  it("returns no patient data when the audit log cannot be written", async () => {
    const testApp = createTestApp(database);
    const unit = await buildUnit(database.db);
    const user = await buildUser(database.db, { roles: [["REHABKOORDINATOR", unit.id]] });
    const patient = await buildPatient(database.db, unit.id, {
      givenName: "Hemlig",
      familyName: "Hemligsson",
    });
    const client = await clientFor(testApp, user.id);

    const ok = await client.request("GET", `/api/patients/${patient.id}`);
    expect(ok.status).toBe(200);

    await database.db.execute(sql`
      create function test_refuse_audit() returns trigger language plpgsql as
      $$ begin raise exception 'audit storage unavailable'; end $$`);
    await database.db.execute(sql`
      create trigger test_refuse_audit before insert on audit_event for each row execute function test_refuse_audit()`);
    try {
      for (const path of [`/api/patients/${patient.id}`, `/api/patients?q=Hemlig`]) {
        const res = await client.request("GET", path);
        const text = await res.text();
        expect(res.status).toBe(500);
        expect(text).not.toContain("Hemlig");
        expect(text).not.toContain(formatPersonnummer(patient.personnummer));
      }
      const update = await client.request("PATCH", `/api/patients/${patient.id}`, {
        body: { version: patient.version, givenName: "Ändrad" },
      });
      expect(update.status).toBe(500);
    } finally {
      await database.db.execute(sql`drop trigger test_refuse_audit on audit_event`);
    }
    // The failed write changed nothing.
    const after = await client.json<{ givenName: string }>("GET", `/api/patients/${patient.id}`);
    expect(after.body.givenName).toBe("Hemlig");
  });
});
