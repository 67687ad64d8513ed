/**
 * The grant matrix, generated from the roles and walked through the real API: every actor role ×
 * every target role × (the actor themself | another user) × (the actor's unit | another unit).
 * It checks that the API enforces exactly the policy's assignment rules, states the separation of
 * duties independently of those rules, and then follows every allowed grant to a fixpoint: a role
 * that opens no patient data never reaches patient data, however its holder combines the grants.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client.ts";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildPatient, buildUnit, buildUser } from "../../test/factories.ts";
import {
  assignmentRuleFor,
  capabilitiesOf,
  readsPatientData,
  roleIds,
  roleKinds,
  type Role,
} from "./policy.ts";

type Cell = "self-own" | "self-other" | "other-own" | "other-other";
const cells: Cell[] = ["self-own", "self-other", "other-own", "other-other"];
const isSelf = (cell: Cell) => cell.startsWith("self");
const onOtherUnit = (cell: Cell) => cell.endsWith("-other");
/** Reads of the clinical record: certificates, cases, consent, the unit list. */
const clinicalPaths = (patientId: string) => [
  `/api/patients/${patientId}/certificates`,
  `/api/patients/${patientId}/sjukfall`,
  `/api/patients/${patientId}/samtycken`,
  "/api/sjukfall",
];
const key = (actor: Role, target: Role, cell: Cell) => `${actor} → ${target} (${cell})`;

