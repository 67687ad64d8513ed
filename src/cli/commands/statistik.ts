/**
 * `samsyn statistik [options] FILE|-` — the sick-leave statistics of a unit or a region, split by
 * women and men, exactly per `../shared/contracts/README.md` (figures: `src/statistics`). stdout
 * holds only the answer (exit 0). As for `samsyn sjukfall`, a certificate (or ärende) that breaks
 * the format is left out and named on stderr, the others are computed (exit 0); bad usage,
 * unreadable input or a file that is not a JSON array give a message on stderr (exit 2).
 */
import { parseSjukfallCertificates } from "../../cases/certificate-schema.ts";
import { isIsoDate } from "../../cases/days.ts";
import { GAP_MAX } from "../../cases/options.ts";
import { parseStatisticsArenden } from "../../statistics/arende-input.ts";
import {
  defaultRange,
  isEmptyRange,
  isMonth,
  PERIOD_KINDS,
  type PeriodKind,
} from "../../statistics/periods.ts";
import {
  computeStatistics,
  SUPPRESS_MAX,
  type StatisticsArende,
  type StatisticsOptions,
} from "../../statistics/statistics.ts";
import type { SjukfallCertificate } from "../../cases/types.ts";
import { integerOption, parseOptions, UsageError, write, type CommandIo } from "../io.ts";
import { leftOutMessage, readJsonInput, sourceName } from "../json-input.ts";

export const statistikUsage =
  "usage: samsyn statistik [--today YYYY-MM-DD] [--gap N] [--from YYYY-MM] [--to YYYY-MM] " +
  "[--by month|quarter|year] [--unit ID] [--arenden FILE] [--suppress N] FILE|-";

export const statistikHelp = `${statistikUsage}

Computes the sick-leave statistics of a unit or a region, split by women and men, from FILE, a JSON
array of certificates in the samsyn sjukfall format (- reads stdin), and prints one JSON object:
ongoing, ongoingByLength, ongoingByGrade, newCases and kompletteringar.

  --today YYYY-MM-DD      the day the statistics are seen from (default: today in Stockholm)
  --gap N                 most empty days between certificates of one case (0-${GAP_MAX}, default 5)
  --from YYYY-MM          first month of the range (default: 11 months before --today's month)
  --to YYYY-MM            last month of the range (default: the month of --today)
  --by month|quarter|year the periods of newCases (default month); quarter and year widen the
                          range to whole quarters or years
  --unit ID               only this unit's certificates (default: all units together)
  --arenden FILE          JSON array of what Försäkringskassan sent back:
                          { "id", "certificate", "type": "KOMPLT|FRAGA|KONTKT|OVRIGT",
                            "received": "YYYY-MM-DD", "questions": ["35", "17"] }
                          (only KOMPLT counts)
  --suppress N            hide counts from 1 to N-1, with secondary suppression (0-${SUPPRESS_MAX},
                          default 0: nothing hidden)
`;

const options = {
  help: { type: "boolean", short: "h" },
  today: { type: "string" },
  gap: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  by: { type: "string" },
  unit: { type: "string" },
  arenden: { type: "string" },
  suppress: { type: "string" },
} as const;

function usageError(message: string): UsageError {
  return new UsageError(message, statistikUsage);
}

function monthOption(text: string | undefined, name: "from" | "to"): string | undefined {
  if (text !== undefined && !isMonth(text))
    throw usageError(`--${name} must be a month YYYY-MM (got "${text}")`);
  return text;
}

function parseRequest(args: string[], defaultToday: string) {
  const { values, positionals } = parseOptions(args, options, statistikUsage, true);
  if (values.help) return { help: true as const };
  if (positionals.length !== 1) {
    throw usageError(
      positionals.length === 0 ? "no input FILE given (use - for stdin)" : "give exactly one FILE",
    );
  }
  const today = values.today ?? defaultToday;
  if (!isIsoDate(today)) throw usageError(`--today must be an existing date YYYY-MM-DD (got "${today}")`);
  const by = values.by ?? "month";
  if (!(PERIOD_KINDS as readonly string[]).includes(by)) {
    throw usageError(`--by must be month, quarter or year (got "${by}")`);
  }
  for (const name of ["unit", "arenden"] as const) {
    if (values[name] === "") throw usageError(`--${name} must not be empty`);
  }
  const file = positionals[0]!;
  if (values.arenden === "-" && file === "-")
    throw usageError("only one of FILE and --arenden can be read from stdin");
  const request: StatisticsOptions = {
    today,
    gap: integerOption(values.gap, "gap", { min: 0, max: GAP_MAX }, statistikUsage),
    from: monthOption(values.from, "from"),
    to: monthOption(values.to, "to"),
    by: by as PeriodKind,
    unit: values.unit,
    suppress: integerOption(values.suppress, "suppress", { min: 0, max: SUPPRESS_MAX }, statistikUsage),
  };
  const fallback = defaultRange(today);
  const range = { from: request.from ?? fallback.from, to: request.to ?? fallback.to };
  if (isEmptyRange(range)) throw usageError(`--from (${range.from}) must not come after --to (${range.to})`);
  return { help: false as const, request, file, arenden: values.arenden };
}

async function readCertificates(file: string, io: CommandIo): Promise<SjukfallCertificate[]> {
  const parsed = parseSjukfallCertificates(await readJsonInput(file, io.stdin));
  if (!parsed.ok) throw new UsageError(`${sourceName(file)}: ${parsed.problems.join("; ")}`);
  if (parsed.leftOut.length > 0) {
    const noun = { one: "certificate", many: "certificates" };
    await write(io.stderr, leftOutMessage("statistik", sourceName(file), noun, parsed));
  }
  return parsed.certificates;
}

async function readArenden(file: string | undefined, io: CommandIo): Promise<StatisticsArende[]> {
  if (file === undefined) return [];
  const parsed = parseStatisticsArenden(await readJsonInput(file, io.stdin));
  if (!parsed.ok) throw new UsageError(`--arenden ${sourceName(file)}: ${parsed.problems.join("; ")}`);
  if (parsed.leftOut.length > 0) {
    const noun = { one: "ärende", many: "ärenden" };
    await write(io.stderr, leftOutMessage("statistik", `--arenden ${sourceName(file)}`, noun, parsed));
  }
  return parsed.arenden;
}

/** Runs the command; resolves to the exit code (bad usage throws UsageError: exit 2 in main). */
export async function statistikCommand(args: string[], io: CommandIo): Promise<number> {
  const parsed = parseRequest(args, io.today);
  if (parsed.help) {
    await write(io.stdout, statistikHelp);
    return 0;
  }
  const certificates = await readCertificates(parsed.file, io);
  const arenden = await readArenden(parsed.arenden, io);
  const answer = computeStatistics(certificates, arenden, parsed.request);
  await write(io.stdout, `${JSON.stringify(answer)}\n`);
  return 0;
}
