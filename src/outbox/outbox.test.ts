import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { outboxMessage } from "../db/schema.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildPatient, buildUnit } from "../../test/factories.ts";
import { FileTransport } from "./file-transport.ts";
import { enqueue } from "./store.ts";
import { PermanentTransportError, type OutboxEnvelope, type Transport } from "./transport.ts";
import { deliverDue, type DeliveryHooks } from "./worker.ts";
import { clock } from "../dates/clock.ts";

const noHooks: DeliveryHooks = { onDelivered: async () => {} };

describe.each(testDatabaseKinds())("outbox on %s", (kind) => {
  let database: Database;
  let unitId: string;
  let patientId: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    unitId = (await buildUnit(database.db)).id;
    patientId = (await buildPatient(database.db, unitId)).id;
  });
  afterAll(() => database.close());

  const message = (n: number) => ({ unitId, patientId, certificateId: null, kind: "TEST", payload: { n } });
  const statusOf = async (id: string) =>
    (await database.db.select().from(outboxMessage).where(eq(outboxMessage.id, id)))[0]!;

  it("delivers through the file transport once, as a complete JSON file named by the message id", async () => {
    const directory = mkdtempSync(path.join(tmpdir(), "samsyn-outbox-"));
    const row = await enqueue(database.db, message(1), clock().now());
    const delivered: string[] = [];
    const result = await deliverDue(
      database.db,
      new FileTransport(directory),
      {
        onDelivered: async (_tx, r) => void delivered.push(r.id),
      },
      clock().now(),
    );
    expect(result).toEqual({ sent: 1, failed: 0 });
    expect(delivered).toEqual([row.id]);
    expect(readdirSync(directory)).toEqual([`${row.id}.json`]);
    expect(JSON.parse(readFileSync(path.join(directory, `${row.id}.json`), "utf8"))).toMatchObject({
      messageId: row.id,
      kind: "TEST",
      payload: { n: 1 },
    });
    expect(await statusOf(row.id)).toMatchObject({
      status: "SENT",
      attempts: 1,
      externalRef: `${row.id}.json`,
    });
    // Nothing is due any more.
    expect(await deliverDue(database.db, new FileTransport(directory), noHooks, clock().now())).toEqual({
      sent: 0,
      failed: 0,
    });
  });

  it("retries a temporary failure later and gives up on a permanent one", async () => {
    const now = clock().now();
    const temporary = await enqueue(database.db, message(2), now);
    const failing: Transport = {
      name: "down",
      deliver: async () => {
        throw new Error("connection refused");
      },
    };
    expect(await deliverDue(database.db, failing, noHooks, now)).toEqual({ sent: 0, failed: 1 });
    const retried = await statusOf(temporary.id);
    expect(retried).toMatchObject({ status: "PENDING", attempts: 1, lastError: "Error: connection refused" });
    expect(new Date(retried.nextAttemptAt).getTime()).toBeGreaterThan(now.getTime());
    // Not due yet: the same call a moment later leaves it alone.
    expect(await deliverDue(database.db, failing, noHooks, now)).toEqual({ sent: 0, failed: 0 });

    const refused = await enqueue(database.db, message(3), now);
    const refusing: Transport = {
      name: "no",
      deliver: async () => {
        throw new PermanentTransportError("schema rejected");
      },
    };
    await deliverDue(database.db, refusing, noHooks, new Date(now.getTime() + 120 * 60_000));
    expect((await statusOf(refused.id)).status).toBe("FAILED");
  });
});

describe.runIf(testDatabaseKinds().includes("postgres"))("outbox with several workers on postgres", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase("postgres");
  });
  afterAll(() => database.close());

  it("delivers every message exactly once when two workers run at the same time", async () => {
    const unitId = (await buildUnit(database.db)).id;
    const patientId = (await buildPatient(database.db, unitId)).id;
    for (let n = 0; n < 30; n++) {
      await enqueue(
        database.db,
        { unitId, patientId, certificateId: null, kind: "TEST", payload: { n } },
        clock().now(),
      );
    }
    const deliveries: string[] = [];
    const slow: Transport = {
      name: "slow",
      deliver: async (envelope: OutboxEnvelope) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        deliveries.push(envelope.messageId);
        return { externalRef: envelope.messageId };
      },
    };
    const later = new Date(clock().now().getTime() + 60_000);
    const results = await Promise.all([
      deliverDue(database.db, slow, noHooks, later, 10),
      deliverDue(database.db, slow, noHooks, later, 10),
      deliverDue(database.db, slow, noHooks, later, 10),
    ]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(30);
    expect(new Set(deliveries).size).toBe(30);
    expect(deliveries).toHaveLength(30);
  });
});
