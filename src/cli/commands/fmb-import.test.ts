import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client.ts";
import { fmbDirectory, loadFmb, shippedFiles } from "../../reference/fmb/load.ts";
import { main } from "../main.ts";
import { pgliteDumpFile } from "../../../test/databases.ts";

const icd = (kod: string) => ({ kod, kodsystemnamn: "ICD-10" });

/** A newer FMB in the API's shape: lumbago now up to 3 weeks. */
const newerDump = {
  diagnosinformation: {
    data: [
      {
        id: "1",
        attributes: {
          titel: "Lumbago",
          diagnosrubrik: "Lumbago",
          diagnoskod: [icd("M545")],
          funktionsnedsattning: { funktionsnedsattningsbeskrivning: "Smärta." },
          aktivitetsbegransning: { aktivitetsbegransningsbeskrivning: "Svårt att lyfta." },
        },
      },
    ],
  },
  typfall: {
    data: [
      {
        id: "1",
        attributes: {
          typfallsmening: "Vid lumbago …",
          fmbtillstand: { diagnoskod: [icd("M545")] },
          rekommenderadsjukskrivning: { maximalsjukskrivningstid: "3", maximalsjukskrivningsenhet: "wk" },
        },
      },
    ],
  },
};

function collect() {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

let dir: string;
let dataDir: string;

async function run(args: string[], stdinText = "") {
  const stdout = collect();
  const stderr = collect();
  const code = await main(["fmb", ...args], {
    stdin: Readable.from([Buffer.from(stdinText)]),
    stdout: stdout.stream,
    stderr: stderr.stream,
    today: "2026-11-16",
    env: { SAMSYN_DATA_DIR: dataDir, LOG_LEVEL: "silent" },
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

async function storedFmb() {
  const database = await openDatabase({ kind: "pglite", dataDir });
  try {
    return await loadFmb(database.db);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "samsyn-fmb-"));
  dataDir = join(dir, "data");
  await writeFile(join(dir, "newer.json"), JSON.stringify(newerDump));
  // The data directory starts from the run's migrated dump, as an installed Samsyn's would be
  // migrated: creating and migrating a cold one here took over 30 s on a busy machine.
  const seeded = await openDatabase({
    kind: "pglite",
    dataDir,
    loadDataDir: new Blob([readFileSync(pgliteDumpFile)]),
  });
  await seeded.close();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("samsyn fmb import", () => {
  it("refuses a dump of the wrong shape with exit 2, storing nothing", async () => {
    const broken = {
      diagnosinformation: newerDump.diagnosinformation,
      typfall: { data: [{ attributes: 5 }] },
    };
    const result = await run(["import", "-"], JSON.stringify(broken));
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toMatch(/FMB typfall dump does not have the expected JSON:API shape/);
    const missing = await run(["import", "-"], JSON.stringify({ typfall: newerDump.typfall }));
    expect(missing.stderr).toMatch(/no "diagnosinformation" dump/);
  });

  it("stores the dump; the server then loads it in preference to the shipped one", async () => {
    const result = await run(["import", join(dir, "newer.json")]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      imported: true,
      database: "pglite",
      diagnoses: 1,
      typfall: 1,
      codes: 1,
    });
    expect(result.stderr).toMatch(/^samsyn fmb: imported 1 diagnosis entries and 1 typfall/);
    const { fmb, source } = await storedFmb();
    expect(source).toBe("imported");
    expect(fmb.limitDays(["M545"])).toBe(21);
    expect(fmb.limitDays(["F438A"])).toBeNull();
  });

  it("imports the shipped dump again from stdin, replacing the earlier import", async () => {
    const shipped = {
      diagnosinformation: JSON.parse(
        await readFile(join(fmbDirectory, shippedFiles.diagnosinformation), "utf8"),
      ),
      typfall: JSON.parse(await readFile(join(fmbDirectory, shippedFiles.typfall), "utf8")),
    };
    const result = await run(["import", "-"], JSON.stringify(shipped));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ diagnoses: 116, typfall: 439, codes: 306 });
    const { fmb } = await storedFmb();
    expect(fmb.limitDays(["M545"])).toBe(14);
    expect(fmb.limitDays(["F438A"])).toBe(372);
  });

  it.each([
    [[], /missing subcommand/],
    [["export", "-"], /unknown subcommand "export"/],
    [["import"], /no input FILE/],
    [["import", "-"], /stdin is not valid JSON/],
  ])("exits 2 on bad usage %j", async (args, message) => {
    const result = await run(args, "not json");
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toMatch(message);
  });
});
