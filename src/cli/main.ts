/**
 * `samsyn …`: the command line. Each command is its own module in ./commands; this file only
 * dispatches and turns failures into the contract's exit codes (`../shared/contracts/README.md`).
 */
import { clock } from "../dates/clock.ts";
import { errorMessage, exitCodes, UsageError, write, type Command, type CommandIo } from "./io.ts";

interface CommandEntry {
  /** As typed after "samsyn". */
  name: string;
  summary: string;
  run: Command;
}

/**
 * A command's module is loaded when it runs: `sjukfall` and `intyg validate` need no database
 * driver, PDF or server code, and the CLI starts in a fraction of the time.
 */
function lazy<K extends string>(load: () => Promise<Record<K, Command>>, name: K): Command {
  return async (args, io) => (await load())[name](args, io);
}

const commands: Record<string, CommandEntry> = {
  migrate: {
    name: "migrate",
    summary: "apply the database migrations",
    run: lazy(() => import("./commands/migrate.ts"), "migrateCommand"),
  },
  demo: {
    name: "demo",
    summary: "create the demo region in an empty database",
    run: lazy(() => import("./commands/demo.ts"), "demoCommand"),
  },
  audit: {
    name: "audit verify",
    summary:
      "verify the audit log's keyed chains and checkpoints (exit 1 when tampered with); also seal, rotate-key",
    run: lazy(() => import("./commands/audit.ts"), "auditCommand"),
  },
  backup: {
    name: "backup FILE",
    summary: "back up the embedded database (online: a running server takes the snapshot)",
    run: lazy(() => import("./commands/backup.ts"), "backupCommand"),
  },
  restore: {
    name: "restore FILE",
    summary: "restore a backup into an empty embedded data directory and verify it",
    run: lazy(() => import("./commands/backup.ts"), "restoreCommand"),
  },
  sjukfall: {
    name: "sjukfall",
    summary: "compute sick-leave cases from a JSON array of certificates",
    run: lazy(() => import("./commands/sjukfall.ts"), "sjukfallCommand"),
  },
  statistik: {
    name: "statistik",
    summary: "compute sick-leave statistics split by women and men from certificates",
    run: lazy(() => import("./commands/statistik.ts"), "statistikCommand"),
  },
  intyg: {
    name: "intyg validate",
    summary: "validate an FK 7804 certificate draft (JSON) by the certificate rules",
    run: lazy(() => import("./commands/intyg-validate.ts"), "intygCommand"),
  },
  import: {
    name: "import certificates",
    summary:
      "import certificates from another system (JSON or CSV), in chunks, with progress; import listning: the listed population (CSV)",
    run: lazy(() => import("./commands/import.ts"), "importCommand"),
  },
  fmb: {
    name: "fmb import",
    summary: "store a newer FMB dump in the database (used from the next server start)",
    run: lazy(() => import("./commands/fmb-import.ts"), "fmbCommand"),
  },
};

export const help = `Samsyn – the sick-leave process for Swedish primary care.

usage: samsyn <command> [options]     (samsyn <command> --help for a command's options)

commands:
${Object.values(commands)
  .map((c) => `  ${c.name.padEnd(20)} ${c.summary}`)
  .join("\n")}

The database is the server's: DATABASE_URL (PostgreSQL) when set, else the embedded database in
SAMSYN_DATA_DIR (default ./data). Answers are JSON on stdout; messages go to stderr.
Exit codes: 0 success, 1 problems found or an unexpected failure, 2 bad usage or unreadable input.
`;

export function processIo(): CommandIo {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    today: clock().today(),
    env: process.env,
  };
}

/** Runs the command line; resolves to the exit code. */
export async function main(argv: string[], io: CommandIo = processIo()): Promise<number> {
  const [name, ...args] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    await write(io.stdout, help);
    return exitCodes.ok;
  }
  if (name === undefined) {
    await write(io.stderr, `samsyn: no command given\n\n${help}`);
    return exitCodes.usage;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    await write(io.stderr, `samsyn: unknown command "${name}" (samsyn --help lists the commands)\n`);
    return exitCodes.usage;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      await write(io.stderr, `samsyn ${name}: ${error.message}\n${error.usage ? `${error.usage}\n` : ""}`);
      return exitCodes.usage;
    }
    await write(io.stderr, `samsyn ${name}: failed: ${errorMessage(error)}\n`);
    return exitCodes.failed;
  }
}
