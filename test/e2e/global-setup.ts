/**
 * Builds the web app, starts the real server (node src/app/main.ts) on a free port with its own
 * data directory (the first start loads the demo region), waits for /api/health, and stops it
 * afterwards. Tests get the address with inject("baseUrl").
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "vite";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const repoRoot = path.resolve(import.meta.dirname, "../..");
const startTimeoutMs = 10 * 60_000;

export default async function setup(project: TestProject) {
  // Against a server that already runs (while developing): SAMSYN_E2E_URL=http://localhost:3000
  const running = process.env.SAMSYN_E2E_URL;
  if (running) {
    project.provide("baseUrl", running.replace(/\/$/, ""));
    return;
  }
  // Vite takes the bundle's NODE_ENV from the process, and vitest sets it to "test": build the
  // production bundle that users get (React's production build, the real first-page size).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ configFile: path.join(repoRoot, "vite.config.ts"), logLevel: "warn" });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }

  if (process.env.SAMSYN_NOW)
    console.warn(`Browser tests with the server's clock at ${process.env.SAMSYN_NOW}`);
  const dataDir = mkdtempSync(path.join(tmpdir(), "samsyn-e2e-"));
  const logFile = path.join(dataDir, "server.log");
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = createWriteStream(logFile);
  const server = spawn(process.execPath, ["src/app/main.ts"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      SAMSYN_DATA_DIR: path.join(dataDir, "data"),
      SAMSYN_PUBLIC_URL: baseUrl,
      SAMSYN_AUTH_MODE: "demo",
      SAMSYN_DEMO: "auto",
      // The embedded database with the demo region, whatever the calling shell points at.
      DATABASE_URL: undefined,
      // The server's clock, and with it the demo region and the web app's today (the tests read
      // it from the session): SAMSYN_NOW from the caller moves it, unset it is the wall clock.
      SAMSYN_NOW: process.env.SAMSYN_NOW,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout.pipe(log);
  server.stderr.pipe(log);

  const stop = async () => {
    await stopServer(server);
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, server);
  } catch (error) {
    const output = readFileSync(logFile, "utf8").slice(-4000);
    await stop();
    throw new Error(`${(error as Error).message}\nServer output:\n${output}`, { cause: error });
  }
  project.provide("baseUrl", baseUrl);
  return stop;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

async function waitForHealth(baseUrl: string, server: ChildProcess) {
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode}.`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet (the first start loads the demo region).
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The server did not answer ${baseUrl}/api/health within ${startTimeoutMs / 1000} s.`);
}

async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  const timeout = setTimeout(() => server.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timeout);
}
