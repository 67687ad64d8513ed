import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "../db/client.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { testSealing, type TestSealing } from "../../test/audit-sealing.ts";
import { buildUnit } from "../../test/factories.ts";
import { recordAudit } from "./audit.ts";
import { sealAndCheckpoint } from "./sealer.ts";
import { clock } from "../dates/clock.ts";
import { verifyAuditLog } from "./verify.ts";

describe.each(testDatabaseKinds())("audit log on %s", (kind) => {
  let database: Database;
  let sealing: TestSealing;
  let unitA: string;
  let unitB: string;

  const seqAt = async (chain: string, position: number) =>
    Number(
      rowsOf<{ seq: string }>(
        await database.db.execute(
          sql`SELECT seq FROM audit_seal WHERE chain = ${chain} AND chain_pos = ${position}`,
        ),
      )[0]!.seq,
    );

  beforeAll(async () => {
    // As the owner: the triggers must hold even for them, and the tamper tests play an attacker
    // with the owner's rights (the application role's own limits: src/db/roles.test.ts).
    database = await openTestDatabase(kind, { as: "owner" });
    sealing = testSealing();
    unitA = (await buildUnit(database.db)).id;
    unitB = (await buildUnit(database.db)).id;
    for (const unitId of [unitA, unitB, null, unitA]) {
      await recordAudit(database.db, { actor: null, grant: null, unitId }, [
        { action: "READ", purpose: "Test", details: { n: 1 } },
        { action: "READ_LIST", purpose: "Test" },
      ]);
    }
  });
  afterAll(async () => {
    await database.close();
    sealing.remove();
  });

  it("reports unsealed events, then keeps one verified keyed chain per unit once sealed", async () => {
    const before = await verifyAuditLog(database.db, sealing.verifyOptions());
    expect(before).toMatchObject({ ok: true, events: 8, sealed: 0, chains: 0, unsealed: { count: 8 } });
    const sealed = await sealAndCheckpoint(database, sealing, clock().now().toISOString());
    expect(sealed.sealed).toBe(8);
    expect(sealed.heads.map((h) => [h.chain, h.position]).sort()).toEqual(
      [
        [unitA, 4],
        [unitB, 2],
        ["-", 2],
      ].sort(),
    );
    const result = await verifyAuditLog(database.db, sealing.verifyOptions());
    expect(result).toMatchObject({
      ok: true,
      events: 8,
      sealed: 8,
      chains: 3,
      unsealed: { count: 0, oldestAt: null },
      checkpoint: { lines: 1, chains: 3 },
      problems: [],
    });
    // Sealing again finds nothing new.
    expect((await sealAndCheckpoint(database, sealing, clock().now().toISOString())).sealed).toBe(0);
  });

  it("refuses UPDATE, DELETE and TRUNCATE of events and seals", async () => {
    for (const table of ["audit_event", "audit_seal"]) {
      const t = sql.identifier(table);
      await expect(database.db.execute(sql`update ${t} set seq = seq`)).rejects.toThrow();
      await expect(database.db.execute(sql`delete from ${t}`)).rejects.toThrow();
      await expect(database.db.execute(sql`truncate ${t}`)).rejects.toThrow();
    }
    expect((await verifyAuditLog(database.db, sealing.verifyOptions())).events).toBe(8);
  });

  it("finds an edited event, a deleted event and a cut tail, naming each", async () => {
    const editedSeq = await seqAt(unitA, 2);
    const deletedSeq = await seqAt(unitB, 1);
    const cutSeq = await seqAt("-", 2);
    // Only someone bypassing the triggers (the tables' owner) can change them.
    await database.db.execute(sql`alter table audit_event disable trigger audit_event_append_only`);
    await database.db.execute(sql`alter table audit_seal disable trigger audit_seal_append_only`);
    try {
      await database.db.execute(
        sql`update audit_event set purpose = 'Ändrad i efterhand' where seq = ${editedSeq}`,
      );
      await database.db.execute(sql`delete from audit_event where seq = ${deletedSeq}`);
      // The tail of chain "-" goes, seal and all: the database alone shows nothing missing.
      await database.db.execute(sql`delete from audit_event where seq = ${cutSeq}`);
      await database.db.execute(sql`delete from audit_seal where seq = ${cutSeq}`);
      const result = await verifyAuditLog(database.db, sealing.verifyOptions());
      expect(result.ok).toBe(false);
      expect(result.problems).toHaveLength(3);
      expect(result.problems).toEqual(
        expect.arrayContaining([
          { chain: unitA, seq: editedSeq, position: 2, problem: "HASH_MISMATCH" },
          { chain: unitB, seq: deletedSeq, position: 1, problem: "EVENT_DELETED" },
          expect.objectContaining({
            chain: "-",
            seq: cutSeq,
            position: 2,
            problem: "TAIL_CUT",
            detail: expect.stringContaining("position 2 is missing"),
          }),
        ]),
      );
    } finally {
      await database.db.execute(sql`alter table audit_event enable trigger audit_event_append_only`);
      await database.db.execute(sql`alter table audit_seal enable trigger audit_seal_append_only`);
    }
  });
});
