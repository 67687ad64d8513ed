// `npm test`: the whole suite — typecheck, lint, unit/storage/API tests on PGlite and on the
// PostgreSQL server, then the browser tests in Debian's Chromium (installed when missing), and the
// unit/storage/API tests once more with the clock moved (SAMSYN_NOW) to a date that tends to break
// date code. SAMSYN_NOW set by the caller moves the clock of every other pass.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const env = { ...process.env, TZ: "Europe/Stockholm" };
if (!env.TEST_DATABASE_URL) {
  env.TEST_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test";
  console.log(`TEST_DATABASE_URL not set: using ${env.TEST_DATABASE_URL}`);
}

// New Year's Eve late in the evening, Stockholm time: 30 minutes before the year (and, in UTC, an
// hour before the date) changes. Day counts, year ends and "today" versus UTC all meet here.
const shiftedNow = "2027-12-31T23:30:00+01:00";

if (env.SAMSYN_NOW) console.log(`SAMSYN_NOW=${env.SAMSYN_NOW}: the clock starts there in every pass`);

function run(title, command, args, extraEnv = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed`);
    process.exit(result.status ?? 1);
  }
}

function ensureChromium() {
  if (existsSync("/usr/bin/chromium")) return;
  console.log("\n▶ Installing Debian's Chromium for the browser tests");
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  for (const args of [
    ["apt-get", "update"],
    ["apt-get", "install", "-y", "--no-install-recommends", "chromium"],
  ]) {
    const [cmd, ...rest] = [...sudo, ...args];
    const result = spawnSync(cmd, rest, {
      stdio: "inherit",
      env: { ...env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (result.status !== 0) {
      console.error("Could not install chromium; install it with: apt-get install -y chromium");
      process.exit(1);
    }
  }
}

run("Typecheck", "tsc", ["--noEmit", "-p", "tsconfig.json"]);
run("Lint", "eslint", ["."]);
run("Format", "prettier", ["--check", "."]);
run("Unit, storage and API tests (PGlite and PostgreSQL)", "vitest", ["run"]);
ensureChromium();
// The browser tests' global setup builds the web app and starts the real server on it.
run("Browser tests (Chromium)", "vitest", ["run", "--config", "vitest.browser.config.ts"]);
run(`Unit, storage and API tests again with the clock at ${shiftedNow} (SAMSYN_NOW)`, "vitest", ["run"], {
  SAMSYN_NOW: shiftedNow,
});
