import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql, TransactionRollbackError } from "drizzle-orm";
import { rowsOf, type Database } from "../db/client.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildUnit, buildUser } from "../../test/factories.ts";
import { recordAudit } from "./audit.ts";
import { verifyAuditLog } from "./verify.ts";

/**
 * The chain trigger computes each hash inline (migration 0010); it must stay byte for byte what
 * audit_event_hash(e) gives, which `audit verify` recomputes.
 */
describe.each(testDatabaseKinds())("audit chain trigger on %s", (kind) => {
  let database: Database;
  let unitA: string;
  let unitB: string;

  const mismatches = async () =>
    rowsOf<{ n: number }>(
      await database.db.execute(
        sql`SELECT count(*)::int AS n FROM audit_event e WHERE e.hash IS DISTINCT FROM audit_event_hash(e)`,
      ),
    )[0]!.n;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    unitA = (await buildUnit(database.db)).id;
    unitB = (await buildUnit(database.db)).id;
  });
  afterAll(() => database.close());

  it("hashes every field as audit_event_hash does, across chains in one statement and transaction", async () => {
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
      // Several chains interleaved in one statement, continuing the chains the transaction began.
      await tx.execute(sql`
        INSERT INTO audit_event (user_id, role, unit_id, action, purpose, details)
        SELECT ${user.id}::uuid, 'LAKARE', CASE WHEN g % 3 = 0 THEN NULL WHEN g % 2 = 0 THEN ${unitA} ELSE ${unitB} END,
          'READ', 'Blandat', jsonb_build_object('g', g)
        FROM generate_series(1, 30) AS g ORDER BY g`);
    });
    // A rolled-back savepoint leaves no gap: its events and its chain state are undone together.
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
    expect(await mismatches()).toBe(0);
    const result = await verifyAuditLog(database.db);
    expect(result).toMatchObject({ ok: true, events: 34, chains: 3, problems: [] });
  });

  it("still detects an edited row", async () => {
    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`);
        await tx.execute(
          sql`UPDATE audit_event SET purpose = 'Ändrad' WHERE purpose = 'Blandat' AND chain_pos = 3`,
        );
        const result = await verifyAuditLog(tx);
        expect(result.ok).toBe(false);
        expect(result.problems.map((p) => p.problem)).toContain("HASH_MISMATCH");
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof TransactionRollbackError)) throw error;
      });
    expect(await mismatches()).toBe(0);
  });
});
