/**
 * A large import never holds the database: during a 5,000-row import through the API, other users'
 * reads all succeed and keep completing between its first committed rows and its answer (on the
 * embedded database, with its single connection, a one-transaction import lets none through in
 * that window). No timings are asserted: the proof is the order of events.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { certificate } from "../db/schema.ts";
import { loadTestPersonnummer } from "../reference/testpersonnummer.ts";
import { clientFor, createTestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildUnit, buildUser } from "../../test/factories.ts";

const rows = 5_000;

describe.each(testDatabaseKinds())("reads during a %s import", (kind) => {
  let database: Database;
  let unitId: string;
  let secretary: TestClient;
  let readers: TestClient[];

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const testApp = createTestApp(database);
    unitId = (await buildUnit(database.db)).id;
    secretary = await buildUser(database.db, { roles: [["SEKRETERARE", unitId]] }).then((u) =>
      clientFor(testApp, u.id),
    );
    readers = await Promise.all(
      [1, 2, 3].map(() =>
        buildUser(database.db, { roles: [["REHABKOORDINATOR", unitId]] }).then((u) =>
          clientFor(testApp, u.id),
        ),
      ),
    );
  });
  afterAll(() => database.close());

  async function importedCount(): Promise<number> {
    const [row] = await database.db
      .select({ n: count() })
      .from(certificate)
      .where(eq(certificate.unitId, unitId));
    return row!.n;
  }

  function csv(): string {
    const people = loadTestPersonnummer().slice(0, 1_000);
    const lines = [
      "id;patient;unit;doctor;signed;diagnosis;from;to;grade;smittbararpenning;status;replaces;completes",
    ];
    for (let i = 0; i < rows; i++) {
      const month = String(1 + (i % 12)).padStart(2, "0");
      const from = `2025-${month}-01`;
      lines.push(
        `imp-${i};${people[i % people.length]};${unitId};;${from};F329;${from};2025-${month}-20;100;;;;`,
      );
    }
    return lines.join("\n");
  }

  it("lets every read through, and many before the import has finished", async () => {
    let importDone = false;
    const importing = secretary
      .json<{ created: number; rejected: unknown[] }>("POST", "/api/import/certificates", {
        body: csv(),
        headers: { "content-type": "text/csv" },
      })
      .finally(() => (importDone = true));
    const statuses: number[] = [];
    // Reads answered after some of the import was committed and before the import answered.
    let duringImport = 0;
    let partlyWritten = false;
    // Each reader asks again as soon as it has its answer, until the import has answered.
    await Promise.all(
      readers.map(async (reader) => {
        while (!importDone) {
          const list = await reader.request("GET", "/api/sjukfall");
          await list.arrayBuffer();
          statuses.push(list.status);
          if (partlyWritten && !importDone) duringImport++;
          partlyWritten ||= (await importedCount()) > 0;
        }
      }),
    );
    const imported = await importing;
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ created: rows, rejected: [] });
    expect(statuses.every((s) => s === 200)).toBe(true);
    // Ten chunks of 500: readers get through between them (one transaction: none would).
    expect(duringImport).toBeGreaterThanOrEqual(3);
  });
});
