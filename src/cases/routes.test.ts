import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { auditEvent, certificate } from "../db/schema.ts";
import { derivedColumns } from "../certificates/workflow.ts";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildPatient, buildUnit, buildUser } from "../../test/factories.ts";

const now = new Date("2026-11-16T09:00:00Z");

interface Case {
  start: string;
  end: string;
  days: number;
  dayInCase: number;
  ongoing: boolean;
  currentGrade: number | null;
  grades: { from: string; to: string; grade: number; certificateId: string }[];
  certificates: { id: string; status: string; diagnosis: string | null; anchor: boolean }[];
  checkpoints: {
    day: number;
    date: string;
    kind: string;
    label: string;
    reached: boolean;
    withinCase: boolean;
  }[];
  arenden: { id: string; type: string; certificateId: string | null; daysToDeadline: number | null }[];
}
interface SjukfallAnswer {
  today: string;
  settings: { gap: number; afterEnd: number };
  cases: Case[];
  otherArenden: { id: string }[];
}
interface Settings {
  effective: { gap: number; afterEnd: number; source: { gap: string; afterEnd: string } };
  unit: { gap: number; afterEnd: number };
  user: { gap: number | null; afterEnd: number | null };
  mayEditUnit: boolean;
}
interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

function content(periods: [number, string, string][], diagnosis = "M54.5") {
  return {
    diagnoser: [{ kod: diagnosis, text: "Diagnos" }],
    perioder: periods.map(([grad, from, tom]) => ({ grad, from, tom })),
  };
}

