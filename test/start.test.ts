/**
 * The server as a process: it starts on an embedded database, refuses a second process on the
 * same data directory, shuts down gracefully on SIGTERM, and its data survives a restart.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/client.ts";
import { region } from "../src/db/schema.ts";

const root = path.resolve(import.meta.dirname, "..");

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(dataDir: string, port: number): Started {
  const child = spawn(process.execPath, ["src/app/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      SAMSYN_DATA_DIR: dataDir,
      PORT: String(port),
      SAMSYN_DEMO: "off",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += String(d)));
  child.stderr!.on("data", (d) => (output += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

// A cold server start (PGlite, migrations, the audit key) beside another test worker on 2 cores.
async function waitFor(condition: () => boolean, what: string, ms = 90_000) {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("server process", () => {
  it("starts, refuses a second process, stops gracefully and keeps its data", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "samsyn-start-"));
    const port = await freePort();

    const first = start(dataDir, port);
    await waitFor(() => first.output().includes("Samsyn körs på"), "the server to listen");
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(await health.json()).toEqual({
      status: "ok",
      database: "pglite",
      audit: expect.objectContaining({ healthy: true }),
    });
    // No personnummer in the log (pino times are 13-digit epoch milliseconds, so only the dashed form is unambiguous).
    expect(first.output()).not.toMatch(/(?<!\d)(19|20)\d{6}-\d{4}(?!\d)/);

    const second = start(dataDir, await freePort());
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain("is in use by process");

    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain("shutting down");

    // Data written while stopped is there after the next start and stop.
    const database = await openDatabase({ kind: "pglite", dataDir });
    await database.db.insert(region).values({ id: "R-KVAR", name: "Kvarstående" });
    await database.close();
    const again = start(dataDir, port);
    await waitFor(() => again.output().includes("Samsyn körs på"), "the restart");
    again.child.kill("SIGTERM");
    expect(await again.exited).toBe(0);
    const reopened = await openDatabase({ kind: "pglite", dataDir });
    expect(await reopened.db.select().from(region)).toEqual([expect.objectContaining({ id: "R-KVAR" })]);
    await reopened.close();
  }, 240_000);
});
