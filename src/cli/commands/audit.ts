/**
 * `samsyn audit verify`: checks the audit log's hash chains (PRODUCT §8). Exits 1 when a problem
 * is found — an edited, deleted or reordered event — so a scheduled job or script notices.
 */
import { verifyAuditLog } from "../../audit/verify.ts";
import { isMissingTable, withDatabase } from "../database.ts";
import {
  exitCodes,
  integerOption,
  parseOptions,
  UsageError,
  write,
  writeJson,
  type CommandIo,
} from "../io.ts";

export const auditUsage = "usage: samsyn audit verify [--limit N]";

export const auditHelp = `${auditUsage}

Verifies the audit log of the configured database: every event's hash must match its content and
link to the previous event of its chain (one chain per unit), positions must have no gaps, and
each chain's head must point at its last event.

Prints {"ok": boolean, "events": N, "chains": N, "problems": [{chain, seq, position, problem}]},
problem being HASH_MISMATCH, BROKEN_LINK, POSITION_GAP or HEAD_MISMATCH.
Exit code: 0 when the log is intact, 1 when problems were found, 2 on bad usage or no database.

  --limit N   report at most N row problems (default 1000)
`;

export async function auditCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    { help: { type: "boolean", short: "h" }, limit: { type: "string" } },
    auditUsage,
    true,
  );
  if (values.help) {
    await write(io.stdout, auditHelp);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] !== "verify") {
    throw new UsageError(
      positionals.length === 0 ? "missing subcommand" : `unknown subcommand "${positionals.join(" ")}"`,
      auditUsage,
    );
  }
  const limit = integerOption(values.limit, "limit", { min: 1, max: 1_000_000 }, auditUsage) ?? 1000;
  const result = await withDatabase(io, { mustExist: true }, async (database) => {
    try {
      return await verifyAuditLog(database.db, limit);
    } catch (error) {
      if (isMissingTable(error)) {
        throw new UsageError("The database has no audit log yet: run samsyn migrate first.");
      }
      throw error;
    }
  });
  await writeJson(io, result);
  return result.ok ? exitCodes.ok : exitCodes.problems;
}
