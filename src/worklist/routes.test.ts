import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, gt, sql } from "drizzle-orm";
import readXlsxFile from "read-excel-file/node";
import type { Database } from "../db/client.ts";
import { appUser, auditEvent, certificate, fkArende } from "../db/schema.ts";
import { derivedColumns } from "../certificates/workflow.ts";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildPatient, buildUnit, buildUser } from "../../test/factories.ts";
import type { UnitListRow } from "./rules.ts";

const now = new Date("2026-11-16T09:00:00Z");

interface ListAnswer {
  today: string;
  scope: "UNIT" | "OWN";
  counts: { total: number; women: number; men: number };
  unfiltered: { total: number; women: number; men: number };
  rows: UnitListRow[];
}
interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

function content(
  periods: [number, string, string][],
  diagnosis: string,
  sysselsattning = ["NUVARANDE_ARBETE"],
) {
  return {
    sysselsattning,
    diagnoser: [{ kod: diagnosis, text: "Diagnos" }],
    perioder: periods.map(([grad, from, tom]) => ({ grad, from, tom })),
  };
}

describe.each(testDatabaseKinds())("unit list API on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let unitId: string;
  let doctorA: string;
  let coordinator: TestClient;
  let doctorClient: TestClient;
  let secretary: TestClient;
  const patients = { anna: "", bo: "", hidden: "", ended: "" };

  async function signed(
    patientId: string,
    doctorId: string,
    periods: [number, string, string][],
    diagnosis: string,
    unit = unitId,
    sysselsattning?: string[],
  ) {
    const body = content(periods, diagnosis, sysselsattning);
    const [row] = await database.db
      .insert(certificate)
      .values({
        unitId: unit,
        patientId,
        doctorId,
        status: "SIGNERAT",
        signedAt: `${periods[0]![1]}T10:00:00Z`,
        content: body,
        ...derivedColumns(body),
      })
      .returning();
    return row!.id;
  }

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    testApp = createTestApp(database, { now: () => now });
    unitId = (await buildUnit(database.db)).id;
    const otherUnitId = (await buildUnit(database.db)).id;
    doctorA = (await buildUser(database.db, { roles: [["LAKARE", unitId]] })).id;
    const doctorB = (await buildUser(database.db, { roles: [["LAKARE", unitId]] })).id;
    coordinator = await clientFor(
      testApp,
      (await buildUser(database.db, { roles: [["REHABKOORDINATOR", unitId]] })).id,
    );
    doctorClient = await clientFor(testApp, doctorA);
    secretary = await clientFor(
      testApp,
      (await buildUser(database.db, { roles: [["SEKRETERARE", unitId]] })).id,
    );

    // Anna (F, 43): doctor A, 2026-10-01 … 2026-12-31, 92 days, psychiatric.
    patients.anna = (
      await buildPatient(database.db, unitId, { pnr: "19821128-9288", givenName: "Anna", familyName: "Ek" })
    ).id;
    await signed(patients.anna, doctorA, [[100, "2026-10-01", "2026-11-10"]], "F43.2");
    await signed(patients.anna, doctorA, [[50, "2026-11-11", "2026-12-31"]], "F43.2");
    // Bo (M, 36): doctor B, 16 days, back pain, studies.
    patients.bo = (
      await buildPatient(database.db, unitId, { pnr: "19900312-2398", givenName: "Bo", familyName: "Al" })
    ).id;
    await signed(patients.bo, doctorB, [[50, "2026-11-10", "2026-11-25"]], "M54.5", unitId, ["STUDIER"]);
    // A protected identity (F): doctor A, with an open komplettering.
    patients.hidden = (
      await buildPatient(database.db, unitId, {
        pnr: "19901231-2386",
        givenName: "Hemlig",
        familyName: "Person",
        protectedIdentity: true,
      })
    ).id;
    const hiddenCert = await signed(patients.hidden, doctorA, [[100, "2026-11-01", "2026-11-20"]], "J06.9");
    await database.db.insert(fkArende).values({
      unitId,
      patientId: patients.hidden,
      certificateId: hiddenCert,
      type: "KOMPLT",
      receivedDate: "2026-11-05",
      questionFields: ["35"],
    });
    // Ended before today: not listed.
    patients.ended = (await buildPatient(database.db, unitId, { pnr: "19910530-2385" })).id;
    await signed(patients.ended, doctorA, [[100, "2026-10-01", "2026-10-31"]], "M54.5");
    // Another unit's patient: never listed here.
    const elsewhere = (await buildPatient(database.db, otherUnitId, { pnr: "19930117-2392" })).id;
    await signed(elsewhere, doctorA, [[100, "2026-11-01", "2026-11-30"]], "M54.5", otherUnitId);
  });
  afterAll(() => database.close());

  const list = (client: TestClient, query = "") => client.json<ListAnswer>("GET", `/api/sjukfall${query}`);

  it("shows the coordinator every ongoing case of the unit with counts by sex", async () => {
    const { status, body } = await list(coordinator);
    expect(status).toBe(200);
    expect(body.scope).toBe("UNIT");
    expect(body.today).toBe("2026-11-16");
    expect(body.counts).toEqual({ total: 3, women: 2, men: 1 });
    expect(body.rows.map((r) => r.patientId).sort()).toEqual(
      [patients.anna, patients.bo, patients.hidden].sort(),
    );
    const anna = body.rows.find((r) => r.patientId === patients.anna)!;
    expect(anna).toMatchObject({
      name: "Anna Ek",
      personnummer: "19821128-9288",
      sex: "F",
      age: 43,
      status: "ONGOING",
      start: "2026-10-01",
      end: "2026-12-31",
      days: 92,
      dayInCase: 47,
      certificateCount: 2,
      currentGrade: 50,
      diagnosis: "F432",
      diagnosisGroup: "Psykiska sjukdomar",
      sysselsattning: ["NUVARANDE_ARBETE"],
      doctorId: doctorA,
      openArenden: 0,
    });
    expect(anna.chapter?.id).toBe("F00-F99");
    expect(anna.risk.flags.every((f) => f.facts.length > 0)).toBe(true);
    const hidden = body.rows.find((r) => r.patientId === patients.hidden)!;
    expect(hidden.name).toBe("Skyddad identitet");
    expect(JSON.stringify(body)).not.toContain("Hemlig");
    expect(hidden.openArenden).toBe(1);
    expect(hidden.risk.flags.map((f) => f.code)).toContain("OPEN_KOMPLETTERING");
  });

  it("shows a doctor only the cases whose anchor certificate they signed", async () => {
    const { status, body } = await list(doctorClient, `?doctor=${(await buildUser(database.db)).id}`);
    expect(status).toBe(200);
    expect(body.scope).toBe("OWN");
    expect(body.rows.map((r) => r.patientId).sort()).toEqual([patients.anna, patients.hidden].sort());
    expect(body.rows.every((r) => r.doctorId === doctorA)).toBe(true);
  });

  it("refuses a user without the list capability, and a user without a unit", async () => {
    expect((await list(secretary)).status).toBe(403);
    const nobody = await clientFor(testApp, (await buildUser(database.db)).id);
    expect((await list(nobody)).status).toBe(403);
  });

  it("filters, sorts and pages; counts follow the filters", async () => {
    const over30 = await list(coordinator, "?over30=true");
    expect(over30.body.rows.map((r) => r.patientId)).toEqual([patients.anna]);
    expect(over30.body.counts).toEqual({ total: 1, women: 1, men: 0 });
    expect(over30.body.unfiltered).toEqual({ total: 3, women: 2, men: 1 });
    expect((await list(coordinator, "?sex=M")).body.rows.map((r) => r.patientId)).toEqual([patients.bo]);
    expect((await list(coordinator, "?length=15-30")).body.rows.map((r) => r.patientId).sort()).toEqual(
      [patients.bo, patients.hidden].sort(),
    );
    expect((await list(coordinator, "?q=19900312")).body.rows.map((r) => r.patientId)).toEqual([patients.bo]);
    expect((await list(coordinator, "?sysselsattning=STUDIER")).body.rows.map((r) => r.patientId)).toEqual([
      patients.bo,
    ]);
    expect((await list(coordinator, "?chapter=M00-M99")).body.rows.map((r) => r.patientId)).toEqual([
      patients.bo,
    ]);
    expect((await list(coordinator, "?openArenden=true")).body.rows.map((r) => r.patientId)).toEqual([
      patients.hidden,
    ]);
    expect(
      (await list(coordinator, "?endFrom=2026-11-21&endTo=2026-11-30")).body.rows.map((r) => r.patientId),
    ).toEqual([patients.bo]);
    expect((await list(coordinator, "?ageMin=40&ageMax=50")).body.rows.map((r) => r.patientId)).toEqual([
      patients.anna,
    ]);
    expect((await list(coordinator, `?doctor=${doctorA}`)).body.counts.total).toBe(2);

    const paged = await list(coordinator, "?sort=days&order=asc&limit=2");
    expect(paged.body.rows.map((r) => r.days)).toEqual([16, 20]);
    expect(paged.body.counts.total).toBe(3);
    const next = await list(coordinator, "?sort=days&order=asc&limit=2&offset=2");
    expect(next.body.rows.map((r) => r.patientId)).toEqual([patients.anna]);
  });

  it("answers 400 with a Swedish message for bad filters", async () => {
    const badBucket = await coordinator.json<ErrorBody>("GET", "/api/sjukfall?length=1-2");
    expect(badBucket.status).toBe(400);
    expect(badBucket.body.error.issues?.[0]?.message).toContain("Okänd längdgrupp");
    const ages = await coordinator.json<ErrorBody>("GET", "/api/sjukfall?ageMin=50&ageMax=40");
    expect(ages.status).toBe(400);
    expect(ages.body.error.issues?.[0]?.message).toBe("Högsta ålder kan inte vara lägre än lägsta ålder.");
    expect((await coordinator.json<ErrorBody>("GET", "/api/sjukfall?sort=shoe")).status).toBe(400);
    expect((await coordinator.json<ErrorBody>("GET", "/api/sjukfall?endFrom=2026-13-01")).status).toBe(400);
  });

  async function auditSince(seq: number) {
    return database.db
      .select({ patientId: auditEvent.patientId, action: auditEvent.action, details: auditEvent.details })
      .from(auditEvent)
      .where(and(gt(auditEvent.seq, seq), eq(auditEvent.unitId, unitId)));
  }
  async function lastSeq() {
    const [row] = await database.db
      .select({ n: sql<number>`coalesce(max(${auditEvent.seq}), 0)` })
      .from(auditEvent);
    return Number(row!.n);
  }

  it("logs one read per patient shown, and none for patients not shown", async () => {
    const before = await lastSeq();
    const { body } = await list(coordinator, "?sort=days&order=desc&limit=2");
    const events = await auditSince(before);
    expect(events.map((e) => e.action)).toEqual(["READ_LIST", "READ_LIST"]);
    expect(events.map((e) => e.patientId).sort()).toEqual(body.rows.map((r) => r.patientId).sort());
  });

  it("exports CSV with the filters and counts, logging an export per patient", async () => {
    const before = await lastSeq();
    const res = await coordinator.request("GET", "/api/sjukfall/export?format=csv&over30=true&sex=F");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const text = await res.text();
    const lines = text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines).toContain("Filter;Längre än 30 dagar");
    expect(lines).toContain("Filter;Kön: Kvinnor");
    expect(lines).toContain("Antal;1 (kvinnor 1, män 0)");
    const header = lines.findIndex((l) => l.startsWith("Status;Personnummer"));
    expect(lines[header + 1]!.split(";").slice(0, 5)).toEqual([
      "Pågående",
      "19821128-9288",
      "43",
      "Anna Ek",
      "Kvinna",
    ]);
    const events = await auditSince(before);
    expect(events).toEqual([
      { patientId: patients.anna, action: "EXPORT", details: { format: "csv", hidePersonal: false } },
    ]);
  });

  it("leaves name and personnummer out of an export made with personal data hidden, still logging it", async () => {
    const before = await lastSeq();
    const res = await coordinator.request(
      "GET",
      "/api/sjukfall/export?format=csv&over30=true&sex=F&hidePersonal=true",
    );
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain("19821128-9288");
    expect(text).not.toContain("Anna Ek");
    const lines = text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines).toContain("Personuppgifter;Dolda: namn och personnummer ingår inte");
    expect(lines.find((l) => l.startsWith("Status;"))).toBe(
      "Status;Ålder;Kön;Diagnos;Diagnostext;Sysselsättning;Start;Slut;Längd (dagar);Dag i sjukfallet;Längre än 30 dagar;Antal intyg;Grad (%);Öppna ärenden;Över FMB;Risk (poäng);Risknivå;Läkare;Teamstatus;Koordinatorstatus",
    );
    expect(await auditSince(before)).toEqual([
      { patientId: patients.anna, action: "EXPORT", details: { format: "csv", hidePersonal: true } },
    ]);
    const pdf = await coordinator.request("GET", "/api/sjukfall/export?format=pdf&hidePersonal=true");
    expect(pdf.status).toBe(200);
  });

  it("exports XLSX and PDF that parse, masking a protected identity", async () => {
    const xlsx = await coordinator.request("GET", "/api/sjukfall/export?format=xlsx&sort=name&order=asc");
    expect(xlsx.status).toBe(200);
    const sheets = await readXlsxFile(Buffer.from(await xlsx.arrayBuffer()));
    expect(sheets.map((s) => s.sheet)).toEqual(["Sjukfall", "Urval"]);
    const table = sheets[0]!.data;
    expect(table[0]!.slice(0, 4)).toEqual(["Status", "Personnummer", "Ålder", "Namn"]);
    expect(table.slice(1).map((r) => r[3])).toEqual(["Anna Ek", "Bo Al", "Skyddad identitet"]);
    expect(sheets[1]!.data.map((r) => r[0])).toContain("Antal");

    const before = await lastSeq();
    const pdf = await coordinator.request("GET", "/api/sjukfall/export?format=pdf");
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await auditSince(before)).filter((e) => e.action === "EXPORT")).toHaveLength(3);
  });

  it("names only a doctor of the unit in the export's filter; any other user id is refused without a name", async () => {
    const [doctor] = await database.db
      .select({ name: appUser.displayName })
      .from(appUser)
      .where(eq(appUser.id, doctorA));
    const own = await coordinator.request("GET", `/api/sjukfall/export?format=csv&doctor=${doctorA}`);
    expect(own.status).toBe(200);
    expect(await own.text()).toContain(`Filter;Läkare: ${doctor!.name}`);

    const elsewhere = await buildUnit(database.db);
    const strangers = [
      await buildUser(database.db, { roles: [["LAKARE", elsewhere.id]] }),
      await buildUser(database.db, { roles: [["SEKRETERARE", unitId]] }),
      await buildUser(database.db),
    ];
    for (const stranger of strangers) {
      const before = await lastSeq();
      for (const path of ["/api/sjukfall/export?format=csv&", "/api/sjukfall?"]) {
        const res = await coordinator.request("GET", `${path}doctor=${stranger.id}`);
        expect(res.status).toBe(400);
        const text = await res.text();
        expect(text).not.toContain(stranger.displayName);
        expect(JSON.parse(text).error.issues).toEqual([
          { path: "doctor", message: "Välj en läkare på enheten." },
        ]);
      }
      expect(await auditSince(before)).toEqual([]);
    }
  });

  it("refuses an export without a format, and to a user without the capability", async () => {
    expect((await coordinator.request("GET", "/api/sjukfall/export")).status).toBe(400);
    expect((await secretary.request("GET", "/api/sjukfall/export?format=csv")).status).toBe(403);
  });
});
