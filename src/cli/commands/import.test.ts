import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client.ts";
import { auditEvent, certificate } from "../../db/schema.ts";
import { pgliteDumpFile } from "../../../test/databases.ts";
import { buildUnit } from "../../../test/factories.ts";
import { main } from "../main.ts";

function collect() {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

let dir: string;
let dataDir: string;
let unitId: string;

async function run(args: string[]) {
  const stdout = collect();
  const stderr = collect();
  const code = await main(["import", ...args], {
    stdin: Readable.from([]),
    stdout: stdout.stream,
    stderr: stderr.stream,
    today: "2026-11-16",
    env: { SAMSYN_DATA_DIR: dataDir, LOG_LEVEL: "silent" },
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const cert = (id: string, unit: string, from: string, extra: Record<string, unknown> = {}) => ({
  id,
  patient: "19800113-9297",
  unit,
  signed: from,
  diagnosis: "M54.5",
  periods: [{ from, to: from.replace(/-\d\d$/, "-20"), grade: 100 }],
  ...extra,
});

describe("samsyn import certificates", () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "samsyn-import-"));
    dataDir = join(dir, "data");
    // Start from the migrated test dump (a fresh migration takes far longer).
    const loadDataDir = new Blob([await readFile(pgliteDumpFile)]);
    const database = await openDatabase({ kind: "pglite", dataDir, loadDataDir });
    unitId = (await buildUnit(database.db)).id;
    await database.close();
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it(
    "imports each certificate into its unit in chunks, reports progress and rejected rows, and is idempotent",
    { timeout: 240_000 },
    async () => {
      const file = join(dir, "certificates.json");
      const rows = [
        cert("a1", unitId, "2026-01-01"),
        cert("a2", unitId, "2026-02-01", { replaces: "a1" }),
        cert("a3", unitId, "2026-03-01"),
        cert("b1", "FINNS-INTE", "2026-01-01"),
        { id: "bad", patient: "19800113-9297" },
      ];
      await writeFile(file, JSON.stringify(rows));
      const first = await run(["certificates", "--chunk", "2", file]);
      expect(first.code, first.stderr).toBe(0);
      const report = JSON.parse(first.stdout) as {
        created: number;
        rejected: { row: number; reasons: string[] }[];
      };
      expect(report).toMatchObject({ created: 3, updated: 0, unchanged: 0, patientsCreated: 1 });
      expect(report.rejected.map((r) => r.row)).toEqual([4, 5]);
      expect(report.rejected[0]!.reasons[0]).toContain("FINNS-INTE");
      expect(first.stderr).toMatch(/3 of 3 certificates \(100 %\)/);

      const again = await run(["certificates", file]);
      expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, unchanged: 3 });

      const database = await openDatabase({ kind: "pglite", dataDir });
      try {
        const stored = await database.db.select().from(certificate).where(eq(certificate.unitId, unitId));
        const byId = new Map(stored.map((c) => [c.externalId, c]));
        expect(byId.get("a2")!.replacesId).toBe(byId.get("a1")!.id);
        const events = await database.db.select().from(auditEvent).where(eq(auditEvent.unitId, unitId));
        expect(events.filter((e) => e.action === "CREATE" && e.entity === "certificate")).toHaveLength(3);
      } finally {
        await database.close();
      }
    },
  );

  it("refuses bad usage and unreadable files with exit 2", { timeout: 120_000 }, async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(["patients", "x.json"])).code).toBe(2);
    const missing = await run(["certificates", join(dir, "saknas.json")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read");
    const broken = join(dir, "broken.json");
    await writeFile(broken, "[{");
    expect((await run(["certificates", broken])).code).toBe(2);
  });
});
