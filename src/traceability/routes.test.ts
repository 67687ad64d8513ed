import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { auditEvent, rehabPlan, teamAgendaItem, teamMeeting } from "../db/schema.ts";
import type { PlanAction } from "../rehabplan/rules.ts";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildPatient, buildUnit, buildUser } from "../../test/factories.ts";
import type { Role } from "../access/policy.ts";

interface Row {
  patientId: string;
  days: number;
  decision: string | null;
  teamStatus: string;
  missing: string[];
}
interface List {
  longCases: number;
  withGaps: number;
  rows: Row[];
}

// Today is 2026-11-16 in Stockholm; each case starts 2026-10-01 (47 days).
const now = new Date("2026-11-16T09:00:00Z");
const caseStart = "2026-10-01";

describe.each(testDatabaseKinds())("spårbarhet API on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let unitId: string;
  let chief: TestClient;
  let mlu: TestClient;
  let coordinator: TestClient;
  let secretary: TestClient;
  let doctor: TestClient;
  let otherChief: TestClient;
  let staffId: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    testApp = createTestApp(database, { now: () => now });
    unitId = (await buildUnit(database.db)).id;
    const otherUnitId = (await buildUnit(database.db)).id;
    const user = async (role: Role, unit = unitId) =>
      clientFor(testApp, (await buildUser(database.db, { roles: [[role, unit]] })).id);
    chief = await user("ENHETSCHEF");
    mlu = await user("MLU");
    coordinator = await user("REHABKOORDINATOR");
    secretary = await user("SEKRETERARE");
    doctor = await user("LAKARE");
    otherChief = await user("ENHETSCHEF", otherUnitId);
    staffId = (await buildUser(database.db, { roles: [["REHABKOORDINATOR", unitId]] })).id;
  });
  afterAll(() => database.close());

  async function patientWithCase(days = 80): Promise<string> {
    const patient = await buildPatient(database.db, unitId);
    const end = new Date(Date.parse(`${caseStart}T00:00:00Z`) + (days - 1) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const res = await secretary.json("POST", "/api/import/certificates", {
      body: [
        {
          id: `ext-${patient.id}`,
          patient: patient.personnummer,
          unit: unitId,
          signed: `${caseStart}T10:00:00`,
          diagnosis: "F438",
          periods: [{ from: caseStart, to: end, grade: 100 }],
        },
      ],
    });
    expect(res.status).toBeLessThan(300);
    return patient.id;
  }

  const list = (client: TestClient, query = "") => client.json<List>("GET", `/api/sparbarhet${query}`);
  const rowOf = (l: List, patientId: string) => l.rows.find((r) => r.patientId === patientId);

  it("lists an ongoing case over 30 days with everything it lacks, for the chief, the MLU and the coordinator", async () => {
    const patientId = await patientWithCase();
    for (const client of [chief, mlu, coordinator]) {
      const res = await list(client);
      expect(res.status).toBe(200);
      expect(rowOf(res.body, patientId)).toMatchObject({
        decision: null,
        teamStatus: "EJ_AKTUALISERAD",
        missing: ["BESLUT", "SAMTYCKE", "KARTLAGGNING", "PLAN"],
      });
    }
    const audit = await database.db
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(and(eq(auditEvent.patientId, patientId), eq(auditEvent.entity, "sparbarhet")));
    expect(audit.map((a) => a.action)).toEqual(["READ_LIST", "READ_LIST", "READ_LIST"]);
  });

  it("leaves out cases of 30 days or less", async () => {
    const patientId = await patientWithCase(20);
    const res = await list(chief, "?all=true");
    expect(rowOf(res.body, patientId)).toBeUndefined();
  });

  it("follows what is recorded: consent and a team decision remove their gaps and change the team status", async () => {
    const patientId = await patientWithCase();
    const consent = await coordinator.json("POST", `/api/patients/${patientId}/samtycken`, {
      body: { kind: "TEAM", obtainedDate: "2026-11-10", method: "MUNTLIGT", scope: "Teamet." },
    });
    expect(consent.status).toBe(201);
    const decided = await coordinator.json("POST", `/api/patients/${patientId}/aktualisering`, {
      body: { caseStart, supersedesId: null, decision: "AKTUALISERA_TEAM" },
    });
    expect(decided.status).toBe(201);
    const row = rowOf((await list(chief)).body, patientId);
    expect(row).toMatchObject({ teamStatus: "AKTUALISERAD", missing: ["KARTLAGGNING", "PLAN"] });
    expect(row?.decision).toContain("team");
    expect(rowOf((await list(chief, "?gap=BESLUT")).body, patientId)).toBeUndefined();
    expect(rowOf((await list(chief, "?gap=PLAN")).body, patientId)).toBeDefined();
    expect(rowOf((await list(chief, "?teamStatus=AKTUALISERAD")).body, patientId)).toBeDefined();
    expect(rowOf((await list(chief, "?teamStatus=EJ_AKTUALISERAD")).body, patientId)).toBeUndefined();
    // The unit list shows the same team status as a column and filters on it.
    type UnitList = { rows: { patientId: string; teamStatus: string | null }[] };
    const unitList = await coordinator.json<UnitList>(
      "GET",
      "/api/sjukfall?teamStatus=AKTUALISERAD&limit=1000",
    );
    expect(unitList.status).toBe(200);
    expect(unitList.body.rows.find((r) => r.patientId === patientId)?.teamStatus).toBe("AKTUALISERAD");
    const others = await coordinator.json<UnitList>("GET", "/api/sjukfall?teamStatus=PA_AGENDA&limit=1000");
    expect(others.body.rows.map((r) => r.patientId)).not.toContain(patientId);
  });

  it("reads the team's agenda and the rehab plan: på agenda, plan upprättad, a passed follow-up, an action without owner", async () => {
    const patientId = await patientWithCase();
    await coordinator.json("POST", `/api/patients/${patientId}/samtycken`, {
      body: { kind: "TEAM", obtainedDate: "2026-11-10", method: "MUNTLIGT", scope: "Teamet." },
    });
    await coordinator.json("POST", `/api/patients/${patientId}/aktualisering`, {
      body: { caseStart, supersedesId: null, decision: "AKTUALISERA_TEAM" },
    });
    const [meeting] = await database.db
      .insert(teamMeeting)
      .values({ unitId, meetingDate: "2026-11-20", startTime: "13:00", createdBy: staffId })
      .returning();
    await database.db.insert(teamAgendaItem).values({
      unitId,
      meetingId: meeting!.id,
      patientId,
      caseStart,
      position: 1,
      source: "AKTUALISERING",
      addedBy: staffId,
    });
    expect(rowOf((await list(chief)).body, patientId)).toMatchObject({
      teamStatus: "PA_AGENDA",
      missing: ["KARTLAGGNING", "PLAN"],
    });

    const action = (followUpDate: string, responsibleName: string): PlanAction => ({
      id: "a1",
      party: "VARDEN",
      description: "Fysioterapi två gånger i veckan.",
      responsibleName,
      responsibleUserId: null,
      startDate: "2026-11-10",
      followUpDate,
      status: "PAGAR",
    });
    const content = (a: PlanAction) => ({
      goal: "Åter i arbete på heltid.",
      purpose: "Rehabilitering.",
      plannedEnd: "2027-01-31",
      patientWords: "",
      actions: [a],
    });
    const [plan] = await database.db
      .insert(rehabPlan)
      .values({
        unitId,
        patientId,
        caseStart,
        status: "FASTSTALLD",
        content: content(action("2026-11-30", "Fysioterapeuten")),
        createdBy: staffId,
        savedBy: staffId,
      })
      .returning();
    expect(rowOf((await list(chief, "?all=true")).body, patientId)).toMatchObject({
      teamStatus: "PLAN_UPPRATTAD",
      missing: ["KARTLAGGNING"],
    });

    await database.db
      .update(rehabPlan)
      .set({ content: content(action("2026-11-12", "")) })
      .where(eq(rehabPlan.id, plan!.id));
    expect(rowOf((await list(chief)).body, patientId)).toMatchObject({
      teamStatus: "UPPFOLJNING_FORSENAD",
      missing: ["KARTLAGGNING", "ANSVARIG", "UPPFOLJNING_PASSERAD"],
    });

    await database.db.update(rehabPlan).set({ status: "AVSLUTAD" }).where(eq(rehabPlan.id, plan!.id));
    expect(rowOf((await list(chief)).body, patientId)).toMatchObject({ teamStatus: "AVSLUTAD_I_TEAM" });
  });

  it("exports the filtered list as CSV and logs an export per patient", async () => {
    const patientId = await patientWithCase();
    const res = await chief.request("GET", "/api/sparbarhet/export?gap=BESLUT");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const text = await res.text();
    expect(text).toContain("Aktualiseringsbeslut saknas");
    expect(text).toContain("Urval;Sjukfall över 30 dagar där något saknas, Aktualiseringsbeslut saknas");
    const audit = await database.db
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(and(eq(auditEvent.patientId, patientId), eq(auditEvent.action, "EXPORT")));
    expect(audit).toHaveLength(1);
  });

  it("refuses a doctor (403), bad filters (400 naming the field), and shows no other unit's cases", async () => {
    const patientId = await patientWithCase();
    expect((await list(doctor)).status).toBe(403);
    const bad = await chief.json<{ error: { message: string } }>("GET", "/api/sparbarhet?gap=NAGOT");
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("gap");
    const other = await list(otherChief, "?all=true");
    expect(other.status).toBe(200);
    expect(rowOf(other.body, patientId)).toBeUndefined();
  });
});