describe.each(testDatabaseKinds())("sjukfall API on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let unitId: string;
  let otherUnitId: string;
  let patientId: string;
  let doctorId: string;
  let doctor: TestClient;
  let secretary: TestClient;
  let chief: TestClient;
  let coordinator: TestClient;
  const cert: Record<string, string> = {};

  async function insertCertificate(
    name: string,
    values: { patientId: string; unitId: string; status: string; signedAt: string | null },
    body: ReturnType<typeof content>,
  ) {
    const [row] = await database.db
      .insert(certificate)
      .values({
        unitId: values.unitId,
        patientId: values.patientId,
        doctorId,
        status: values.status as "SIGNERAT",
        signedAt: values.signedAt,
        content: body,
        ...derivedColumns(body),
      })
      .returning();
    cert[name] = row!.id;
  }

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    testApp = createTestApp(database, { now: () => now });
    unitId = (await buildUnit(database.db)).id;
    otherUnitId = (await buildUnit(database.db)).id;
    patientId = (await buildPatient(database.db, unitId)).id;
    const doctorUser = await buildUser(database.db, { roles: [["LAKARE", unitId]] });
    doctorId = doctorUser.id;
    doctor = await clientFor(testApp, doctorId);
    const user = (role: "SEKRETERARE" | "ENHETSCHEF" | "REHABKOORDINATOR") =>
      buildUser(database.db, { roles: [[role, unitId]] }).then((u) => clientFor(testApp, u.id));
    secretary = await user("SEKRETERARE");
    chief = await user("ENHETSCHEF");
    coordinator = await user("REHABKOORDINATOR");

    const p = { patientId, unitId };
    // Case 1: 10-01..10-10 (100 %) and 10-14..10-31 (50 %): three empty days, joined with gap 5.
    await insertCertificate(
      "c1",
      { ...p, status: "SKICKAT", signedAt: "2026-10-01T10:00:00Z" },
      content([[100, "2026-10-01", "2026-10-10"]]),
    );
    await insertCertificate(
      "c2",
      { ...p, status: "SIGNERAT", signedAt: "2026-10-14T10:00:00Z" },
      content([[50, "2026-10-14", "2026-10-31"]]),
    );
    // Case 2: nine empty days later, two grades in one certificate.
    await insertCertificate(
      "c3",
      { ...p, status: "SIGNERAT", signedAt: "2026-11-10T10:00:00Z" },
      content(
        [
          [100, "2026-11-10", "2026-11-20"],
          [75, "2026-11-21", "2026-12-20"],
        ],
        "F43.8A",
      ),
    );
    // Neither a draft nor a revoked certificate counts.
    await insertCertificate(
      "draft",
      { ...p, status: "UTKAST", signedAt: null },
      content([[100, "2026-11-01", "2026-11-09"]]),
    );
    await insertCertificate(
      "revoked",
      { ...p, status: "MAKULERAT", signedAt: "2026-11-02T10:00:00Z" },
      content([[100, "2026-11-01", "2026-11-09"]]),
    );
  });
  afterAll(() => database.close());

  const sjukfall = (client: TestClient, id = patientId) =>
    client.json<SjukfallAnswer & ErrorBody>("GET", `/api/patients/${id}/sjukfall`);

  it("answers the patient's cases, newest first, with days, day in case, grades and checkpoints", async () => {
    const { status, body } = await sjukfall(doctor);
    expect(status).toBe(200);
    expect(body.today).toBe("2026-11-16");
    expect(body.settings).toEqual({ gap: 5, afterEnd: 0 });
    expect(body.cases.map((c) => [c.start, c.end, c.days])).toEqual([
      ["2026-11-10", "2026-12-20", 41],
      ["2026-10-01", "2026-10-31", 28],
    ]);
    const [current, earlier] = body.cases as [Case, Case];
    expect(current).toMatchObject({ dayInCase: 7, ongoing: true, currentGrade: 100 });
    expect(current.grades.map((g) => [g.grade, g.from, g.to])).toEqual([
      [100, "2026-11-10", "2026-11-20"],
      [75, "2026-11-21", "2026-12-20"],
    ]);
    expect(current.certificates).toEqual([
      expect.objectContaining({ id: cert.c3, status: "SIGNERAT", diagnosis: "F438A", anchor: true }),
    ]);
    expect(current.checkpoints.slice(0, 3)).toEqual([
      expect.objectContaining({
        day: 8,
        date: "2026-11-17",
        kind: "certificate-required",
        reached: false,
        withinCase: true,
      }),
      expect.objectContaining({ day: 15, date: "2026-11-24", reached: false, withinCase: true }),
      expect.objectContaining({ day: 30, date: "2026-12-09", withinCase: true }),
    ]);
    expect(current.checkpoints.find((p) => p.day === 90)).toMatchObject({
      date: "2027-02-07",
      withinCase: false,
    });
    expect(earlier).toMatchObject({ ongoing: false, currentGrade: null });
    expect(earlier.certificates.map((c) => c.id)).toEqual([cert.c1, cert.c2]);
    expect(earlier.grades.map((g) => g.grade)).toEqual([100, 50]);
    const ids = body.cases.flatMap((c) => c.certificates.map((x) => x.id));
    expect(ids).not.toContain(cert.draft);
    expect(ids).not.toContain(cert.revoked);
  });

  it("places open ärenden in the case of their certificate, and logs the read for the patient", async () => {
    const registered = await secretary.json<{ id: string }>("POST", `/api/patients/${patientId}/arenden`, {
      body: {
        type: "KOMPLT",
        certificateId: cert.c1,
        receivedDate: "2026-11-12",
        lastAnswerDate: "2026-11-14",
        questionFields: ["35"],
        text: "Förtydliga funktionsnedsättningen.",
      },
    });
    expect(registered.status).toBe(201);
    const { body } = await sjukfall(coordinator);
    expect(body.cases[0]!.arenden).toEqual([]);
    expect(body.cases[1]!.arenden).toEqual([
      expect.objectContaining({
        id: registered.body.id,
        type: "KOMPLT",
        certificateId: cert.c1,
        daysToDeadline: -2,
      }),
    ]);
    const reads = await database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.patientId, patientId), eq(auditEvent.entity, "sjukfall")));
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(reads.every((e) => e.action === "READ" && e.unitId === unitId)).toBe(true);
  });

  it("answers 404 for another unit's patient and for an unknown id, 403 without patient.read", async () => {
    const elsewhere = await buildPatient(database.db, otherUnitId);
    await insertCertificate(
      "elsewhere",
      { patientId: elsewhere.id, unitId: otherUnitId, status: "SIGNERAT", signedAt: "2026-11-10T10:00:00Z" },
      content([[100, "2026-11-10", "2026-11-30"]]),
    );
    const other = await sjukfall(doctor, elsewhere.id);
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain(elsewhere.personnummer);
    expect((await sjukfall(doctor, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await sjukfall(doctor, "not-a-uuid")).status).toBe(400);
    expect((await sjukfall(chief)).status).toBe(403);
  });

  it("lets the user override the gap: the two cases become one", async () => {
    const put = await doctor.json<Settings>("PUT", "/api/sjukfall/settings/user", {
      body: { gap: 10, afterEnd: null },
    });
    expect(put.status).toBe(200);
    expect(put.body.effective).toEqual({
      gap: 10,
      afterEnd: 0,
      source: { gap: "user", afterEnd: "default" },
    });
    expect(put.body.mayEditUnit).toBe(false);
    const { body } = await sjukfall(doctor);
    expect(body.settings.gap).toBe(10);
    expect(body.cases.map((c) => [c.start, c.end, c.days])).toEqual([["2026-10-01", "2026-12-20", 69]]);
    expect(body.cases[0]!.arenden).toHaveLength(1);
    // Other users keep the unit's value.
    expect((await sjukfall(coordinator)).body.cases).toHaveLength(2);
  });

  it("lets the unit administrator set the unit default, refused to others, audited", async () => {
    const refused = await doctor.json<ErrorBody>("PUT", "/api/sjukfall/settings/unit", {
      body: { gap: 0, afterEnd: 3 },
    });
    expect(refused.status).toBe(403);
    const put = await chief.json<Settings>("PUT", "/api/sjukfall/settings/unit", {
      body: { gap: 0, afterEnd: 3 },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ unit: { gap: 0, afterEnd: 3 }, mayEditUnit: true });
    const coordinatorView = await coordinator.json<Settings>("GET", "/api/sjukfall/settings");
    expect(coordinatorView.body.effective).toEqual({
      gap: 0,
      afterEnd: 3,
      source: { gap: "unit", afterEnd: "unit" },
    });
    const doctorView = await doctor.json<Settings>("GET", "/api/sjukfall/settings");
    expect(doctorView.body.effective).toEqual({
      gap: 10,
      afterEnd: 3,
      source: { gap: "user", afterEnd: "unit" },
    });
    // Gap 0: the three empty days in October now split the first case.
    expect((await sjukfall(coordinator)).body.cases).toHaveLength(3);
    const audited = await database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entity, "unit-settings"), eq(auditEvent.entityId, unitId)));
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ action: "ADMIN", unitId, patientId: null });
  });

  it("refuses parameters outside 0–90 and 0–14 with a clear message and changes nothing", async () => {
    const before = await coordinator.json<Settings>("GET", "/api/sjukfall/settings");
    const cases: [TestClient, string, object, string][] = [
      [chief, "unit", { gap: 91, afterEnd: 0 }, "gap"],
      [chief, "unit", { gap: -1, afterEnd: 0 }, "gap"],
      [chief, "unit", { gap: 5, afterEnd: 15 }, "afterEnd"],
      [chief, "unit", { gap: 2.5, afterEnd: 0 }, "gap"],
      [chief, "unit", { gap: "5", afterEnd: 0 }, "gap"],
      [chief, "unit", { gap: 5 }, "afterEnd"],
      [coordinator, "user", { gap: 100, afterEnd: null }, "gap"],
      [coordinator, "user", { gap: null, afterEnd: 30 }, "afterEnd"],
    ];
    for (const [client, which, body, field] of cases) {
      const res = await client.json<ErrorBody>("PUT", `/api/sjukfall/settings/${which}`, { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      const issue = res.body.error.issues?.find((i) => i.path === field);
      expect(issue?.message, JSON.stringify(body)).toMatch(
        field === "gap" ? /heltal från 0 till 90 dagar/ : /heltal från 0 till 14/,
      );
    }
    const after = await coordinator.json<Settings>("GET", "/api/sjukfall/settings");
    expect(after.body).toEqual(before.body);
  });
});
