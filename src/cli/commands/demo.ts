/**
 * `samsyn demo [--certificates N] [--seed S] [--today YYYY-MM-DD]`: fills an empty database with
 * the demo region. Without --certificates: the three demo health centres with their staff, ~9,000
 * listed patients and two years of certificates. With it: exactly N certificates over five years
 * on as many units as that needs (~20,000 per unit), streamed in batches for load tests.
 */
import { isIsoDate } from "../../cases/days.ts";
import { DemoRefusedError, runDemo, type DemoProgress } from "../../demo/load.ts";
import { withDatabase } from "../database.ts";
import { integerOption, parseOptions, UsageError, write, writeJson, type CommandIo } from "../io.ts";

export const demoUsage = "usage: samsyn demo [--certificates N] [--seed S] [--today YYYY-MM-DD]";

export const demoHelp = `${demoUsage}

Creates the demo region in an empty database (DATABASE_URL, or the embedded database in
SAMSYN_DATA_DIR, default ./data) and refuses a database that already holds a region.
Every demo account has the password samsyn-demo (lakare1a, rehab1, sekr1, chef1, admin, …).
Patients use only Skatteverket's test personnummer.

  --certificates N   scale: exactly N certificates over five years, on max(3, ⌈N / 20000⌉)
                     units (1000000 → 50 units); progress is printed on stderr
  --seed S           another seed gives another, equally plausible region (default: samsyn)
  --today DATE       the day the data ends around (default: today in Europe/Stockholm)

Prints a JSON summary (units, users, patients, certificates, ärenden, seconds) on stdout.
`;

function progressLine(progress: DemoProgress, target: number | undefined): string {
  const done = progress.counts.certificate;
  const share = target ? ` (${Math.floor((done / target) * 100)} %)` : "";
  return `samsyn demo: ${done.toLocaleString("en")} certificates${share}, ${progress.counts.patient.toLocaleString("en")} patients, ${progress.seconds.toFixed(0)} s\n`;
}

export async function demoCommand(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseOptions(
    args,
    {
      help: { type: "boolean", short: "h" },
      certificates: { type: "string" },
      seed: { type: "string" },
      today: { type: "string" },
    },
    demoUsage,
  );
  if (values.help) {
    await write(io.stdout, demoHelp);
    return 0;
  }
  const certificates = integerOption(
    values.certificates,
    "certificates",
    { min: 1, max: 100_000_000 },
    demoUsage,
  );
  const seed = values.seed ?? undefined;
  if (seed !== undefined && seed.trim() === "") throw new UsageError("--seed must not be empty", demoUsage);
  const today = values.today ?? io.today;
  if (!isIsoDate(today))
    throw new UsageError(`--today must be a date YYYY-MM-DD (got "${today}")`, demoUsage);

  const result = await withDatabase(io, {}, async (database) => {
    await database.migrate();
    try {
      const demo = await runDemo(database, {
        today,
        seed,
        certificates,
        onProgress: certificates
          ? (progress) => void io.stderr.write(progressLine(progress, certificates))
          : undefined,
      });
      return { database: database.kind, demo };
    } catch (error) {
      if (error instanceof DemoRefusedError) {
        throw new UsageError(
          `${error.message} Use an empty database (another SAMSYN_DATA_DIR or DATABASE_URL).`,
        );
      }
      throw error;
    }
  });
  const { demo } = result;
  await write(
    io.stderr,
    `samsyn demo: done. Log in as e.g. rehab1 or lakare1a with the password ${demo.password}\n`,
  );
  await writeJson(io, {
    created: true,
    database: result.database,
    seed: demo.seed,
    today: demo.today,
    years: demo.plan.years,
    units: demo.counts.unit,
    users: demo.counts.appUser,
    patients: demo.counts.patient,
    certificates: demo.counts.certificate,
    arenden: demo.counts.fkArende,
    seconds: demo.seconds,
    password: demo.password,
  });
  return 0;
}
