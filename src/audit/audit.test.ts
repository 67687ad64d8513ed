import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildUnit } from "../../test/factories.ts";
import { recordAudit } from "./audit.ts";
import { verifyAuditLog } from "./verify.ts";

describe.each(testDatabaseKinds())("audit log on %s", (kind) => {
  let database: Database;
  let unitA: string;
  let unitB: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    unitA = (await buildUnit(database.db)).id;
    unitB = (await buildUnit(database.db)).id;
    for (const unitId of [unitA, unitB, null, unitA]) {
      await recordAudit(database.db, { actor: null, grant: null, unitId }, [
        { action: "READ", purpose: "Test", details: { n: 1 } },
        { action: "READ_LIST", purpose: "Test" },
      ]);
    }
  });
  afterAll(() => database.close());

  it("keeps one verified hash chain per unit", async () => {
    const result = await verifyAuditLog(database.db);
    expect(result).toMatchObject({ ok: true, events: 8, chains: 3, problems: [] });
  });

  it("refuses UPDATE, DELETE and TRUNCATE", async () => {
    await expect(database.db.execute(sql`update audit_event set purpose = 'x'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_event`)).rejects.toThrow();
    await expect(database.db.execute(sql`truncate audit_event`)).rejects.toThrow();
    expect((await verifyAuditLog(database.db)).events).toBe(8);
  });

  it("detects an edited row, a deleted row and a deleted last row", async () => {
    // Only someone bypassing the triggers (a superuser) can change the table.
    await database.db.execute(sql`alter table audit_event disable trigger audit_event_append_only`);
    try {
      await database.db.execute(
        sql`update audit_event set purpose = 'Ändrad i efterhand' where chain = ${unitA} and chain_pos = 2`,
      );
      const edited = await verifyAuditLog(database.db);
      expect(edited.ok).toBe(false);
      expect(edited.problems).toContainEqual(
        expect.objectContaining({ chain: unitA, position: 2, problem: "HASH_MISMATCH" }),
      );

      await database.db.execute(sql`delete from audit_event where chain = ${unitB} and chain_pos = 1`);
      const deleted = await verifyAuditLog(database.db);
      expect(deleted.problems).toContainEqual(
        expect.objectContaining({ chain: unitB, problem: "BROKEN_LINK" }),
      );

      await database.db.execute(sql`delete from audit_event where chain = '-' and chain_pos = 2`);
      const tail = await verifyAuditLog(database.db);
      expect(tail.problems).toContainEqual(expect.objectContaining({ chain: "-", problem: "HEAD_MISMATCH" }));
    } finally {
      await database.db.execute(sql`alter table audit_event enable trigger audit_event_append_only`);
    }
  });
});