describe.each(testDatabaseKinds())("grant matrix on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let own: string;
  let other: string;
  let patients: { own: string; other: string };
  /** Observed answers of POST /api/assignments, by cell. */
  const allowed = new Map<string, boolean>();
  const actors = new Map<Role, { id: string; client: TestClient }>();

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    testApp = createTestApp(database);
    own = (await buildUnit(database.db)).id;
    other = (await buildUnit(database.db)).id;
    patients = {
      own: (await buildPatient(database.db, own)).id,
      other: (await buildPatient(database.db, other)).id,
    };
    for (const actorRole of roleIds) {
      const actor = await buildUser(database.db, { roles: [[actorRole, own]] });
      const client = await clientFor(testApp, actor.id);
      actors.set(actorRole, { id: actor.id, client });
      const others = { own: (await buildUser(database.db)).id, other: (await buildUser(database.db)).id };
      for (const targetRole of roleIds) {
        for (const cell of cells) {
          const userId = isSelf(cell) ? actor.id : onOtherUnit(cell) ? others.other : others.own;
          const res = await client.request("POST", "/api/assignments", {
            body: { userId, unitId: onOtherUnit(cell) ? other : own, role: targetRole },
          });
          expect([201, 403], key(actorRole, targetRole, cell)).toContain(res.status);
          allowed.set(key(actorRole, targetRole, cell), res.status === 201);
        }
      }
    }
  }, 600_000);
  afterAll(() => database.close());

  it("enforces exactly the policy's assignment rules", () => {
    const differences: string[] = [];
    for (const actorRole of roleIds)
      for (const targetRole of roleIds)
        for (const cell of cells) {
          const rule = assignmentRuleFor(
            capabilitiesOf(actorRole),
            own,
            targetRole,
            onOtherUnit(cell) ? other : own,
          );
          const expected = !isSelf(cell) && rule !== null;
          if (allowed.get(key(actorRole, targetRole, cell)) !== expected)
            differences.push(`${key(actorRole, targetRole, cell)}: expected ${expected ? "201" : "403"}`);
        }
    expect(differences).toEqual([]);
  });

  it("lets nobody grant themself anything, on any unit", () => {
    const selfGrants = [...allowed].filter(([k, ok]) => ok && k.includes("(self-"));
    expect(selfGrants).toEqual([]);
  });

  it("gives unit managers their own unit's clinical and administrative roles only", () => {
    const regionAdmin = (role: Role) => capabilitiesOf(role).has("region.users");
    for (const actor of roleIds.filter((r) => !regionAdmin(r)))
      for (const target of roleIds)
        for (const cell of cells) {
          const k = key(actor, target, cell);
          if (!allowed.get(k)) continue;
          expect(capabilitiesOf(actor).has("unit.users"), k).toBe(true);
          expect(["clinical", "administrative"], k).toContain(roleKinds[target]);
          expect(cell, k).toBe("other-own");
        }
    // System, region and management roles come only from region administrators.
    for (const target of roleIds.filter((r) => !["clinical", "administrative"].includes(roleKinds[r])))
      for (const actor of roleIds.filter((r) => !regionAdmin(r)))
        for (const cell of cells)
          expect(allowed.get(key(actor, target, cell)), key(actor, target, cell)).toBe(false);
  });

  it("never leads a role without patient data to patient data, after any sequence of allowed grants", async () => {
    const leaks: string[] = [];
    for (const start of roleIds.filter((r) => !readsPatientData(r))) {
      // The roles one account can come to hold: its own, plus whatever it may grant itself, to a fixpoint.
      const held = new Set<Role>([start]);
      let grew = true;
      while (grew) {
        grew = false;
        for (const actor of [...held])
          for (const target of roleIds)
            for (const cell of ["self-own", "self-other"] as const)
              if (allowed.get(key(actor, target, cell)) && !held.has(target)) {
                held.add(target);
                grew = true;
              }
      }
      const opened = [...held].filter(readsPatientData);
      if (opened.length > 0) leaks.push(`${start} reaches ${opened.join(", ")}`);

      // And through the real API, after the actor tried every grant above. (Log reviewers open a
      // patient's identity for log review by design; the clinical record stays closed.)
      const { client } = actors.get(start)!;
      for (const path of clinicalPaths(patients.own)) {
        const status = (await client.request("GET", path)).status;
        if (status < 400) leaks.push(`${start} read ${path} on its unit (${status})`);
      }
      const moved = await client.request("PUT", "/api/auth/session/unit", { body: { unitId: other } });
      if (moved.status < 400) leaks.push(`${start} moved to the other unit`);
      for (const path of [`/api/patients/${patients.other}`, ...clinicalPaths(patients.other)]) {
        const status = (await client.request("GET", path)).status;
        if (status < 400) leaks.push(`${start} read the other unit's ${path} (${status})`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it("probes paths that do open the record to a doctor (the probe above could fail)", async () => {
    const { client } = actors.get("LAKARE")!;
    for (const path of clinicalPaths(patients.own))
      expect((await client.request("GET", path)).status, path).toBe(200);
  });

  it("lets a credential change only through authority over every role the user holds", async () => {
    const differences: string[] = [];
    for (const actorRole of roleIds) {
      const { id: actorId, client } = actors.get(actorRole)!;
      const self = await client.request("PATCH", `/api/users/${actorId}`, {
        body: { version: 1, hsaId: `SE-SJALV-${actorId}` },
      });
      if (self.status !== 403) differences.push(`${actorRole} changed their own HSA-id (${self.status})`);
      for (const targetRole of roleIds) {
        const target = await buildUser(database.db, { roles: [[targetRole, own]] });
        const res = await client.request("PATCH", `/api/users/${target.id}`, {
          body: { version: 1, hsaId: `SE-${target.id}` },
        });
        const mayAdminister =
          capabilitiesOf(actorRole).has("unit.users") || capabilitiesOf(actorRole).has("region.users");
        const expected =
          mayAdminister && assignmentRuleFor(capabilitiesOf(actorRole), own, targetRole, own) !== null;
        if ((res.status === 200) !== expected)
          differences.push(`${actorRole} → ${targetRole}: ${res.status}, expected ${expected ? 200 : "403"}`);
        if (res.status !== 200 && ![403, 404].includes(res.status))
          differences.push(`${actorRole} → ${targetRole}: unexpected ${res.status}`);
      }
    }
    expect(differences).toEqual([]);
  }, 600_000);
});
