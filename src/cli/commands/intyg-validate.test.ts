import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../main.ts";
import { runCli } from "../test-cli.ts";

/** The contract's example draft (`../shared/contracts/README.md`), with the texts filled in. */
const contractDraft = {
  smittbararpenning: false,
  grund: [{ typ: "FYSISK_UNDERSOKNING", datum: "2026-11-16" }],
  grundAnnat: null,
  sysselsattning: ["NUVARANDE_ARBETE"],
  yrke: "Smed",
  diagnoser: [{ kod: "S47", text: "Klämskada på skuldra och överarm" }],
  funktionsnedsattning: "Nedsatt rörlighet och kraft i höger axel.",
  aktivitetsbegransning: "Kan inte lyfta över axelhöjd eller bära mer än 2 kg.",
  behandling: null,
  perioder: [{ grad: 75, from: "2026-11-16", tom: "2026-11-29" }],
  fmbMotivering: null,
  transport: false,
  arbetstidsforlaggning: false,
  arbetstidsforlaggningMotivering: null,
  prognos: { typ: "STOR_SANNOLIKHET", manader: null, motivering: null },
  atgarder: null,
  ovrigt: null,
  kontaktFk: false,
  kontaktFkAnledning: null,
  enhet: {
    namn: "HC",
    postadress: "Storgatan 1",
    postnummer: "831 30",
    postort: "Östersund",
    telefon: "063-100 00",
  },
};

const lumbago = { ...contractDraft, diagnoser: [{ kod: "M54.5", text: "Lumbago" }] };

const history = [
  {
    id: "c1",
    patient: "19121212-1212",
    unit: "U1",
    doctor: "D1",
    signed: "2026-11-06T10:00:00",
    diagnosis: "M545",
    periods: [{ from: "2026-11-06", to: "2026-11-15", grade: 100 }],
  },
];

function collect() {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

async function run(args: string[], stdinText = "", today = "2026-11-16") {
  const stdout = collect();
  const stderr = collect();
  const code = await main(["intyg", ...args], {
    stdin: Readable.from([Buffer.from(stdinText)]),
    stdout: stdout.stream,
    stderr: stderr.stream,
    today,
    env: {},
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "samsyn-intyg-"));
  await writeFile(file("draft.json"), JSON.stringify(contractDraft));
  await writeFile(file("lumbago.json"), JSON.stringify(lumbago));
  await writeFile(file("history.json"), JSON.stringify(history));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("samsyn intyg validate", () => {
  it("answers the contract's shape for a valid draft, exit 0", async () => {
    const result = await run(["validate", "--today", "2026-11-16", file("draft.json")]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const answer = JSON.parse(result.stdout);
    expect(answer).toEqual({
      valid: true,
      errors: [],
      warnings: [
        { field: "32", code: "SHORT_CASE", message: expect.stringMatching(/^Sjukfallet är 14 dagar/) },
      ],
    });
  });

  it("answers an invalid certificate with valid false and exit 0", async () => {
    const draft = { ...contractDraft, funktionsnedsattning: "  ", prognos: { typ: "PROGNOS_OKLAR" } };
    const result = await run(["validate", "-"], JSON.stringify(draft));
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout);
    expect(answer.valid).toBe(false);
    expect(answer.errors).toEqual([
      { field: "35", message: "Ange ett svar." },
      { field: "39.2", message: expect.stringMatching(/prognosen är oklar/) },
    ]);
  });

  it("counts --history for the FMB total (lumbago: 14 days) and defaults --today", async () => {
    const alone = JSON.parse((await run(["validate", file("lumbago.json")])).stdout);
    expect(alone.warnings.map((w: { code: string }) => w.code)).toEqual(["SHORT_CASE"]);
    const result = await run(["validate", "--history", file("history.json"), file("lumbago.json")]);
    const answer = JSON.parse(result.stdout);
    expect(answer.valid).toBe(true);
    expect(answer.warnings).toEqual([
      {
        field: "32",
        code: "FMB_EXCEEDED",
        message: expect.stringMatching(/^Den totala sjukskrivningsperioden är 24 dagar .*14 dagar.*\(37\)/),
      },
    ]);
  });

  it("warns EARLY_START from --today", async () => {
    const answer = JSON.parse((await run(["validate", "--today=2026-11-24", file("draft.json")])).stdout);
    expect(answer.warnings.map((w: { code: string }) => w.code)).toEqual(["EARLY_START", "SHORT_CASE"]);
  });

  it("prints its help on stdout", async () => {
    const result = await run(["--help"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(/^usage: samsyn intyg validate/);
  });

  it.each([
    [[], /missing subcommand/],
    [["check", "-"], /unknown subcommand "check"/],
    [["validate"], /no input FILE/],
    [["validate", "a.json", "b.json"], /exactly one FILE/],
    [["validate", "--today", "2026-02-30", "-"], /--today must be an existing date/],
    [["validate", "--verbose", "-"], /Unknown option '--verbose'/],
    [["validate", "--history", "-", "-"], /only one of FILE and --history/],
  ])("exits 2 on bad usage %j", async (args, message) => {
    const result = await run(args, "{}");
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toMatch(message);
  });

  it.each([
    ["{not json", /stdin is not valid JSON/],
    ["[]", /must hold a JSON object/],
    ["null", /must hold a JSON object/],
  ])("exits 2 on malformed input %s", async (input, message) => {
    const result = await run(["validate", "-"], input);
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toMatch(message);
  });

  it("exits 2 on an unreadable file or invalid history", async () => {
    const missing = await run(["validate", file("missing.json")]);
    expect(missing).toMatchObject({ code: 2, stdout: "" });
    expect(missing.stderr).toMatch(/cannot read .*missing\.json/);
    await writeFile(file("bad-history.json"), JSON.stringify([{ id: "c1" }]));
    const bad = await run(["validate", "--history", file("bad-history.json"), file("draft.json")]);
    expect(bad).toMatchObject({ code: 2, stdout: "" });
    expect(bad.stderr).toMatch(
      /invalid certificates in --history [^\n]*bad-history\.json:\n {2}certificate \[0\] \(id "c1"\): patient is missing/,
    );
  });
});

describe("samsyn intyg validate, end to end through bin/samsyn.mjs", () => {
  it("answers from stdin with only JSON on stdout", async () => {
    const result = await runCli(
      ["intyg", "validate", "--today", "2026-11-16", "-"],
      {},
      JSON.stringify(contractDraft),
    );
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(result.stdout)).toMatchObject({ valid: true, errors: [] });
  });

  it("exits 2 with a message on stderr and nothing on stdout", async () => {
    const result = await runCli(["intyg", "validate", "-"], {}, "not json");
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toMatch(/stdin is not valid JSON/);
  });
});
