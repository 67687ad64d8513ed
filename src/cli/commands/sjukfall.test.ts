import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../test-cli.ts";
import { sjukfallCommand } from "./sjukfall.ts";

const contractCertificates = [
  {
    id: "c1",
    patient: "19121212-1212",
    unit: "U1",
    doctor: "D1",
    signed: "2016-02-01T10:00:00",
    diagnosis: "M545",
    periods: [{ from: "2016-02-01", to: "2016-02-10", grade: 100 }],
    smittbararpenning: false,
    status: "signed",
    replaces: null,
    completes: null,
  },
  {
    id: "c2",
    patient: "19121212-1212",
    unit: "U1",
    doctor: "D2",
    signed: "2016-02-11T10:00:00",
    diagnosis: "M545",
    periods: [{ from: "2016-02-12", to: "2016-02-20", grade: 100 }],
  },
  {
    id: "c3",
    patient: "19121212-1212",
    unit: "U1",
    doctor: "D1",
    signed: "2015-11-01T10:00:00",
    diagnosis: "F432",
    periods: [{ from: "2015-11-01", to: "2015-11-30", grade: 50 }],
  },
  {
    id: "c4",
    patient: "20000101-0008",
    unit: "U2",
    doctor: "D3",
    signed: "2016-02-14T10:00:00",
    diagnosis: "S52",
    periods: [{ from: "2016-02-14", to: "2016-02-28", grade: 75 }],
  },
];

const contractCase = {
  patient: "19121212-1212",
  unit: "U1",
  start: "2016-02-01",
  end: "2016-02-20",
  days: 19,
  certificates: ["c1", "c2"],
  anchor: "c2",
  currentGrade: 100,
  grades: [100],
};

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

