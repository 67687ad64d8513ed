/**
 * The routine library's operations: the unit's library (own and adopted regional routines, the
 * regional ones offered), one routine with its text, versions and — for the chief — who has not
 * confirmed it; creating and saving (a changed text is a new version), confirming, adopting.
 */
import { grantFor, type Actor } from "../access/actor.ts";
import type { Tx } from "../db/client.ts";
import { errors } from "../server/errors.ts";
import { nextTextVersion, staffConfirmations } from "./rules.ts";
import type { CreateRoutine, RoutineDetail, RoutineLibrary, SaveRoutine } from "./schema.ts";
import {
  confirmationsOf,
  deleteAdoption,
  insertAdoption,
  insertConfirmation,
  insertRoutine,
  insertRoutineText,
  isStaffOf,
  regionOfUnit,
  routinesVisibleTo,
  routineTextOf,
  routineTextVersions,
  unitStaff,
  updateRoutine,
  type RoutineRow,
} from "./store.ts";
import { routineSummaryView, type Viewer } from "./view.ts";

export interface RoutineContext {
  tx: Tx;
  actor: Actor;
  unitId: string;
  today: string;
}

function viewerOf(ctx: RoutineContext): Viewer {
  return {
    roles: ctx.actor.assignments.map((a) => a.role),
    canManage: grantFor(ctx.actor, "routine.manage") !== null,
    canWriteRegional: grantFor(ctx.actor, "routine.region") !== null,
    today: ctx.today,
  };
}

const inLibrary = (row: RoutineRow, adoptedAt: string | null) => row.unitId !== null || adoptedAt !== null;

async function myVersionsOf(ctx: RoutineContext, routineIds: string[]) {
  const mine = await confirmationsOf(ctx.tx, routineIds, [ctx.actor.userId]);
  return (routineId: string) => mine.filter((c) => c.routineId === routineId).map((c) => c.textVersion);
}

export async function routineLibrary(ctx: RoutineContext): Promise<RoutineLibrary> {
  const viewer = viewerOf(ctx);
  const rows = await routinesVisibleTo(ctx.tx, ctx.unitId, await regionOfUnit(ctx.tx, ctx.unitId));
  const versionsOf = await myVersionsOf(
    ctx,
    rows.map((r) => r.row.id),
  );
  const view = (r: (typeof rows)[number]) =>
    routineSummaryView(r.row, r.ownerName, viewer, versionsOf(r.row.id));
  const mayAdopt = viewer.canManage || viewer.canWriteRegional;
  const library = rows.filter((r) => inLibrary(r.row, r.adoptedAt));
  const unconfirmed = viewer.canManage
    ? await unconfirmedCounts(
        ctx,
        library.map((r) => r.row),
      )
    : null;
  return {
    today: ctx.today,
    routines: library.map((r) => ({ ...view(r), unconfirmed: unconfirmed?.get(r.row.id) ?? null })),
    offered: mayAdopt ? rows.filter((r) => !inLibrary(r.row, r.adoptedAt)).map(view) : [],
    canManage: viewer.canManage,
    canWriteRegional: viewer.canWriteRegional,
    owners: mayAdopt
      ? (await unitStaff(ctx.tx, ctx.unitId, ctx.today)).map((m) => ({ id: m.userId, name: m.name }))
      : [],
  };
}

/** Per routine: the unit's staff who must read it and have not confirmed its current version. */
async function unconfirmedCounts(ctx: RoutineContext, routines: RoutineRow[]) {
  const staff = await unitStaff(ctx.tx, ctx.unitId, ctx.today);
  const confirmations = await confirmationsOf(
    ctx.tx,
    routines.map((r) => r.id),
  );
  return new Map(
    routines.map((r) => {
      const mine = confirmations.filter((c) => c.routineId === r.id);
      return [
        r.id,
        staffConfirmations(r, staff, mine).filter((m) => m.state !== "CONFIRMED").length,
      ] as const;
    }),
  );
}

/** One routine the unit can see (404 otherwise: another unit's routine does not exist here). */
async function visibleRoutine(ctx: RoutineContext, id: string) {
  const [found] = await routinesVisibleTo(ctx.tx, ctx.unitId, await regionOfUnit(ctx.tx, ctx.unitId), id);
  if (!found) throw errors.notFound();
  return found;
}

export async function routineDetail(ctx: RoutineContext, id: string): Promise<RoutineDetail> {
  const viewer = viewerOf(ctx);
  const { row, ownerName, adoptedAt } = await visibleRoutine(ctx, id);
  const used = inLibrary(row, adoptedAt);
  // Staff read the unit's library; offered regional routines are for those who decide on adoption.
  if (!used && !viewer.canManage && !viewer.canWriteRegional) throw errors.notFound();
  const text = await routineTextOf(ctx.tx, row.id, row.textVersion);
  const confirmations = await confirmationsOf(ctx.tx, [row.id]);
  const mine = confirmations.filter((c) => c.userId === ctx.actor.userId);
  const staff =
    viewer.canManage && used
      ? staffConfirmations(row, await unitStaff(ctx.tx, ctx.unitId, ctx.today), confirmations).map(
          (member) => ({ ...member, roles: [...member.roles] }),
        )
      : null;
  return {
    ...routineSummaryView(
      row,
      ownerName,
      viewer,
      mine.map((c) => c.textVersion),
    ),
    unconfirmed: staff ? staff.filter((m) => m.state !== "CONFIRMED").length : null,
    body: text?.body ?? "",
    versions: await routineTextVersions(ctx.tx, row.id),
    confirmedAt: mine.find((c) => c.textVersion === row.textVersion)?.confirmedAt ?? null,
    inLibrary: used,
    staff,
  };
}

