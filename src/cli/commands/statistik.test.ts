import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeStatistics } from "../../statistics/statistics.ts";
import { arenden, certificates, TODAY } from "../../statistics/test-fixtures.ts";
import { main } from "../main.ts";
import { runCli } from "../test-cli.ts";

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

async function run(args: string[], stdinText = "", today = TODAY) {
  const stdout = collect();
  const stderr = collect();
  const code = await main(["statistik", ...args], {
    stdin: Readable.from([Buffer.from(stdinText)]),
    stdout: stdout.stream,
    stderr: stderr.stream,
    today,
    env: {},
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

let dir: string;
let certificatesFile: string;
let arendenFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "samsyn-statistik-"));
  certificatesFile = join(dir, "certificates.json");
  arendenFile = join(dir, "arenden.json");
  await writeFile(certificatesFile, JSON.stringify(certificates));
  await writeFile(arendenFile, JSON.stringify(arenden));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("samsyn statistik", () => {
  it("prints the contract's answer for the fixture, defaulting --today to the caller's date", async () => {
    const result = await run(["--arenden", arendenFile, certificatesFile]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const answer = JSON.parse(result.stdout);
    expect(answer).toEqual(computeStatistics(certificates, arenden, { today: TODAY }));
    // The figures worked out by hand in src/statistics/statistics.test.ts.
    expect(answer.ongoing).toEqual({ total: 4, women: 2, men: 2 });
    expect(answer.kompletteringar.rate).toEqual({ total: 0.375, women: 0.25, men: 0.5 });
    expect(Object.keys(answer)).toEqual([
      "today",
      "ongoing",
      "ongoingByLength",
      "ongoingByGrade",
      "newCases",
      "kompletteringar",
    ]);
  });

  it("passes every option on, and reads certificates from stdin", async () => {
    const args = [
      "--today=2026-11-30",
      "--gap",
      "5",
      "--from",
      "2026-01",
      "--to",
      "2026-06",
      "--by",
      "quarter",
      "--unit",
      "U1",
      "--arenden",
      arendenFile,
      "--suppress",
      "2",
      "-",
    ];
    const result = await run(args, JSON.stringify(certificates));
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const answer = JSON.parse(result.stdout);
    expect(answer).toEqual(
      computeStatistics(certificates, arenden, {
        today: TODAY,
        gap: 5,
        from: "2026-01",
        to: "2026-06",
        by: "quarter",
        unit: "U1",
        suppress: 2,
      }),
    );
    expect(answer.newCases).toEqual([
      // One man (Q1) and one woman (Q2): each 1 is hidden, and so the 0 beside it.
      { period: "2026-Q1", total: null, women: null, men: null },
      { period: "2026-Q2", total: null, women: null, men: null },
    ]);
  });

  it("reads the ärenden from stdin with --arenden -", async () => {
    const result = await run(["--arenden", "-", certificatesFile], JSON.stringify(arenden));
    expect(JSON.parse(result.stdout).kompletteringar.withKomplettering).toEqual({
      total: 3,
      women: 1,
      men: 2,
    });
  });

  it("prints its help on stdout with exit 0", async () => {
    const result = await run(["--help"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(/^usage: samsyn statistik/);
    expect(result.stdout).toContain("--suppress N");
  });

  it.each([
    [[], /no input FILE/],
    [["a.json", "b.json"], /exactly one FILE/],
    [["--today", "2026-02-30", "-"], /--today must be an existing date YYYY-MM-DD \(got "2026-02-30"\)/],
    [["--gap", "91", "-"], /--gap must be a whole number from 0 to 90 \(got "91"\)/],
    [["--gap", "-1", "-"], /--gap/],
    [["--from", "2026-13", "-"], /--from must be a month YYYY-MM \(got "2026-13"\)/],
    [["--to", "2026-1", "-"], /--to must be a month YYYY-MM/],
    [
      ["--from", "2026-06", "--to", "2026-05", "-"],
      /--from \(2026-06\) must not come after --to \(2026-05\)/,
    ],
    [["--from", "2026-12", "-"], /--from \(2026-12\) must not come after --to \(2026-11\)/],
    [["--by", "week", "-"], /--by must be month, quarter or year \(got "week"\)/],
    [["--suppress", "x", "-"], /--suppress must be a whole number from 0 to 1000/],
    [["--unit", "", "-"], /--unit must not be empty/],
    [["--arenden", "-", "-"], /only one of FILE and --arenden/],
    [["--verbose", "-"], /Unknown option '--verbose'/],
    [["--gap"], /Option '--gap <value>' argument missing/],
  ])("exits 2 on bad usage %j", async (args, message) => {
    const result = await run(args, "[]");
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/usage: samsyn statistik/);
  });

  it.each([
    ["{not json", /stdin is not valid JSON/],
    ['{"certificates": []}', /must be a JSON array of certificates/],
  ])("exits 2 on input that is not a JSON array: %s", async (input, message) => {
    const result = await run(["-"], input);
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toMatch(message);
  });

  it("exits 2 when a file cannot be read or the ärenden are not an array", async () => {
    const missing = await run([join(dir, "missing.json")]);
    expect(missing).toMatchObject({ code: 2, stdout: "" });
    expect(missing.stderr).toMatch(/cannot read .*missing\.json/);
    const notArray = await run(["--arenden", "-", certificatesFile], "{}");
    expect(notArray).toMatchObject({ code: 2, stdout: "" });
    expect(notArray.stderr).toMatch(/--arenden stdin: the input must be a JSON array of ärenden/);
  });

  it("leaves out only invalid certificates and ärenden, names them on stderr and computes the rest", async () => {
    const badCertificates = [
      { id: "no-patient" },
      ...certificates,
      { ...certificates[0], id: "bad-grade", periods: [{ from: "2026-11-01", to: "2026-11-02", grade: 40 }] },
    ];
    const badArenden = [
      ...arenden,
      { id: "a1", certificate: "c1", type: "KOMPLT", questions: ["35"] },
      { id: "q", certificate: "c1", type: "KOMPLETTERING", questions: ["35"] },
      { id: "r", certificate: "c1", type: "KOMPLT", questions: ["fråga 35"] },
    ];
    await writeFile(join(dir, "bad-arenden.json"), JSON.stringify(badArenden));
    const result = await run(
      ["--arenden", join(dir, "bad-arenden.json"), "-"],
      JSON.stringify(badCertificates),
    );
    expect(result.code).toBe(0);
    // stdout stays the contract's JSON, the same answer as without the invalid input.
    expect(JSON.parse(result.stdout)).toEqual(computeStatistics(certificates, arenden, { today: TODAY }));
    expect(result.stderr).toContain(
      'samsyn statistik: left out 2 invalid certificates in stdin: [0] "no-patient", [13] "bad-grade"',
    );
    expect(result.stderr).toContain(
      'certificate [13] (id "bad-grade"): periods[0].grade must be 25, 50, 75 or 100',
    );
    expect(result.stderr).toContain("left out 3 invalid ärenden in --arenden");
    expect(result.stderr).toContain('ärende [8] (id "a1"): id is already used by ärende [0]');
    expect(result.stderr).toContain('ärende [9] (id "q"): type must be KOMPLT, FRAGA, KONTKT, OVRIGT');
    expect(result.stderr).toContain('ärende [10] (id "r"): questions[0] must be an FK question id');
  });
});

describe("samsyn statistik, end to end through bin/samsyn.mjs", () => {
  it("answers from a file and from stdin alike", async () => {
    const args = ["statistik", "--today", TODAY, "--arenden", arendenFile];
    const fromFile = await runCli([...args, certificatesFile]);
    expect(fromFile).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(fromFile.stdout)).toEqual(computeStatistics(certificates, arenden, { today: TODAY }));
    const fromStdin = await runCli([...args, "-"], {}, JSON.stringify(certificates));
    expect(fromStdin.stdout).toBe(fromFile.stdout);
  });

  it("defaults --today to the clock (SAMSYN_NOW)", async () => {
    const result = await runCli(["statistik", certificatesFile], { SAMSYN_NOW: "2026-11-30T23:30:00+01:00" });
    expect(JSON.parse(result.stdout).today).toBe("2026-11-30");
  });

  it("exits 2 with a message on stderr and nothing on stdout", async () => {
    const result = await runCli(["statistik", "--by", "week", certificatesFile]);
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toMatch(/--by must be month, quarter or year/);
  });
});