async function run(args: string[], stdinText = "", today = "2016-02-16") {
  const stdout = collect();
  const stderr = collect();
  const code = await sjukfallCommand(args, {
    stdin: Readable.from([Buffer.from(stdinText)]),
    stdout: stdout.stream,
    stderr: stderr.stream,
    today,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

let dir: string;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "samsyn-sjukfall-"));
  file = join(dir, "certificates.json");
  await writeFile(file, JSON.stringify(contractCertificates));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("samsyn sjukfall", () => {
  it("answers the contract's example in unit mode", async () => {
    const result = await run(["--today", "2016-02-16", "--gap", "5", "--unit", "U1", file]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(result.stdout)).toEqual({ cases: [expect.objectContaining(contractCase)] });
    expect(JSON.parse(result.stdout).cases[0]).toMatchObject({ diagnoses: ["M545"], doctor: "D2" });
  });

  it("computes every unit when --unit is not given, and defaults --today to the caller's date", async () => {
    const result = await run([file]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).cases.map((c: { anchor: string }) => c.anchor)).toEqual(["c2", "c4"]);
  });

  it("reads stdin for -, and accepts --option=value", async () => {
    const result = await run(["--today=2016-02-16", "--unit=U2", "-"], JSON.stringify(contractCertificates));
    expect(JSON.parse(result.stdout).cases).toEqual([
      expect.objectContaining({ anchor: "c4", currentGrade: 75, days: 15, start: "2016-02-14" }),
    ]);
  });

  it("filters by the anchor's doctor", async () => {
    expect(JSON.parse((await run(["--doctor", "D1", file])).stdout)).toEqual({ cases: [] });
    expect(JSON.parse((await run(["--doctor", "D2", file])).stdout).cases).toHaveLength(1);
  });

  it("keeps an ended case for --after-end days, with currentGrade null", async () => {
    const at = (afterEnd: string) =>
      run(["--today", "2016-02-23", "--after-end", afterEnd, "--unit", "U1", file]);
    expect(JSON.parse((await at("2")).stdout)).toEqual({ cases: [] });
    expect(JSON.parse((await at("3")).stdout).cases).toEqual([
      expect.objectContaining({ ...contractCase, currentGrade: null }),
    ]);
  });

  it("gives every case per patient and unit in patient mode, newest first", async () => {
    const result = await run(["--mode", "patient", "--today", "2016-02-16", file]);
    const cases = JSON.parse(result.stdout).cases;
    expect(cases.map((c: { certificates: string[] }) => c.certificates)).toEqual([
      ["c1", "c2"],
      ["c3"],
      ["c4"],
    ]);
    expect(cases[1]).toMatchObject({ start: "2015-11-01", days: 30, currentGrade: null, grades: [50] });
  });

  it("leaves out cases starting after --today in patient mode", async () => {
    const result = await run(["--mode", "patient", "--today", "2016-01-31", file]);
    expect(JSON.parse(result.stdout).cases.map((c: { anchor: string }) => c.anchor)).toEqual(["c3"]);
  });

  it("prints its help on stdout with exit 0", async () => {
    const result = await run(["--help"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(/^usage: samsyn sjukfall/);
    expect(result.stdout).toContain("--after-end N");
  });

  it("answers an empty list for an empty array", async () => {
    expect(await run(["-"], "[]")).toEqual({ code: 0, stdout: '{"cases":[]}\n', stderr: "" });
  });

  it.each([
    [[], /no input FILE/],
    [["a.json", "b.json"], /exactly one FILE/],
    [["--gap", "91", "-"], /--gap must be an integer from 0 to 90 \(got "91"\)/],
    [["--gap", "-1", "-"], /--gap must be an integer from 0 to 90/],
    [["--gap", "2.5", "-"], /--gap must be an integer/],
    [["--after-end", "15", "-"], /--after-end must be an integer from 0 to 14/],
    [["--today", "2016-02-30", "-"], /--today must be an existing date/],
    [["--mode", "region", "-"], /--mode must be unit or patient/],
    [["--gap"], /--gap needs a value/],
    [["--verbose", "-"], /unknown option --verbose/],
    [["-x", "-"], /unknown option -x/],
    [["--help=yes", "-"], /unknown option --help=yes/],
    [["--gap", "1", "--gap", "2", "-"], /--gap is given more than once/],
    [["--unit", "", "-"], /--unit must not be empty/],
  ])("exits 2 on bad usage %j", async (args, message) => {
    const result = await run(args, "[]");
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/usage: samsyn sjukfall/);
  });

  it.each([
    ["{not json", /stdin is not valid JSON/],
    ['{"cases": []}', /must be a JSON array/],
    ["null", /must be a JSON array/],
  ])("exits 2 on input that is not a JSON array: %s", async (input, message) => {
    const result = await run(["-"], input);
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toMatch(message);
  });

  it("leaves out only the invalid certificates, names them on stderr and computes the rest", async () => {
    const overlapping = {
      ...contractCertificates[1],
      id: "bad-periods",
      periods: [
        { from: "2016-02-01", to: "2016-02-10", grade: 100 },
        { from: "2016-02-10", to: "2016-02-25", grade: 50 },
      ],
    };
    const input = [
      { id: "no-patient" },
      ...contractCertificates,
      overlapping,
      { ...contractCertificates[0], doctor: "D9" },
    ];
    const result = await run(["--unit", "U1", "-"], JSON.stringify(input));
    expect(result.code).toBe(0);
    // stdout stays the contract's JSON, the same answer as without the invalid certificates.
    expect(JSON.parse(result.stdout)).toEqual({ cases: [expect.objectContaining(contractCase)] });
    expect(result.stderr).toContain(
      'left out 3 invalid certificates in stdin: [0] "no-patient", [5] "bad-periods", [6] "c1"',
    );
    expect(result.stderr).toContain('certificate [0] (id "no-patient"): patient is missing');
    expect(result.stderr).toContain(
      'certificate [5] (id "bad-periods"): periods must not overlap (not even by a day)',
    );
    expect(result.stderr).toContain('certificate [6] (id "c1"): id is already used by certificate [1]');
  });

  it("exits 2 when the file cannot be read", async () => {
    const result = await run([join(dir, "missing.json")]);
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toMatch(/cannot read .*missing\.json/);
  });
});

describe("samsyn sjukfall, end to end through bin/samsyn.mjs", () => {
  it("answers the contract's example from a file and from stdin", async () => {
    const fromFile = await runCli(["sjukfall", "--today", "2016-02-16", "--gap", "5", "--unit", "U1", file]);
    expect(fromFile).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(fromFile.stdout)).toEqual({ cases: [expect.objectContaining(contractCase)] });
    const fromStdin = await runCli(
      ["sjukfall", "--today", "2016-02-16", "--unit", "U1", "-"],
      {},
      JSON.stringify(contractCertificates),
    );
    expect(fromStdin.stdout).toBe(fromFile.stdout);
  });

  it("exits 2 with a message on stderr and nothing on stdout", async () => {
    const result = await runCli(["sjukfall", "--after-end", "15", file]);
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toMatch(/--after-end must be an integer from 0 to 14/);
  });
});
