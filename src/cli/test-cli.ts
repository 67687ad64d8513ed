/** Test support: runs the real `samsyn` executable as a user would, with its own environment. */
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `node bin/samsyn.mjs …` with the project's Node first on PATH. DATABASE_URL and SAMSYN_DATA_DIR
 * come only from `env` (never from the calling shell), so a test cannot touch a real database.
 */
export function runCli(args: string[], env: Record<string, string> = {}, stdin = ""): Promise<CliRun> {
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  delete inherited.SAMSYN_DATA_DIR;
  const child = spawn("node", [path.join(root, "bin/samsyn.mjs"), ...args], {
    cwd: root,
    env: {
      ...inherited,
      PATH: `${path.join(root, "node_modules/.bin")}${path.delimiter}${process.env.PATH ?? ""}`,
      ...env,
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += String(chunk)));
  child.stderr.on("data", (chunk) => (stderr += String(chunk)));
  child.stdin.end(stdin);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
