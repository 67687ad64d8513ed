/**
 * `samsyn intyg validate [--today YYYY-MM-DD] [--history FILE] FILE|-` — judges one FK 7804
 * (version 2) draft by the rules of PRODUCT §3, exactly per `../shared/contracts/README.md`: stdout
 * holds only `{ "valid", "errors", "warnings" }` (exit 0, also when the certificate is invalid);
 * bad usage or unreadable input give a message on stderr and exit 2.
 *
 * The reference data is what Samsyn ships: ICD-10-SE and the shipped FMB dump (the command reads
 * no database).
 */
import { parseSjukfallCertificates } from "../../cases/certificate-schema.ts";
import { isIsoDate } from "../../cases/days.ts";
import type { SjukfallCertificate } from "../../cases/types.ts";
import { validateCertificate, type CertificateDraft } from "../../certificates/rules/index.ts";
import { loadShippedFmb } from "../../reference/fmb/load.ts";
import { loadIcd10 } from "../../reference/icd10/load.ts";
import { parseOptions, UsageError, write, type CommandIo } from "../io.ts";
import { readJsonInput } from "../json-input.ts";

export const intygUsage = "usage: samsyn intyg validate [--today YYYY-MM-DD] [--history FILE] FILE|-";

export const intygHelp = `${intygUsage}

Validates one FK 7804 (version 2) certificate draft, FILE (a JSON object; - reads stdin), and
prints {"valid": boolean, "errors": [{field, message}], "warnings": [{field, code, message}]}.
field is the FK question id ("1", "1.3", "6", "32", "33.2", "39.4", …; "enhet" for the unit's
contact data); warning codes are EARLY_START, FMB_EXCEEDED and SHORT_CASE. An invalid certificate
is an answer: exit 0. Exit 2 on bad usage or unreadable input.

  --today YYYY-MM-DD   the day the draft is judged on (default: today in Stockholm)
  --history FILE       JSON array of the patient's other certificates on the same unit, in the
                       samsyn sjukfall format (for the FMB total length and SHORT_CASE)
`;

async function readHistory(file: string, stdin: NodeJS.ReadableStream): Promise<SjukfallCertificate[]> {
  const parsed = parseSjukfallCertificates(await readJsonInput(file, stdin));
  // The history decides the FMB total: a left-out certificate would change it silently.
  if (!parsed.ok || parsed.problems.length > 0) {
    throw new UsageError(`invalid certificates in --history ${file}:\n  ${parsed.problems.join("\n  ")}`);
  }
  return parsed.certificates;
}

export async function intygCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    { help: { type: "boolean", short: "h" }, today: { type: "string" }, history: { type: "string" } },
    intygUsage,
    true,
  );
  if (values.help) {
    await write(io.stdout, intygHelp);
    return 0;
  }
  const [subcommand, ...files] = positionals;
  if (subcommand !== "validate") {
    throw new UsageError(
      subcommand === undefined ? "missing subcommand (validate)" : `unknown subcommand "${subcommand}"`,
      intygUsage,
    );
  }
  if (files.length !== 1) {
    throw new UsageError(
      files.length === 0 ? "no input FILE given (use - for stdin)" : "give exactly one FILE",
      intygUsage,
    );
  }
  const today = values.today ?? io.today;
  if (!isIsoDate(today)) {
    throw new UsageError(`--today must be an existing date YYYY-MM-DD (got "${today}")`, intygUsage);
  }
  if (values.history === "-" && files[0] === "-") {
    throw new UsageError("only one of FILE and --history can be read from stdin", intygUsage);
  }
  const draft = await readJsonInput(files[0]!, io.stdin);
  if (typeof draft !== "object" || draft === null || Array.isArray(draft)) {
    throw new UsageError(
      `${files[0] === "-" ? "stdin" : files[0]} must hold a JSON object (the certificate draft)`,
    );
  }
  const history = values.history === undefined ? [] : await readHistory(values.history, io.stdin);
  const icd10 = loadIcd10();
  const fmb = loadShippedFmb();
  const result = validateCertificate(draft as CertificateDraft, {
    today,
    history,
    lookupDiagnosis: (code) => icd10.lookup(code),
    fmbLimitDays: (codes) => fmb.limitDays(codes),
  });
  await write(io.stdout, `${JSON.stringify(result)}\n`);
  return 0;
}
