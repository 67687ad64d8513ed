import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql, TransactionRollbackError } from "drizzle-orm";
import { rowsOf, type Database } from "../db/client.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { testSealing, type TestSealing } from "../../test/audit-sealing.ts";
import { buildUnit, buildUser } from "../../test/factories.ts";
import { clock } from "../dates/clock.ts";
import { recordAudit } from "./audit.ts";
import { appendCheckpoint } from "./checkpoint.ts";
import { sealAll, sealAndCheckpoint } from "./sealer.ts";
import { verifyAuditLog } from "./verify.ts";

const at = () => clock().now().toISOString();

describe.each(testDatabaseKinds())("audit sealer on %s", (kind) => {
  let database: Database;
  let sealing: TestSealing;
  let unitA: string;
  let unitB: string;

  beforeAll(async () => {
    // As the owner: one test plays an attacker who can switch the append-only trigger off.
    database = await openTestDatabase(kind, { as: "owner" });
    sealing = testSealing();
    unitA = (await buildUnit(database.db)).id;
    unitB = (await buildUnit(database.db)).id;
  });
  afterAll(async () => {
    await database.close();
    sealing.remove();
  });

  it("seals every field of events across chains, in one statement and with rolled-back savepoints", async () => {
    const user = await buildUser(database.db);
    await database.db.transaction(async (tx) => {
      await recordAudit(tx, { actor: null, grant: null, unitId: unitA }, [
        {
          action: "READ",
          purpose: "Läsning åäö \u001f tab\t",
          patientId: "00000000-0000-4000-8000-000000000001",
          entity: "certificate",
          entityId: "x-1",
          details: { text: 'ÅÄÖ "citat" \\ ny\nrad', n: 1.5, list: [1, null, true] },
        },
        { action: "READ_LIST", purpose: "Lista" },
      ]);
      await tx.execute(sql`
        INSERT INTO audit_event (user_id, role, unit_id, action, purpose, details)
        SELECT ${user.id}::uuid, 'LAKARE', CASE WHEN g % 3 = 0 THEN NULL WHEN g % 2 = 0 THEN ${unitA} ELSE ${unitB} END,
          'READ', 'Blandat', jsonb_build_object('g', g)
        FROM generate_series(1, 30) AS g ORDER BY g`);
    });
    await database.db.transaction(async (tx) => {
      await recordAudit(tx, { actor: null, grant: null, unitId: unitA }, [
        { action: "READ", purpose: "Före" },
      ]);
      await tx
        .transaction(async (inner) => {
          await recordAudit(inner, { actor: null, grant: null, unitId: unitA }, [
            { action: "READ", purpose: "Ångras" },
          ]);
          inner.rollback();
        })
        .catch((error: unknown) => {
          if (!(error instanceof TransactionRollbackError)) throw error;
        });
      await recordAudit(tx, { actor: null, grant: null, unitId: unitA }, [
        { action: "READ", purpose: "Efter" },
      ]);
    });
    // Small batches: the chains continue across rounds.
    const result = await sealAll(database, sealing, { batch: 7 });
    expect(result.sealed).toBe(34);
    appendCheckpoint(sealing.checkpointFile, sealing.keyring, result.heads, at());
    expect(await verifyAuditLog(database.db, sealing.verifyOptions())).toMatchObject({
      ok: true,
      events: 34,
      sealed: 34,
      chains: 3,
      problems: [],
    });
  });

  it("finds an edited event in a chain sealed across batches", async () => {
    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`);
        await tx.execute(
          sql`UPDATE audit_event SET details = '{"g": 0}' WHERE purpose = 'Blandat' AND details ->> 'g' = '9'`,
        );
        const result = await verifyAuditLog(tx, sealing.verifyOptions());
        expect(result.problems).toEqual([expect.objectContaining({ chain: "-", problem: "HASH_MISMATCH" })]);
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof TransactionRollbackError)) throw error;
      });
  });
});

describe.runIf(testDatabaseKinds().includes("postgres"))(
  "audit sealer with several processes on postgres",
  () => {
    let database: Database;
    let sealing: TestSealing;
    let unitId: string;

    beforeAll(async () => {
      database = await openTestDatabase("postgres");
      sealing = testSealing();
      unitId = (await buildUnit(database.db)).id;
    });
    afterAll(async () => {
      await database.close();
      sealing.remove();
    });

    const logEvents = (n: number, purpose: string) =>
      Promise.all(
        Array.from({ length: n }, () =>
          recordAudit(database.db, { actor: null, grant: null, unitId }, [{ action: "READ", purpose }]),
        ),
      );

    it("seals a transaction that commits after later events, after them", async () => {
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      let inserted: () => void = () => undefined;
      const insertedEarly = new Promise<void>((resolve) => (inserted = resolve));
      const slow = database.db.transaction(async (tx) => {
        await recordAudit(tx, { actor: null, grant: null, unitId }, [{ action: "READ", purpose: "Sen" }]);
        inserted();
        await held;
      });
      await insertedEarly;
      await logEvents(3, "Tidig");
      expect((await sealAll(database, sealing)).sealed).toBe(3);
      release();
      await slow;
      const late = await sealAll(database, sealing);
      expect(late.sealed).toBe(1);
      const [last] = rowsOf<{ purpose: string }>(
        await database.db.execute(sql`
        SELECT e.purpose FROM audit_seal s JOIN audit_event e USING (seq)
        WHERE s.chain = ${unitId} ORDER BY s.chain_pos DESC LIMIT 1`),
      );
      expect(last?.purpose).toBe("Sen");
    });

    it("lets concurrent sealers take turns: every event sealed once, one unbroken chain", async () => {
      let writing = true;
      const writer = (async () => {
        for (let i = 0; i < 20; i++) await logEvents(5, "Samtidig");
        writing = false;
      })();
      const sealer = async () => {
        let sealed = 0;
        while (writing) {
          const round = await sealAll(database, sealing, { batch: 4 });
          sealed += round.sealed;
          if (round.heads.length > 0)
            appendCheckpoint(sealing.checkpointFile, sealing.keyring, round.heads, at());
        }
        return sealed;
      };
      const counts = await Promise.all([sealer(), sealer(), sealer()]);
      await writer;
      const rest = (await sealAndCheckpoint(database, sealing, at())).sealed;
      expect(counts.reduce((a, b) => a + b, 0) + rest).toBe(100);
      expect(await verifyAuditLog(database.db, sealing.verifyOptions())).toMatchObject({
        ok: true,
        events: 104,
        sealed: 104,
        chains: 1,
        unsealed: { count: 0 },
        problems: [],
      });
    }, 60_000);
  },
);
