/**
 * Organisation API: units (region.units), users and assignments (unit.users on the active unit,
 * region.users everywhere), and the policy (readable by all). Every change is audited.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { can, grantFor, type Actor } from "../access/actor.ts";
import { authorize } from "../access/authorize.ts";
import {
  assignmentRules,
  capabilities,
  policy,
  readsPatientData,
  roles,
  type Capability,
  type Role,
} from "../access/policy.ts";
import { authorizeOnUnitAny } from "../access/authorize.ts";
import { endSessionsOf } from "../auth/session.ts";
import { refuseSelf, requireAssignmentRule, requireAuthorityOver } from "./authority.ts";
import { patientDataGrants } from "./grant-log.ts";
import { recordAudit } from "../audit/audit.ts";
import { hashPassword } from "../auth/password.ts";
import { appUser, assignment, unit } from "../db/schema.ts";
import { errors } from "../server/errors.ts";
import { errorResponses, jsonBody, jsonResponse } from "../server/openapi.ts";
import { createRouter, noPatientData } from "../server/router.ts";
import type { AppEnv } from "../server/env.ts";
import type { Context } from "hono";
import type { Queryable, Tx } from "../db/client.ts";
import { eq } from "drizzle-orm";
import {
  createAssignmentBody,
  createUnitBody,
  createUserBody,
  patientDataGrantsSchema,
  policySchema,
  unitIdParam,
  unitSchema,
  updateUnitBody,
  updateUserBody,
  userSchema,
  uuidParam,
} from "./schema.ts";
import {
  defaultCareProvider,
  findAssignment,
  findUnit,
  findUserByHsaId,
  findUserByUsername,
  listUnits,
  listUsers,
  toUnit,
  unitsOfUser,
  updateUnitRow,
  updateUserRow,
} from "./store.ts";

const route = <R extends Parameters<typeof createRoute>[0]>(r: R) =>
  createRoute({ ...r, ...noPatientData, responses: { ...r.responses, ...errorResponses } });

const routes = {
  listUnits: route({
    method: "get",
    path: "/units",
    tags: ["Organisation"],
    summary: "Units: all of the region for unit administrators, else the user's own",
    responses: { 200: jsonResponse(z.object({ units: z.array(unitSchema) }), "Units") },
  }),
  createUnit: route({
    method: "post",
    path: "/units",
    tags: ["Organisation"],
    summary: "Create a unit (region.units)",
    request: { body: jsonBody(createUnitBody) },
    responses: { 201: jsonResponse(unitSchema, "The new unit") },
  }),
  updateUnit: route({
    method: "patch",
    path: "/units/{id}",
    tags: ["Organisation"],
    summary: "Change a unit (region.units; optimistic concurrency on version)",
    request: { params: unitIdParam, body: jsonBody(updateUnitBody) },
    responses: { 200: jsonResponse(unitSchema, "The unit") },
  }),
  listUsers: route({
    method: "get",
    path: "/users",
    tags: ["Organisation"],
    summary: "Users with assignments: the active unit's (unit.users) or all (region.users)",
    responses: { 200: jsonResponse(z.object({ users: z.array(userSchema) }), "Users") },
  }),
  createUser: route({
    method: "post",
    path: "/users",
    tags: ["Organisation"],
    summary: "Create a user (unit.users or region.users)",
    request: { body: jsonBody(createUserBody) },
    responses: { 201: jsonResponse(userSchema, "The new user") },
  }),
  updateUser: route({
    method: "patch",
    path: "/users/{id}",
    tags: ["Organisation"],
    summary: "Change a user (optimistic concurrency on version)",
    request: { params: uuidParam, body: jsonBody(updateUserBody) },
    responses: { 200: jsonResponse(userSchema, "The user") },
  }),
  createAssignment: route({
    method: "post",
    path: "/assignments",
    tags: ["Organisation"],
    summary: "Give a user a role on a unit",
    request: { body: jsonBody(createAssignmentBody) },
    responses: { 201: jsonResponse(userSchema, "The user with the new assignment") },
  }),
  deleteAssignment: route({
    method: "delete",
    path: "/assignments/{id}",
    tags: ["Organisation"],
    summary: "Remove an assignment",
    request: { params: uuidParam },
    responses: { 200: jsonResponse(userSchema, "The user without the assignment") },
  }),
  patientDataGrants: route({
    method: "get",
    path: "/assignments/patient-data-grants",
    tags: ["Organisation"],
    summary: "Recent grants of roles that read patient data on the active unit (for its chief)",
    responses: { 200: jsonResponse(patientDataGrantsSchema, "The grants, newest first") },
  }),
  policy: route({
    method: "get",
    path: "/policy",
    tags: ["Organisation"],
    summary: "The role → capability policy with the justification of each grant",
    responses: { 200: jsonResponse(policySchema, "The policy") },
  }),
};

type Ctx = Context<AppEnv>;

/** The audit purpose of a grant that opens patient data: the chief's grant list looks for it. */
const grantPurpose = "Tilldelning av roll med åtkomst till patientuppgifter";

