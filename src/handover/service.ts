/**
 * Handovers (överlämning): the operations behind the routes, each inside the caller's transaction.
 * Changes on a unit are serialized (the overlap rules read, then write) and logged as
 * administration: a handover names doctors and dates, never a patient.
 */
import type { Actor, ActorAssignment } from "../access/actor.ts";
import { recordAudit } from "../audit/audit.ts";
import type { Tx } from "../db/client.ts";
import { unitDoctors } from "../org/store.ts";
import { ApiError, errors } from "../server/errors.ts";
import { checkEndEarly, checkHandover, type Problem } from "./rules.ts";
import { endHandover, findHandover, insertHandover, listHandovers, lockHandovers } from "./store.ts";
import { handoverViews } from "./view.ts";

export interface HandoverContext {
  tx: Tx;
  actor: Actor;
  grant: ActorAssignment;
  unitId: string;
  now: Date;
  today: string;
}

const handoverPurpose = "Överlämning av sjukfall vid frånvaro";

function invalid(problems: Problem[]): never {
  throw new ApiError(400, "BAD_REQUEST", problems[0]!.message, { issues: problems });
}

export async function loadHandovers(ctx: Pick<HandoverContext, "tx" | "unitId" | "today">) {
  const { tx, unitId, today } = ctx;
  return {
    today,
    doctors: await unitDoctors(tx, unitId, today),
    handovers: await handoverViews(tx, await listHandovers(tx, unitId), today),
  };
}

export async function createHandover(
  ctx: HandoverContext,
  input: { fromDoctorId: string; toDoctorId: string; startDate: string; endDate: string; reason: string },
) {
  const { tx, unitId, today, actor, grant } = ctx;
  await lockHandovers(tx, unitId);
  const doctors = new Set((await unitDoctors(tx, unitId, today)).map((d) => d.id));
  const problems = checkHandover(input, await listHandovers(tx, unitId), doctors, today);
  if (problems.length > 0) invalid(problems);
  const row = await insertHandover(tx, {
    ...input,
    unitId,
    reason: input.reason.trim(),
    recordedBy: actor.userId,
  });
  await recordAudit(tx, { actor, grant }, [
    {
      action: "ADMIN",
      purpose: handoverPurpose,
      entity: "handover",
      entityId: row.id,
      details: { event: "CREATED", startDate: row.startDate, endDate: row.endDate },
    },
  ]);
  return (await handoverViews(tx, [row], today))[0]!;
}

export async function endHandoverEarly(ctx: HandoverContext, id: string, version: number, lastDay: string) {
  const { tx, unitId, today, actor, grant } = ctx;
  await lockHandovers(tx, unitId);
  const row = await findHandover(tx, unitId, id);
  if (!row) throw errors.notFound();
  if (row.version !== version) throw errors.conflict((await handoverViews(tx, [row], today))[0]);
  const problems = checkEndEarly(row, lastDay, today);
  if (problems.length > 0) invalid(problems);
  const ended = await endHandover(tx, unitId, id, version, {
    endedOn: lastDay,
    endedBy: actor.userId,
    endedAt: ctx.now.toISOString(),
  });
  if (!ended)
    throw errors.conflict((await handoverViews(tx, [(await findHandover(tx, unitId, id))!], today))[0]);
  await recordAudit(tx, { actor, grant }, [
    {
      action: "ADMIN",
      purpose: handoverPurpose,
      entity: "handover",
      entityId: id,
      details: { event: "ENDED", lastDay },
    },
  ]);
  return (await handoverViews(tx, [ended], today))[0]!;
}
