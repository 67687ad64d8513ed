import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, gt, sql } from "drizzle-orm";
import readXlsxFile from "read-excel-file/node";
import type { Database } from "../db/client.ts";
import {
  aktualiseringDecision,
  auditEvent,
  careProvider,
  certificate,
  fkArende,
  listedPopulation,
  region,
} from "../db/schema.ts";
import { derivedColumns } from "../certificates/workflow.ts";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildPatient, buildUnit, buildUser } from "../../test/factories.ts";
import { statisticsDefinitions } from "./definitions.ts";
import type { StatisticsResponse, UnitFigures } from "./schema.ts";

// The clock is the test's: the figures below are worked out by hand for this day.
const now = new Date("2026-11-16T09:00:00Z");

interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

const split = (total: number | null, women: number | null, men: number | null) => ({ total, women, men });

describe.each(testDatabaseKinds())("statistics API on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let unitId: string;
  let neighbourId: string;
  let foreignId: string;
  const doctors = { d1: { id: "", name: "" }, d2: { id: "", name: "" } };
  const clients = {} as Record<
    "chief" | "mlu" | "doctor" | "coordinator" | "secretary" | "analyst",
    TestClient
  >;
  const patientTexts: string[] = [];

  async function signed(
    unit: string,
    pnr: string,
    doctorId: string,
    period: [number, string, string],
    arende?: { type: "KOMPLT" | "KONTKT"; questions: string[] },
  ) {
    const givenName = `Statistikpatient${patientTexts.length}`;
    const patient = await buildPatient(database.db, unit, { pnr, givenName, familyName: "Hemligsson" });
    patientTexts.push(givenName, patient.personnummer, patient.id);
    const body = {
      sysselsattning: ["NUVARANDE_ARBETE"],
      diagnoser: [{ kod: "M54.5", text: "Lumbago" }],
      perioder: [{ grad: period[0], from: period[1], tom: period[2] }],
    };
    const [row] = await database.db
      .insert(certificate)
      .values({
        unitId: unit,
        patientId: patient.id,
        doctorId,
        status: "SIGNERAT",
        signedAt: `${period[1]}T10:00:00Z`,
        content: body,
        ...derivedColumns(body),
      })
      .returning();
    if (arende) {
      await database.db.insert(fkArende).values({
        unitId: unit,
        patientId: patient.id,
        certificateId: row!.id,
        type: arende.type,
        receivedDate: "2026-11-12",
        questionFields: arende.questions,
      });
    }
    return patient;
  }

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    testApp = createTestApp(database, { now: () => now });
    unitId = (await buildUnit(database.db)).id;
    neighbourId = (await buildUnit(database.db)).id;
    await database.db.insert(region).values({ id: "R-ANNAN", name: "Annan region" }).onConflictDoNothing();
    await database.db
      .insert(careProvider)
      .values({ id: "VG-ANNAN", regionId: "R-ANNAN", name: "Annan vårdgivare" })
      .onConflictDoNothing();
    foreignId = (await buildUnit(database.db, { careProviderId: "VG-ANNAN" })).id;
    for (const key of ["d1", "d2"] as const) {
      const user = await buildUser(database.db, { roles: [["LAKARE", unitId]] });
      doctors[key] = { id: user.id, name: user.displayName };
    }
    const client = async (role: Parameters<typeof buildUser>[1] & object) =>
      clientFor(testApp, (await buildUser(database.db, role)).id);
    clients.chief = await client({ roles: [["ENHETSCHEF", unitId]] });
    clients.mlu = await client({ roles: [["MLU", unitId]] });
    clients.coordinator = await client({ roles: [["REHABKOORDINATOR", unitId]] });
    clients.secretary = await client({ roles: [["SEKRETERARE", unitId]] });
    clients.analyst = await client({ roles: [["REGIONANALYTIKER", unitId]] });
    clients.doctor = await clientFor(testApp, doctors.d1.id);

    const { d1, d2 } = doctors;
    // Women (second-to-last digit even). Ongoing on 2026-11-16 unless said otherwise.
    const w1 = await signed(unitId, "19001026-9801", d1.id, [100, "2026-11-10", "2026-11-20"], {
      type: "KONTKT",
      questions: [],
    }); // 11 days
    const w2 = await signed(unitId, "19010822-9808", d1.id, [50, "2026-11-01", "2026-11-30"], {
      type: "KOMPLT",
      questions: ["35", "17"],
    }); // 30 days
    const w3 = await signed(unitId, "19020618-9805", d2.id, [100, "2026-10-01", "2026-11-30"], {
      type: "KOMPLT",
      questions: ["35"],
    }); // 61 days
    await signed(unitId, "19030414-9800", d2.id, [25, "2026-11-16", "2026-11-16"]); // 1 day
    await signed(unitId, "19040208-9825", d1.id, [100, "2026-09-01", "2026-12-31"]); // 122 days
    // Ended in March 2026; a year earlier a case in March 2025.
    const w6 = await signed(unitId, "19041204-9801", d1.id, [100, "2026-03-01", "2026-03-31"]);
    const body2025 = {
      sysselsattning: ["NUVARANDE_ARBETE"],
      diagnoser: [{ kod: "M54.5", text: "Lumbago" }],
      perioder: [{ grad: 100, from: "2025-03-01", tom: "2025-03-10" }],
    };
    await database.db.insert(certificate).values({
      unitId,
      patientId: w6.id,
      doctorId: d2.id,
      status: "SIGNERAT",
      signedAt: "2025-03-01T10:00:00Z",
      content: body2025,
      ...derivedColumns(body2025),
    });
    // Men (second-to-last digit odd).
    await signed(unitId, "19241006-8338", d2.id, [100, "2026-11-02", "2026-11-15"]); // ended yesterday
    const m2 = await signed(unitId, "19330817-9013", d2.id, [75, "2026-11-10", "2026-12-10"], {
      type: "KOMPLT",
      questions: ["6"],
    }); // 31 days
    await signed(unitId, "19420302-7018", d1.id, [100, "2025-11-01", "2025-11-30"]); // a year ago
    // Aktualisering decisions: w3 (61 days) decided by start, then again (superseding: one case);
    // m2 (31 days) linked only by its certificate (the recorded start lies outside the case); w1 (11 days) is
    // not a long case, so its decision does not count. w5 (122 days) is undecided.
    const decide = (patientId: string, caseStart: string, more: object = {}) =>
      database.db
        .insert(aktualiseringDecision)
        .values({
          unitId,
          patientId,
          caseStart,
          decision: "INGEN_ATGARD" as const,
          decidedBy: d1.id,
          decidedDate: "2026-11-12",
          ...more,
        })
        .returning();
    const [first] = await decide(w3.id, "2026-10-01");
    await decide(w3.id, "2026-10-01", { supersedesId: first!.id, decision: "KOORDINERA_UTAN_TEAM" });
    const [m2Cert] = await database.db
      .select({ id: certificate.id })
      .from(certificate)
      .where(eq(certificate.patientId, m2.id));
    await decide(m2.id, "2026-10-20", { caseCertificateId: m2Cert!.id });
    await decide(w1.id, "2026-11-10");
    // Answers to the kompletteringar (received 2026-11-12): w2's after 2 days; w3's at 23:30 UTC
    // on 2026-11-15, which is 2026-11-16 in Stockholm: 4 days; m2's is open.
    const answer = (patientId: string, answeredAt: string) =>
      database.db.update(fkArende).set({ answeredAt }).where(eq(fkArende.patientId, patientId));
    await answer(w2.id, "2026-11-14T10:00:00Z");
    await answer(w3.id, "2026-11-15T23:30:00Z");
    // Listed: 1,000 women and 500 men (an earlier month: the latest import counts).
    await database.db.insert(listedPopulation).values([
      { unitId, month: "2026-09", sex: "F", ageBand: "30-39", count: 600 },
      { unitId, month: "2026-09", sex: "F", ageBand: "70+", count: 400 },
      { unitId, month: "2026-09", sex: "M", ageBand: "40-49", count: 500 },
    ]);
    // The neighbour unit (same region) has one ongoing case; the foreign unit is another region's.
    await signed(neighbourId, "19600120-9136", d1.id, [100, "2026-11-01", "2026-11-30"]);
    await signed(foreignId, "19900312-2398", d1.id, [100, "2026-11-01", "2026-11-30"]);
  });
  afterAll(() => database.close());

  const query = "?from=2026-01&to=2026-11";
  const get = (client: TestClient, q = query) => client.json<StatisticsResponse>("GET", `/api/statistik${q}`);

  function expectNoIdentities(body: unknown) {
    const text = JSON.stringify(body);
    for (const identity of patientTexts) expect(text).not.toContain(identity);
    // Nothing shaped like a personnummer, once the doctors' random ids are out of the way (a uuid
    // such as 67062566-7032-… would match by chance).
    const withoutIds = text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<id>");
    expect(withoutIds).not.toMatch(/\d{6}[-+]?\d{4}/);
    expect(text).not.toContain("Hemligsson");
  }

  it("gives the chief the unit's figures, hand-counted, and every doctor by name", async () => {
    const { status, body } = await get(clients.chief);
    expect(status).toBe(200);
    expect(body).toMatchObject({ scope: "UNIT", doctors: "ALL", by: "month", suppress: 0 });
    expect(body.units.map((u) => u.unit.id)).toEqual([unitId]);
    const { current, lastYear } = body.units[0]!;
    expect(current).toMatchObject({ today: "2026-11-16", from: "2026-01", to: "2026-11" });
    expect(current.ongoing).toEqual(split(6, 5, 1));
    expect(current.ongoingByLength).toEqual([
      { bucket: "0-14", ...split(2, 2, 0) },
      { bucket: "15-30", ...split(1, 1, 0) },
      { bucket: "31-60", ...split(1, 0, 1) },
      { bucket: "61-90", ...split(1, 1, 0) },
      { bucket: "91-180", ...split(1, 1, 0) },
      { bucket: "181-365", ...split(0, 0, 0) },
      { bucket: "366-730", ...split(0, 0, 0) },
      { bucket: "731-", ...split(0, 0, 0) },
    ]);
    expect(current.ongoingByGrade).toEqual([
      { grade: 25, ...split(1, 1, 0) },
      { grade: 50, ...split(1, 1, 0) },
      { grade: 75, ...split(1, 0, 1) },
      { grade: 100, ...split(3, 3, 0) },
    ]);
    const started = Object.fromEntries(current.newCases.map(({ period, ...counts }) => [period, counts]));
    expect(current.newCases.map((row) => row.period)).toHaveLength(11);
    expect(started).toMatchObject({
      "2026-01": split(0, 0, 0),
      "2026-03": split(1, 1, 0),
      "2026-09": split(1, 1, 0),
      "2026-10": split(1, 1, 0),
      "2026-11": split(5, 3, 2),
    });
    expect(current.newCases.reduce((sum, row) => sum + row.total!, 0)).toBe(8);
    const k = current.kompletteringar;
    expect(k.sent).toEqual(split(8, 6, 2));
    expect(k.withKomplettering).toEqual(split(3, 2, 1));
    expect(k.rate).toEqual({ total: 0.375, women: 0.333, men: 0.5 });
    expect(k.byQuestion).toEqual([
      { question: "6", label: "Diagnos", count: 1 },
      { question: "17", label: "Aktivitetsbegränsning", count: 1 },
      { question: "35", label: "Funktionsnedsättning", count: 2 },
    ]);
    expect(k.byDoctor.map(({ doctorId, ...row }) => ({ doctor: doctorId, ...row }))).toEqual(
      [
        {
          doctor: doctors.d1.id,
          name: doctors.d1.name,
          own: false,
          sent: 4,
          withKomplettering: 1,
          rate: 0.25,
        },
        {
          doctor: doctors.d2.id,
          name: doctors.d2.name,
          own: false,
          sent: 4,
          withKomplettering: 2,
          rate: 0.5,
        },
      ].sort((a, b) => a.name.localeCompare(b.name, "sv")),
    );
    // The same period a year earlier, seen from 2025-11-16.
    expect(lastYear).toMatchObject({ today: "2025-11-16", from: "2025-01", to: "2025-11" });
    expect(lastYear.ongoing).toEqual(split(1, 0, 1));
    expect(lastYear.ongoingByLength[1]).toEqual({ bucket: "15-30", ...split(1, 0, 1) });
    expect(lastYear.newCases.find((r) => r.period === "2025-03")).toEqual({
      period: "2025-03",
      ...split(1, 1, 0),
    });
    expect(lastYear.newCases.find((r) => r.period === "2025-11")).toEqual({
      period: "2025-11",
      ...split(1, 0, 1),
    });
    expect(lastYear.kompletteringar.sent).toEqual(split(2, 1, 1));
    expect(lastYear.kompletteringar.rate).toEqual({ total: 0, women: 0, men: 0 });
    // Every ongoing case has M54.5: one diagnosis group; 1 man is too few to compare the sexes.
    const { further } = body.units[0]!;
    expect(further.ongoingByGroup).toEqual([expect.objectContaining(split(6, 5, 1))]);
    expect(further.equality).toEqual([
      expect.objectContaining({
        label: further.ongoingByGroup[0]!.label,
        comparable: false,
        lengthFlagged: false,
      }),
    ]);
    expect(further.equality[0]!.women).toMatchObject({ cases: 5, medianDays: 30 });
    // M54.5 is in ICD-10-SE's chapter XIII.
    expect(further.ongoingByChapter).toEqual([
      { key: "M00-M99", label: expect.stringMatching(/^M00-M99 /), ...split(6, 5, 1) },
    ]);
    // Longer than 30 days: w3 (61), w5 (122), m2 (31); w2's 30 days are not more than 30.
    // Decided: w3 (twice, one case) and m2; none was taken up by the team or got a plan.
    expect(further.longCases).toEqual({
      longCases: split(3, 2, 1),
      decided: split(2, 1, 1),
      reachedTeam: split(0, 0, 0),
      withPlan: split(0, 0, 0),
    });
    // Per doctor who signed the anchor: d1 w1, w2, w5 (122 days); d2 w3 (61), w4, m2 (31).
    expect(further.ongoingByDoctor).toEqual(
      [
        {
          doctorId: doctors.d1.id,
          name: doctors.d1.name,
          own: false,
          ongoing: split(3, 3, 0),
          longerThan30Days: split(1, 1, 0),
        },
        {
          doctorId: doctors.d2.id,
          name: doctors.d2.name,
          own: false,
          ongoing: split(3, 2, 1),
          longerThan30Days: split(2, 1, 1),
        },
      ].sort((a, b) => a.name.localeCompare(b.name, "sv")),
    );
    // Answer times of the kompletteringar on certificates sent 2026-01..11: 2 and 4 days (women),
    // the man's open. d1 answered w2 (2 days); d2 w3 (4 days) and has m2's open.
    const times = body.units[0]!.answerTimes;
    expect(times.current).toMatchObject({
      answered: split(2, 2, 0),
      open: split(1, 0, 1),
      medianDays: { total: 3, women: 3, men: null },
    });
    expect(times.current.byDoctor).toEqual(
      [
        { doctorId: doctors.d1.id, name: doctors.d1.name, own: false, answered: 1, open: 0, medianDays: 2 },
        { doctorId: doctors.d2.id, name: doctors.d2.name, own: false, answered: 1, open: 1, medianDays: 4 },
      ].sort((a, b) => a.name.localeCompare(b.name, "sv")),
    );
    expect(times.lastYear).toEqual({
      answered: split(0, 0, 0),
      open: split(0, 0, 0),
      medianDays: split(null, null, null),
      byDoctor: [],
    });
    // Sjuktal: 6 / 1,500, 5 / 1,000 and 1 / 500 per 1,000 listed.
    expect(further.sjuktal).toEqual({ total: 4, women: 5, men: 2 });
    expectNoIdentities(body);
  });

  it("shows the MLU every doctor, a doctor only their own rate, the coordinator no doctor", async () => {
    const mlu = (await get(clients.mlu)).body;
    expect(mlu.doctors).toBe("ALL");
    expect(mlu.units[0]!.current.kompletteringar.byDoctor).toHaveLength(2);

    const doctor = await get(clients.doctor);
    expect(doctor.status).toBe(200);
    expect(doctor.body.doctors).toBe("OWN");
    const own = doctor.body.units[0]!.current.kompletteringar;
    expect(own.rate.total).toBe(0.375);
    expect(own.byDoctor).toEqual([
      {
        doctorId: doctors.d1.id,
        name: doctors.d1.name,
        own: true,
        sent: 4,
        withKomplettering: 1,
        rate: 0.25,
      },
    ]);
    expect(doctor.body.units[0]!.further.ongoingByDoctor).toEqual([
      {
        doctorId: doctors.d1.id,
        name: doctors.d1.name,
        own: true,
        ongoing: split(3, 3, 0),
        longerThan30Days: split(1, 1, 0),
      },
    ]);
    expect(mlu.units[0]!.further.ongoingByDoctor).toHaveLength(2);
    expect(doctor.body.units[0]!.answerTimes.current.byDoctor).toEqual([
      { doctorId: doctors.d1.id, name: doctors.d1.name, own: true, answered: 1, open: 0, medianDays: 2 },
    ]);
    expect(doctor.body.units[0]!.answerTimes.current.medianDays.total).toBe(3);
    expect(JSON.stringify(doctor.body)).not.toContain(doctors.d2.name);
    expect(JSON.stringify(doctor.body)).not.toContain(doctors.d2.id);

    const coordinator = (await get(clients.coordinator)).body;
    expect(coordinator.units[0]!.current.ongoing).toEqual(split(6, 5, 1));
    expect(coordinator.units[0]!.current.kompletteringar.byDoctor).toEqual([]);
    expect(coordinator.units[0]!.further.ongoingByDoctor).toEqual([]);
    expect(coordinator.units[0]!.answerTimes.current.byDoctor).toEqual([]);
    for (const body of [mlu, doctor.body, coordinator]) expectNoIdentities(body);
  });

  it("gives the analyst every unit of the region and never a count under 5", async () => {
    const { status, body } = await get(clients.analyst);
    expect(status).toBe(200);
    expect(body).toMatchObject({ scope: "REGION", doctors: "NONE", suppress: 5 });
    const ids = body.units.map((u) => u.unit.id);
    expect(ids).toEqual(expect.arrayContaining([unitId, neighbourId]));
    expect(ids).not.toContain(foreignId);
    const numbers: [string, number][] = [];
    // Every count; shares (rate, sjuktal) and the equality differences are checked on their own below.
    const walk = (value: unknown, key: string) => {
      if (key === "rate" || key === "sjuktal" || key === "equality") return;
      if (typeof value === "number") numbers.push([key, value]);
      else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
      else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, k);
    };
    walk(body.units, "");
    expect(numbers.length).toBeGreaterThan(50);
    const small = numbers.filter(([key, n]) => key !== "grade" && n > 0 && n < 5);
    expect(small).toEqual([]);
    const own = body.units.find((u) => u.unit.id === unitId)!.current;
    // 5 women and 1 man: the man is hidden, so the women are too (else 6 − 5 gives him away).
    expect(own.ongoing).toEqual(split(6, null, null));
    expect(own.kompletteringar.sent).toEqual(split(8, null, null));
    expect(own.kompletteringar.rate).toEqual({ total: null, women: null, men: null });
    expect(own.kompletteringar.byDoctor).toEqual([]);
    for (const unit of body.units) {
      expect(unit.further.ongoingByDoctor).toEqual([]);
      expect(unit.answerTimes.current.byDoctor).toEqual([]);
    }
    // 2 answered (both women): hidden with the sexes (secondary suppression), and so are the medians.
    expect(body.units.find((u) => u.unit.id === unitId)!.answerTimes.current).toMatchObject({
      answered: split(null, null, null),
      medianDays: split(null, null, null),
    });
    const further = body.units.find((u) => u.unit.id === unitId)!.further;
    expect(further.ongoingByGroup).toEqual([expect.objectContaining(split(6, null, null))]);
    expect(further.ongoingByChapter).toEqual([expect.objectContaining(split(6, null, null))]);
    // 3 and 2 long cases: under 5, hidden; the unrecorded follow-up stays null.
    expect(further.longCases).toEqual({
      longCases: split(null, null, null),
      decided: split(null, null, null),
      reachedTeam: split(0, 0, 0),
      withPlan: split(0, 0, 0),
    });
    expect(further.equality.every((row) => row.women === null && row.men === null)).toBe(true);
    // The sexes' ongoing counts are hidden, so are their sjuktal (with the listed count they give them back).
    expect(further.sjuktal).toEqual({ total: 4, women: null, men: null });
    // No row of a breakdown can be worked out from the total and the other rows.
    for (const rows of [own.ongoingByLength, own.ongoingByGrade] as UnitFigures["ongoing"][][]) {
      for (const key of ["total", "women", "men"] as const) {
        if (own.ongoing[key] === null) continue;
        expect(rows.filter((row) => row[key] === null).length).not.toBe(1);
      }
    }
    expectNoIdentities(body);
  });

  it("refuses users without a statistics capability, and a scope the user does not hold", async () => {
    expect((await get(clients.secretary)).status).toBe(403);
    expect((await get(clients.analyst, `${query}&scope=unit`)).status).toBe(403);
    expect((await get(clients.chief, `${query}&scope=region`)).status).toBe(403);
  });

  it("answers bad query parameters with 400 naming the field, in Swedish", async () => {
    const cases: [string, string][] = [
      ["?from=2026-13", "from"],
      ["?from=2026-05&to=2026-01", "to"],
      ["?from=2000-01&to=2026-01", "to"],
      ["?by=week", "by"],
      ["?scope=world", "scope"],
    ];
    for (const [q, field] of cases) {
      const res = await clients.chief.json<ErrorBody>("GET", `/api/statistik${q}`);
      expect(res.status, q).toBe(400);
      const issue = res.body.error.issues?.find((i) => i.path === field);
      expect(issue?.message, q).toContain(`(${field})`);
      expect(res.body.error.message).toContain(field);
    }
    const bad = await clients.chief.json<ErrorBody>("GET", `/api/statistik/export${query}&format=pdf`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues?.[0]?.path).toBe("format");
  });

  async function lastSeq() {
    const [row] = await database.db
      .select({ n: sql<number>`coalesce(max(${auditEvent.seq}), 0)` })
      .from(auditEvent);
    return Number(row!.n);
  }
  async function eventsSince(seq: number) {
    return database.db
      .select({
        patientId: auditEvent.patientId,
        action: auditEvent.action,
        entity: auditEvent.entity,
        role: auditEvent.role,
        details: auditEvent.details,
      })
      .from(auditEvent)
      .where(and(gt(auditEvent.seq, seq), eq(auditEvent.entity, "statistics")));
  }

  it("writes one audit event without a patient for each read and export", async () => {
    const before = await lastSeq();
    await get(clients.chief);
    await get(clients.analyst);
    const csv = await clients.chief.request("GET", `/api/statistik/export${query}&format=csv`);
    expect(csv.status).toBe(200);
    const events = await eventsSince(before);
    expect(events.map((e) => [e.action, e.role, e.patientId])).toEqual([
      ["STATISTICS", "ENHETSCHEF", null],
      ["STATISTICS", "REGIONANALYTIKER", null],
      ["EXPORT", "ENHETSCHEF", null],
    ]);
    expect(events[1]!.details).toMatchObject({ scope: "REGION", from: "2026-01", to: "2026-11" });
    expect(events[2]!.details).toMatchObject({ format: "csv" });
  });

  it("exports the figures as CSV and XLSX, the same period last year beside them", async () => {
    const csv = await clients.chief.request("GET", `/api/statistik/export${query}&format=csv`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="statistik-2026-11-16.csv"');
    const text = await csv.text();
    expect(text).toContain("Enhet;Figur;Grupp;Period;Mått;Totalt;Kvinnor;Män");
    expect(text).toMatch(/;Pågående sjukfall;;2026-01–2026-11;Antal;6;5;1\r\n/);
    expect(text).toMatch(/;Pågående sjukfall;;2025-01–2025-11;Antal;1;0;1\r\n/);
    expect(text).toMatch(/;Andel intyg med komplettering;;2026-01–2026-11;Andel;0\.375;0\.333;0\.5\r\n/);
    expect(text).toContain(`;Komplettering per läkare;${doctors.d2.name};2026-01–2026-11;Andel;0.5;;`);
    expect(text).toMatch(/;Sjukfall längre än 30 dagar: beslutade;;2026-11-16;Antal;2;1;1\r\n/);
    expect(text).toMatch(/;Sjukfall längre än 30 dagar: med rehabplan;;2026-11-16;Antal;0;0;0\r\n/);
    expect(text).toContain(
      `;Pågående sjukfall per läkare;${doctors.d2.name};2026-11-16;Längre än 30 dagar;2;1;1\r\n`,
    );
    expect(text).toMatch(/;Svarstid för kompletteringar;;2026-01–2026-11;Median, dagar;3;3;\r\n/);
    expect(text).toContain(
      `;Svarstid för kompletteringar;${doctors.d2.name};2026-01–2026-11;Median, dagar;4;;\r\n`,
    );
    expect(text).toMatch(/;Pågående sjukfall efter diagnoskapitel;M00-M99 [^;]+;2026-11-16;Antal;6;5;1\r\n/);
    expectNoIdentities(text);

    const xlsx = await clients.chief.request("GET", `/api/statistik/export${query}&format=xlsx`);
    expect(xlsx.status).toBe(200);
    const rows = await readXlsxFile(Buffer.from(await xlsx.arrayBuffer()));
    const sheet = rows.find((s) => s.sheet === "Statistik")!.data;
    expect(sheet[0]).toEqual(["Enhet", "Figur", "Grupp", "Period", "Mått", "Totalt", "Kvinnor", "Män"]);
    expect(sheet.find((r) => r[1] === "Pågående sjukfall" && r[3] === "2026-01–2026-11")!.slice(5)).toEqual([
      6, 5, 1,
    ]);
    const definitions = rows.find((s) => s.sheet === "Definitioner")!.data;
    // Every definition of the statistics module, word for word.
    for (const { label, definition } of Object.values(statisticsDefinitions)) {
      expect(definitions).toContainEqual([label, definition]);
    }

    const analyst = await (
      await clients.analyst.request("GET", `/api/statistik/export${query}&format=csv`)
    ).text();
    expect(analyst).toMatch(/;Pågående sjukfall;;2026-01–2026-11;Antal;6;\.\.;\.\.\r\n/);
  });
});