/** User administration: region-wide, or limited to the active unit. */
function userAdmin(c: Ctx): { actor: Actor; capability: Capability; unitScope: string | null } {
  const actor = c.var.actor;
  if (actor && can(actor, "region.users")) return { actor, capability: "region.users", unitScope: null };
  const { actor: a } = authorize(c, "unit.users");
  return { actor: a, capability: "unit.users", unitScope: a.unitId };
}

/** A user the administrator may see: within the unit scope, else 404. */
async function userView(q: Queryable, c: Ctx, userId: string, unitScope: string | null) {
  const [user] = await listUsers(q, c.var.deps.now(), unitScope ?? undefined, [userId]);
  if (!user) throw errors.notFound();
  return user;
}

/** Run an administrative change and its audit event in one transaction. */
function adminChange<T>(
  c: Ctx,
  who: { actor: Actor; capability: Capability },
  target: { unitId: string | null; entity: string },
  change: (tx: Tx) => Promise<{
    result: T;
    entityId: string;
    details: Record<string, unknown>;
    purpose?: string | undefined;
  }>,
): Promise<T> {
  return c.var.deps.database.db.transaction(async (tx) => {
    const { result, entityId, details, purpose = "Administration" } = await change(tx);
    await recordAudit(
      tx,
      { actor: who.actor, grant: grantFor(who.actor, who.capability), unitId: target.unitId },
      [{ action: "ADMIN", purpose, entity: target.entity, entityId, details }],
    );
    return result;
  });
}