/** The owner must work on the unit (a unit routine) or in the region (a regional one). */
async function checkOwner(ctx: RoutineContext, ownerId: string, regional: boolean, regionId: string) {
  const ok = await isStaffOf(ctx.tx, ownerId, regional ? { regionId } : { unitId: ctx.unitId });
  if (!ok) {
    const where = regional ? "i regionen" : "på enheten";
    throw errors.badRequest(`Rutinens ägare (ownerId) ska vara en aktiv medarbetare ${where}.`, [
      { path: "ownerId", message: `Välj en ägare som arbetar ${where}.` },
    ]);
  }
}

export async function createRoutine(ctx: RoutineContext, input: CreateRoutine): Promise<RoutineDetail> {
  const regionId = await regionOfUnit(ctx.tx, ctx.unitId);
  if (input.regional && !grantFor(ctx.actor, "routine.region")) throw errors.forbidden();
  if (!input.regional && !grantFor(ctx.actor, "routine.manage")) throw errors.forbidden();
  await checkOwner(ctx, input.ownerId, input.regional, regionId);
  const row = await insertRoutine(ctx.tx, {
    regionId,
    unitId: input.regional ? null : ctx.unitId,
    topic: input.topic,
    title: input.title,
    ownerId: input.ownerId,
    reviewDate: input.reviewDate,
    roles: input.roles,
    createdBy: ctx.actor.userId,
  });
  await insertRoutineText(ctx.tx, {
    routineId: row.id,
    textVersion: 1,
    body: input.body,
    savedBy: ctx.actor.userId,
  });
  return routineDetail(ctx, row.id);
}

/** Saves a change; a changed text becomes a new text version that everyone must confirm again. */
export async function saveRoutine(
  ctx: RoutineContext,
  id: string,
  input: SaveRoutine,
): Promise<{ routine: RoutineDetail; changed: string[] }> {
  const { row } = await visibleRoutine(ctx, id);
  const regional = row.unitId === null;
  if (!grantFor(ctx.actor, regional ? "routine.region" : "routine.manage")) throw errors.forbidden();
  if (row.version !== input.version) throw errors.conflict(await routineDetail(ctx, id));
  if (input.ownerId !== row.ownerId) await checkOwner(ctx, input.ownerId, regional, row.regionId);
  const current = await routineTextOf(ctx.tx, row.id, row.textVersion);
  const textVersion = nextTextVersion(
    { textVersion: row.textVersion, body: current?.body ?? "" },
    input.body,
  );
  const fields = ["title", "topic", "ownerId", "reviewDate"] as const;
  const changed: string[] = fields.filter((field) => row[field] !== input[field]);
  if ([...row.roles].sort().join() !== [...input.roles].sort().join()) changed.push("roles");
  if (textVersion !== row.textVersion) changed.push("body");
  const updated = await updateRoutine(ctx.tx, row.id, row.version, {
    title: input.title,
    topic: input.topic,
    ownerId: input.ownerId,
    reviewDate: input.reviewDate,
    roles: input.roles,
    textVersion,
  });
  if (!updated) throw errors.conflict(await routineDetail(ctx, id));
  if (textVersion !== row.textVersion) {
    await insertRoutineText(ctx.tx, {
      routineId: row.id,
      textVersion,
      body: input.body,
      savedBy: ctx.actor.userId,
    });
  }
  return { routine: await routineDetail(ctx, id), changed };
}

/** "Jag har läst och förstått" for the current text version (409 when a newer one came). */
export async function confirmRoutine(ctx: RoutineContext, id: string, textVersion: number) {
  const { row, adoptedAt } = await visibleRoutine(ctx, id);
  if (!inLibrary(row, adoptedAt)) throw errors.notFound();
  if (row.textVersion !== textVersion) throw errors.conflict(await routineDetail(ctx, id));
  const created = await insertConfirmation(ctx.tx, {
    routineId: row.id,
    textVersion,
    userId: ctx.actor.userId,
    unitId: ctx.unitId,
  });
  return { routine: await routineDetail(ctx, id), created };
}

/** Adopts a regional routine into the unit's library, or stops using it. */
export async function setAdoption(ctx: RoutineContext, id: string, adopt: boolean) {
  const { row } = await visibleRoutine(ctx, id);
  if (row.unitId !== null) {
    throw errors.badRequest("Bara regionens rutiner kan antas (id).", [
      { path: "id", message: "Rutinen är enhetens egen, inte regionens." },
    ]);
  }
  const changed = adopt
    ? await insertAdoption(ctx.tx, { unitId: ctx.unitId, routineId: row.id, adoptedBy: ctx.actor.userId })
    : await deleteAdoption(ctx.tx, ctx.unitId, row.id);
  return { routine: await routineDetail(ctx, id), changed };
}
