/** The real server as a child process on a data directory, for tests that need a running server. */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
  /** Resolves once it listens; rejects when it exits first or takes too long. */
  listening: () => Promise<void>;
  stop: () => Promise<number | null>;
}

export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  const child = spawn(process.execPath, ["src/app/main.ts"], {
    cwd: root,
    env: { ...inherited, PORT: String(port), SAMSYN_DEMO: "off", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += String(d)));
  child.stderr!.on("data", (d) => (output += String(d)));
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      exitCode = code;
      resolve(code);
    }),
  );
  return {
    child,
    port,
    output: () => output,
    exited,
    listening: async () => {
      const until = performance.now() + 60_000; // a duration: the monotonic timer, not the clock
      while (!output.includes("Samsyn körs på")) {
        if (exitCode !== undefined) throw new Error(`the server exited with ${exitCode}:\n${output}`);
        if (performance.now() > until) throw new Error(`the server did not start:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    stop: () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}