export function orgRoutes() {
  const router = createRouter();

  router.openapi(routes.listUnits, async (c) => {
    const { actor } = authorize(c, "policy.read");
    const db = c.var.deps.database.db;
    const rows = can(actor, "region.units")
      ? await listUnits(db)
      : await listUnits(db, await unitsOfUser(db, actor.userId));
    return c.json({ units: rows.map(toUnit) }, 200);
  });

  router.openapi(routes.createUnit, async (c) => {
    const { actor } = authorize(c, "region.units");
    const body = c.req.valid("json");
    const db = c.var.deps.database.db;
    if (await findUnit(db, body.id))
      throw errors.badRequest("Det finns redan en enhet med det id:t.", [
        { path: "id", message: "Id:t används redan." },
      ]);
    const careProviderId = body.careProviderId ?? (await defaultCareProvider(db));
    if (!careProviderId)
      throw errors.badRequest("Ange vårdgivare.", [{ path: "careProviderId", message: "Ange vårdgivare." }]);
    const row = await adminChange(
      c,
      { actor, capability: "region.units" },
      { unitId: body.id, entity: "unit" },
      async (tx) => {
        const [created] = await tx
          .insert(unit)
          .values({ ...body, hsaId: body.hsaId ?? null, careProviderId })
          .returning();
        return { result: created!, entityId: created!.id, details: { created: true } };
      },
    );
    return c.json(toUnit(row), 201);
  });

  router.openapi(routes.updateUnit, async (c) => {
    const { actor } = authorize(c, "region.units");
    const { id } = c.req.valid("param");
    const { version, ...changes } = c.req.valid("json");
    const db = c.var.deps.database.db;
    const current = await findUnit(db, id);
    if (!current) throw errors.notFound();
    const row = await adminChange(
      c,
      { actor, capability: "region.units" },
      { unitId: id, entity: "unit" },
      async (tx) => {
        const updated = await updateUnitRow(tx, id, version, changes);
        if (!updated) throw errors.conflict(toUnit(current));
        return { result: updated, entityId: id, details: { changed: Object.keys(changes) } };
      },
    );
    return c.json(toUnit(row), 200);
  });

  router.openapi(routes.listUsers, async (c) => {
    const { unitScope } = userAdmin(c);
    return c.json(
      { users: await listUsers(c.var.deps.database.db, c.var.deps.now(), unitScope ?? undefined) },
      200,
    );
  });

  router.openapi(routes.createUser, async (c) => {
    const { actor, capability, unitScope } = userAdmin(c);
    const { password, hsaId, ...body } = c.req.valid("json");
    const db = c.var.deps.database.db;
    if (password && c.var.deps.config.authMode !== "demo") {
      throw errors.badRequest("Lösenord kan bara sättas i demoläge; logga in med SITHS.", [
        { path: "password", message: "Inte tillåtet i produktionsläge." },
      ]);
    }
    if (await findUserByUsername(db, body.username)) {
      throw errors.badRequest("Användarnamnet är upptaget.", [
        { path: "username", message: "Användarnamnet är upptaget." },
      ]);
    }
    if (hsaId && (await findUserByHsaId(db, hsaId))) {
      throw errors.badRequest("HSA-id:t används redan.", [
        { path: "hsaId", message: "HSA-id:t används redan." },
      ]);
    }
    const passwordHash = password ? await hashPassword(password) : null;
    const user = await adminChange(
      c,
      { actor, capability },
      { unitId: unitScope, entity: "user" },
      async (tx) => {
        const [created] = await tx
          .insert(appUser)
          .values({ ...body, hsaId: hsaId ?? null, passwordHash })
          .returning({ id: appUser.id });
        // A unit administrator's new user has no assignment yet: show it unscoped.
        return {
          result: await userView(tx, c, created!.id, null),
          entityId: created!.id,
          details: { created: true },
        };
      },
    );
    return c.json(user, 201);
  });

  router.openapi(routes.updateUser, async (c) => {
    const { actor, capability, unitScope } = userAdmin(c);
    const { id } = c.req.valid("param");
    const { version, password, ...changes } = c.req.valid("json");
    const db = c.var.deps.database.db;
    refuseSelf(actor, id);
    const current = await userView(db, c, id, unitScope);
    await requireAuthorityOver(db, actor, id);
    if (password && c.var.deps.config.authMode !== "demo") {
      throw errors.badRequest("Lösenord kan bara sättas i demoläge.", [
        { path: "password", message: "Inte tillåtet i produktionsläge." },
      ]);
    }
    if (changes.hsaId) {
      const other = await findUserByHsaId(db, changes.hsaId);
      if (other && other.id !== id)
        throw errors.badRequest("HSA-id:t används redan.", [
          { path: "hsaId", message: "HSA-id:t används redan." },
        ]);
    }
    const passwordChange = password
      ? { passwordHash: await hashPassword(password), failedLogins: 0, lockedUntil: null }
      : {};
    const user = await adminChange(
      c,
      { actor, capability },
      { unitId: unitScope, entity: "user" },
      async (tx) => {
        if (!(await updateUserRow(tx, id, version, { ...changes, ...passwordChange })))
          throw errors.conflict(current);
        // New credentials (or none) end every session opened with the old ones.
        const credentialsChanged = password !== undefined || "hsaId" in changes || changes.active === false;
        const endedSessions = credentialsChanged ? await endSessionsOf(tx, id) : 0;
        return {
          result: await userView(tx, c, id, unitScope),
          entityId: id,
          details: { changed: [...Object.keys(changes), ...(password ? ["password"] : [])], endedSessions },
        };
      },
    );
    return c.json(user, 200);
  });

  router.openapi(routes.createAssignment, async (c) => {
    const { actor, capability, unitScope } = userAdmin(c);
    const body = c.req.valid("json");
    const db = c.var.deps.database.db;
    refuseSelf(actor, body.userId);
    requireAssignmentRule(actor, body.role, body.unitId);
    if (!(await findUnit(db, body.unitId)))
      throw errors.badRequest("Okänd enhet.", [{ path: "unitId", message: "Okänd enhet." }]);
    const [user] = await db.select({ id: appUser.id }).from(appUser).where(eq(appUser.id, body.userId));
    if (!user) throw errors.notFound();
    const view = await adminChange(
      c,
      { actor, capability },
      { unitId: body.unitId, entity: "assignment" },
      async (tx) => {
        const [created] = await tx
          .insert(assignment)
          .values(body)
          .onConflictDoNothing()
          .returning({ id: assignment.id });
        if (!created) throw errors.badRequest("Användaren har redan den rollen på enheten.");
        return {
          result: await userView(tx, c, body.userId, unitScope),
          entityId: created.id,
          details: { userId: body.userId, role: body.role, readsPatientData: readsPatientData(body.role) },
          purpose: readsPatientData(body.role) ? grantPurpose : undefined,
        };
      },
    );
    return c.json(view, 201);
  });

  router.openapi(routes.deleteAssignment, async (c) => {
    const { actor, capability, unitScope } = userAdmin(c);
    const { id } = c.req.valid("param");
    const db = c.var.deps.database.db;
    const found = await findAssignment(db, id);
    if (!found || (unitScope && found.unitId !== unitScope)) throw errors.notFound();
    refuseSelf(actor, found.userId);
    requireAssignmentRule(actor, found.role, found.unitId);
    const view = await adminChange(
      c,
      { actor, capability },
      { unitId: found.unitId, entity: "assignment" },
      async (tx) => {
        await tx.delete(assignment).where(eq(assignment.id, id));
        return {
          result: await userView(tx, c, found.userId, null),
          entityId: id,
          details: { userId: found.userId, role: found.role, removed: true },
        };
      },
    );
    return c.json(view, 200);
  });

  router.openapi(routes.patientDataGrants, async (c) => {
    const { unitId } = authorizeOnUnitAny(c, ["unit.users", "audit.review"]);
    const grants = await patientDataGrants(c.var.deps.database.db, unitId);
    return c.json(
      { grants: grants.map((g) => ({ ...g, roleLabel: g.role in roles ? roles[g.role as Role] : g.role })) },
      200,
    );
  });

  router.openapi(routes.policy, (c) => {
    authorize(c, "policy.read");
    return c.json(
      {
        roles: Object.entries(roles).map(([id, label]) => ({ id, label })),
        capabilities: Object.entries(capabilities).map(([id, label]) => ({ id, label })),
        grants: policy.map((g) => ({ ...g })),
        assignmentRules: assignmentRules.map((r) => ({ ...r, roles: [...r.roles] })),
      },
      200,
    );
  });

  return router;
}
