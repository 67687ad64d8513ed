import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client.ts";
import { auditEvent, listedPopulation } from "../../db/schema.ts";
import { pgliteDumpFile } from "../../../test/databases.ts";
import { buildUnit } from "../../../test/factories.ts";
import { main } from "../main.ts";

const today = "2026-11-16";
let dir: string;
let dataDir: string;
let unitA: string;
let unitB: string;

function collect() {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

async function run(args: string[]) {
  const stdout = collect();
  const stderr = collect();
  const code = await main(["import", ...args], {
    stdin: Readable.from([]),
    stdout: stdout.stream,
    stderr: stderr.stream,
    today,
    env: { SAMSYN_DATA_DIR: dataDir, LOG_LEVEL: "silent" },
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

async function storedRows() {
  const database = await openDatabase({ kind: "pglite", dataDir });
  try {
    const rows = await database.db
      .select()
      .from(listedPopulation)
      .orderBy(listedPopulation.unitId, listedPopulation.month, listedPopulation.sex);
    const events = await database.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.entity, "listed_population"));
    return { rows: rows.map((r) => [r.unitId, r.month, r.sex, r.ageBand, r.count]), events };
  } finally {
    await database.close();
  }
}

describe("samsyn import listning", () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "samsyn-listning-"));
    dataDir = join(dir, "data");
    const loadDataDir = new Blob([await readFile(pgliteDumpFile)]);
    const database = await openDatabase({ kind: "pglite", dataDir, loadDataDir });
    unitA = (await buildUnit(database.db)).id;
    unitB = (await buildUnit(database.db, { hsaId: "SE2321000000-LB01" })).id;
    await database.close();
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it(
    "imports every unit the file names (by id or HSA-id), audited, and the same file again changes nothing",
    { timeout: 120_000 },
    async () => {
      const file = join(dir, "listning.csv");
      await writeFile(
        file,
        "\uFEFFenhet;månad;kön;åldersgrupp;antal\r\n" +
          `${unitA};2026-10;K;30-39;812\r\n${unitA};2026-10;M;30-39;790\r\nSE2321000000-LB01;2026-09;K;70+;120\r\n`,
      );
      const first = await run(["listning", file]);
      expect(first.code, first.stderr).toBe(0);
      expect(JSON.parse(first.stdout)).toMatchObject({ created: 2, replaced: 0, unchanged: 0 });
      const stored = await storedRows();
      expect(stored.rows).toEqual(
        [
          [unitA, "2026-10", "F", "30-39", 812],
          [unitA, "2026-10", "M", "30-39", 790],
          [unitB, "2026-09", "F", "70+", 120],
        ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      );
      expect(stored.events.map((e) => [e.unitId, e.action, e.userId])).toEqual(
        expect.arrayContaining([
          [unitA, "CREATE", null],
          [unitB, "CREATE", null],
        ]),
      );

      const again = await run(["listning", file]);
      expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, replaced: 0, unchanged: 2 });
      expect((await storedRows()).events).toHaveLength(2);
    },
  );

  it(
    "imports nothing from a file with a bad row or an unknown unit (exit 2, row and column named)",
    { timeout: 120_000 },
    async () => {
      const before = await storedRows();
      const bad = join(dir, "bad.csv");
      await writeFile(
        bad,
        `enhet;månad;kön;åldersgrupp;antal\n${unitA};2026-08;K;30-39;5\n${unitA};2026-08;M;30-39;x\n`,
      );
      const refused = await run(["listning", bad]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain("Rad 3, kolumn antal:");
      const unknown = join(dir, "unknown.csv");
      await writeFile(
        unknown,
        `enhet;månad;kön;åldersgrupp;antal\n${unitA};2026-08;K;30-39;5\nHC-FINNS-INTE;2026-08;K;30-39;5\n`,
      );
      const missing = await run(["listning", unknown]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain("Rad 3, kolumn enhet: enheten HC-FINNS-INTE finns inte.");
      const empty = join(dir, "empty.csv");
      await writeFile(empty, "");
      const nothing = await run(["listning", empty]);
      expect(nothing.code).toBe(2);
      expect(nothing.stderr).toContain("Filen innehåller inga rader med listade patienter.");
      expect(await storedRows()).toEqual(before);
      expect((await run(["listning"])).code).toBe(2);
      expect((await run(["listning", "--chunk", "2", bad])).code).toBe(2);
    },
  );
});
