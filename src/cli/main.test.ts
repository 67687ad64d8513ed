/**
 * The command line as a process (`node bin/samsyn.mjs`): answers on stdout only, messages on
 * stderr, and the contract's exit codes — 0 success, 2 bad usage or unreadable input.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./test-cli.ts";

describe("samsyn command line", () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "samsyn-cli-"));
    env = { SAMSYN_DATA_DIR: path.join(dir, "data") };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints help with exit 0, and refuses bad usage with exit 2 and a message on stderr only", async () => {
    const [help, none, unknown, badNumber, badOption, badDate, noSubcommand, noDatabase] = await Promise.all([
      runCli(["--help"], env),
      runCli([], env),
      runCli(["frobnicate"], env),
      runCli(["demo", "--certificates", "many"], env),
      runCli(["demo", "--reset"], env),
      runCli(["demo", "--today", "2026-02-30"], env),
      runCli(["audit"], env),
      runCli(["audit", "verify"], env),
    ]);
    expect(help).toMatchObject({ code: 0, stderr: "" });
    expect(help.stdout).toContain("usage: samsyn <command>");
    expect(help.stdout).toContain("audit verify");

    const refusals = [
      [none, "no command given"],
      [unknown, 'unknown command "frobnicate"'],
      [badNumber, "--certificates must be a whole number"],
      [badOption, "Unknown option '--reset'"],
      [badDate, "--today must be a date"],
      [noSubcommand, "missing subcommand"],
      [noDatabase, "There is no database in"],
    ] as const;
    for (const [run, message] of refusals) {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain(message);
    }
  }, 60_000);

  it("migrates, creates the demo region once, and verifies the audit log", async () => {
    const migrated = await runCli(["migrate"], env);
    expect(migrated.code).toBe(0);
    expect(JSON.parse(migrated.stdout)).toEqual({ migrated: true, database: "pglite" });

    const demo = await runCli(
      ["demo", "--certificates", "300", "--today", "2026-11-23", "--seed", "cli"],
      env,
    );
    expect(demo.code).toBe(0);
    const summary = JSON.parse(demo.stdout);
    expect(summary).toMatchObject({
      created: true,
      database: "pglite",
      seed: "cli",
      today: "2026-11-23",
      units: 3,
      users: 35,
      certificates: 300,
      password: "samsyn-demo",
    });
    expect(demo.stderr).toContain("samsyn-demo");

    const again = await runCli(["demo"], env);
    expect(again.code).toBe(2);
    expect(again.stdout).toBe("");
    expect(again.stderr).toContain("already holds a region");

    const verified = await runCli(["audit", "verify"], env);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toEqual({
      ok: true,
      events: 0,
      sealed: 0,
      chains: 0,
      unsealed: { count: 0, oldestAt: null },
      checkpoint: { file: path.join(dir, "data", "audit", "checkpoints.jsonl"), lines: 0, chains: 0 },
      problems: [],
    });
  }, 180_000); // three CLI processes, a PGlite cold start and the demo region, beside another test worker

  it("refuses a data directory that another process (a running server) holds", async () => {
    const dataDir = path.join(dir, "locked");
    const first = await runCli(["migrate"], { SAMSYN_DATA_DIR: dataDir });
    expect(first.code).toBe(0);
    // This test process plays the running server: a live pid in the lock file.
    writeFileSync(path.join(dataDir, "samsyn.lock"), String(process.pid));
    try {
      const refused = await runCli(["migrate"], { SAMSYN_DATA_DIR: dataDir });
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe("");
      expect(refused.stderr).toContain(`is in use by process ${process.pid}`);
    } finally {
      rmSync(path.join(dataDir, "samsyn.lock"));
    }
  }, 120_000); // a server process and a CLI process, each starting PGlite

  it("says plainly when the PostgreSQL server cannot be reached, without echoing the URL", async () => {
    const run = await runCli(["migrate"], { DATABASE_URL: "postgres://someone:secret@127.0.0.1:1/samsyn" });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("Cannot connect to the PostgreSQL server in DATABASE_URL");
    expect(run.stderr).not.toContain("secret");
  }, 60_000); // a CLI process, beside another test worker
});
