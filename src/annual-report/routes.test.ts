import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq, inArray } from "drizzle-orm";
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces.js";
import type { Database } from "../db/client.ts";
import { auditEvent, certificate, fkArende, listedPopulation } from "../db/schema.ts";
import { derivedColumns } from "../certificates/workflow.ts";
import { loadIcd10 } from "../reference/icd10/load.ts";
import { clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildPatient, buildUnit, buildUser } from "../../test/factories.ts";
import { annualReportDocument, renderAnnualReportPdf } from "./document.ts";
import { parseReportPeriod } from "./periods.ts";
import type { ReportTexts } from "./schema.ts";
import { annualReport } from "./service.ts";

// The clock is the test's: the figures below are worked out by hand for the delårsrapport 2026
// (januari–augusti), counted on its last day, 2026-08-31.
const now = new Date("2026-11-16T09:00:00Z");
const delar = "2026-T2";

interface ErrorBody {
  error: {
    code: string;
    message: string;
    issues?: { path: string; message: string }[];
    current?: ReportTexts;
  };
}

/** Every table row of the document as text cells (the no-break spaces of "50 %" as spaces). */
function rowsOf(value: unknown): string[][] {
  if (Array.isArray(value)) return value.flatMap(rowsOf);
  if (value === null || typeof value !== "object") return [];
  const node = value as Record<string, unknown>;
  if (node.table) {
    const body = (node.table as { body: Content[][] }).body;
    const cellText = (cell: Content) =>
      typeof cell === "string" ? cell : String((cell as { text: string }).text);
    return body.map((row) => row.map((cell) => cellText(cell).replace(/\u00a0/g, " ")));
  }
  return ["content", "stack"].flatMap((key) => (key in node ? rowsOf(node[key]) : []));
}

/** Every paragraph text of the document outside tables. */
function textsOf(definition: TDocumentDefinitions): string[] {
  return (definition.content as Content[]).flatMap((node) =>
    typeof node === "object" && node !== null && "text" in node ? [String(node.text)] : [],
  );
}

describe.each(testDatabaseKinds())("annual report API on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  let unitId: string;
  let otherUnitId: string;
  const doctors = { d1: { id: "", name: "" }, d2: { id: "", name: "" } };
  const clients = {} as Record<
    "chief" | "mlu" | "doctor" | "coordinator" | "secretary" | "analyst" | "otherChief",
    TestClient
  >;
  const chiefId = { id: "", name: "" };
  const mluName = { name: "" };
  const patientTexts: string[] = [];

  async function signed(
    pnr: string,
    doctorId: string,
    period: [number, string, string],
    komplt?: string[],
    answeredAt?: string,
  ) {
    const givenName = `Rapportpatient${patientTexts.length}`;
    const patient = await buildPatient(database.db, unitId, { pnr, givenName, familyName: "Hemligsson" });
    patientTexts.push(givenName, "Hemligsson", patient.personnummer);
    const body = {
      sysselsattning: ["NUVARANDE_ARBETE"],
      diagnoser: [{ kod: "M54.5", text: "Lumbago" }],
      perioder: [{ grad: period[0], from: period[1], tom: period[2] }],
    };
    const [row] = await database.db
      .insert(certificate)
      .values({
        unitId,
        patientId: patient.id,
        doctorId,
        status: "SIGNERAT",
        signedAt: `${period[1]}T10:00:00Z`,
        content: body,
        ...derivedColumns(body),
      })
      .returning();
    if (komplt) {
      await database.db.insert(fkArende).values({
        unitId,
        patientId: patient.id,
        certificateId: row!.id,
        type: "KOMPLT",
        receivedDate: "2026-08-25",
        questionFields: komplt,
        ...(answeredAt ? { status: "ANSWERED" as const, answeredAt } : {}),
      });
    }
  }

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    testApp = createTestApp(database, { now: () => now });
    unitId = (await buildUnit(database.db)).id;
    otherUnitId = (await buildUnit(database.db)).id;
    for (const key of ["d1", "d2"] as const) {
      const user = await buildUser(database.db, { roles: [["LAKARE", unitId]] });
      doctors[key] = { id: user.id, name: user.displayName };
    }
    const chief = await buildUser(database.db, { roles: [["ENHETSCHEF", unitId]] });
    Object.assign(chiefId, { id: chief.id, name: chief.displayName });
    clients.chief = await clientFor(testApp, chief.id);
    const client = async (roles: Parameters<typeof buildUser>[1] & object) =>
      clientFor(testApp, (await buildUser(database.db, roles)).id);
    const mlu = await buildUser(database.db, { roles: [["MLU", unitId]] });
    mluName.name = mlu.displayName;
    clients.mlu = await clientFor(testApp, mlu.id);
    clients.coordinator = await client({ roles: [["REHABKOORDINATOR", unitId]] });
    clients.secretary = await client({ roles: [["SEKRETERARE", unitId]] });
    clients.analyst = await client({ roles: [["REGIONANALYTIKER", unitId]] });
    clients.otherChief = await client({ roles: [["ENHETSCHEF", otherUnitId]] });
    clients.doctor = await clientFor(testApp, doctors.d1.id);

    const { d1, d2 } = doctors;
    // Women: ongoing on 2026-08-31, both new in August.
    await signed("19001026-9801", d1.id, [100, "2026-08-01", "2026-09-30"]);
    // Her komplettering was answered after 3 days (received 2026-08-25).
    await signed("19010822-9808", d2.id, [50, "2026-08-20", "2026-09-10"], ["35"], "2026-08-28T10:00:00Z");
    // Men: one ongoing (new in July, with a komplettering), one ended in March.
    await signed("19241006-8338", d1.id, [100, "2026-07-01", "2026-09-15"], ["35", "17"]);
    await signed("19330817-9013", d1.id, [25, "2026-03-01", "2026-03-31"]);
    // The listing of August (another age band's cells add up by sex).
    await database.db.insert(listedPopulation).values([
      { unitId, month: "2026-08", sex: "F", ageBand: "20-29", count: 300 },
      { unitId, month: "2026-08", sex: "F", ageBand: "30-39", count: 200 },
      { unitId, month: "2026-08", sex: "M", ageBand: "30-39", count: 400 },
    ]);
    // After the period: neither ongoing on 2026-08-31 nor sent in it.
    await signed("19420302-7018", d2.id, [100, "2026-10-01", "2026-10-31"], ["35"]);
  });

  afterAll(async () => {
    await database.close();
  });

  const save = (client: TestClient, body: Record<string, unknown>, period = delar) =>
    client.json<ReportTexts & ErrorBody>("PUT", `/api/statistik/arsrapport/${period}`, { body });
  const texts = {
    summary: "Färre långa sjukfall.",
    equality: "Kvinnor har längre sjukfall.",
    actions: "Tidig kontakt.",
  };

  it("keeps the chief's texts in versions; a stale save answers 409 with what is saved, and changes nothing", async () => {
    const empty = await clients.chief.json<ReportTexts>("GET", `/api/statistik/arsrapport/${delar}`);
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({
      period: { id: delar, label: "Delårsrapport 2026 (januari–augusti)", from: "2026-01", to: "2026-08" },
      version: 0,
      summary: "",
      versions: [],
      canWrite: true,
    });

    const first = await save(clients.chief, { version: 0, ...texts });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 1, ...texts });
    const second = await save(clients.mlu, {
      version: 1,
      ...texts,
      actions: "Tidig kontakt och uppföljning.",
    });
    expect(second.body.version).toBe(2);

    const stale = await save(clients.chief, { version: 1, ...texts, summary: "Något annat." });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ version: 2, actions: "Tidig kontakt och uppföljning." });

    const read = await clients.coordinator.json<ReportTexts>("GET", `/api/statistik/arsrapport/${delar}`);
    expect(read.body).toMatchObject({ version: 2, summary: texts.summary, canWrite: false });
    expect(read.body.versions.map((v) => [v.version, v.savedBy, v.savedAt])).toEqual([
      [2, mluName.name, expect.any(String)],
      [1, chiefId.name, expect.any(String)],
    ]);
    // Saved at the server's clock.
    expect(new Date(read.body.versions[1]!.savedAt).getTime()).toBe(now.getTime());

    const events = await database.db
      .select({ action: auditEvent.action, details: auditEvent.details, patientId: auditEvent.patientId })
      .from(auditEvent)
      .where(eq(auditEvent.entity, "annual_report_text"))
      .orderBy(asc(auditEvent.seq));
    expect(events.filter((e) => e.action !== "STATISTICS")).toEqual([
      {
        action: "CREATE",
        patientId: null,
        details: { period: delar, version: 1, changed: ["summary", "equality", "actions"] },
      },
      { action: "UPDATE", patientId: null, details: { period: delar, version: 2, changed: ["actions"] } },
    ]);
    expect(JSON.stringify(events)).not.toContain(texts.summary);
  });

  it("lets exactly one of two saves of the same version through; the other answers 409", async () => {
    const answers = await Promise.all([
      save(clients.chief, { version: 0, ...texts, summary: "Chefens" }, "2024"),
      save(clients.mlu, { version: 0, ...texts, summary: "MLU:s" }, "2024"),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const kept = await clients.chief.json<ReportTexts>("GET", "/api/statistik/arsrapport/2024");
    expect(kept.body.versions).toHaveLength(1);
    expect(kept.body.summary).toBe(answers.find((a) => a.status === 200)!.body.summary);
  });

  it("lets only chief and MLU write, staff without statistics read nothing, and keeps units apart", async () => {
    const before = await clients.chief.json<ReportTexts>("GET", `/api/statistik/arsrapport/${delar}`);
    for (const client of [clients.coordinator, clients.doctor, clients.secretary]) {
      expect(
        (await save(client, { version: before.body.version, ...texts, summary: "Intrång" })).status,
      ).toBe(403);
    }
    expect((await clients.secretary.request("GET", `/api/statistik/arsrapport/${delar}`)).status).toBe(403);
    expect((await clients.secretary.request("GET", `/api/statistik/arsrapport/${delar}/pdf`)).status).toBe(
      403,
    );
    const other = await clients.otherChief.json<ReportTexts>("GET", `/api/statistik/arsrapport/${delar}`);
    expect(other.body).toMatchObject({ version: 0, summary: "", versions: [] });
    const after = await clients.chief.json<ReportTexts>("GET", `/api/statistik/arsrapport/${delar}`);
    expect(after.body).toEqual(before.body);
  });

  it("refuses bad input with a Swedish message naming the field", async () => {
    const period = await clients.chief.json<ErrorBody>("GET", "/api/statistik/arsrapport/2026-T3");
    expect(period.status).toBe(400);
    expect(period.body.error.issues?.[0]).toMatchObject({ path: "period" });
    expect(period.body.error.issues?.[0]?.message).toMatch(/rapportperioden/);
    const long = await save(clients.chief, { version: 0, ...texts, summary: "x".repeat(10_001) }, "2025");
    expect(long.status).toBe(400);
    expect(long.body.error.issues).toEqual([
      { path: "summary", message: expect.stringMatching(/högst 10000 tecken/) },
    ]);
    const noVersion = await save(clients.chief, { ...texts }, "2025");
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error.issues?.[0]?.path).toBe("version");
    const kept = await clients.chief.json<ReportTexts>("GET", "/api/statistik/arsrapport/2025");
    expect(kept.body.version).toBe(0);
    const future = await clients.chief.json<ErrorBody>("GET", "/api/statistik/arsrapport/2027-T1/pdf");
    expect(future.status).toBe(400);
    expect(future.body.error.issues).toEqual([
      { path: "period", message: expect.stringMatching(/inte börjat/) },
    ]);
  });

  it("renders the report as PDF with the unit's figures, women / men / total, and the chief's texts", async () => {
    const res = await clients.chief.request("GET", `/api/statistik/arsrapport/${delar}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="arsrapport-${delar}.pdf"`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");

    // The same report, built from storage as the route builds it, renders to the same bytes.
    const period = parseReportPeriod(delar)!;
    const report = await database.db.transaction((tx) =>
      annualReport(tx, { unitId, userId: chiefId.id, doctors: "ALL" }, period, now),
    );
    expect(Buffer.from(await renderAnnualReportPdf(report)).equals(bytes)).toBe(true);

    const document = annualReportDocument(report);
    const rows = rowsOf(document.content);
    const paragraphs = textsOf(document).join("\n");
    expect(paragraphs).toContain("Delårsrapport 2026 (januari–augusti)");
    expect(paragraphs).toContain("2026-08-31");
    expect(paragraphs).toContain(texts.summary);
    expect(paragraphs).toContain("Tidig kontakt och uppföljning.");
    // Women, men, total.
    expect(rows).toContainEqual(["Pågående sjukfall", "2", "1", "3"]);
    expect(rows).toContainEqual(["100 %", "1", "1", "2"]);
    expect(rows).toContainEqual(["50 %", "1", "0", "1"]);
    // Every case has M54.5 (ryggvärk): one diagnosis group with all three.
    const group = loadIcd10().groupOf("M54.5")!;
    expect(rows).toContainEqual([group.name, "2", "1", "3"]);
    expect(rows).toContainEqual(["2026-03", "0", "1", "1"]);
    expect(rows).toContainEqual(["2026-07", "0", "1", "1"]);
    expect(rows).toContainEqual(["2026-08", "2", "0", "2"]);
    expect(rows).toContainEqual(["Summa", "2", "2", "4"]);
    // Sjuktal: 2 of 500 women, 1 of 400 men, 3 of 900 per 1,000.
    expect(rows).toContainEqual(["Listade patienter", "500", "400", "900"]);
    expect(rows).toContainEqual(["Sjuktal (per 1 000 listade)", "4", "2,5", "3,3"]);
    expect(rows).toContainEqual(["Skickade intyg", "2", "2", "4"]);
    expect(rows).toContainEqual(["Intyg med komplettering", "1", "1", "2"]);
    expect(rows).toContainEqual(["Andel med komplettering", "50 %", "50 %", "50 %"]);
    expect(rows).toContainEqual([doctors.d1.name, "3", "1", "33,3 %"]);
    expect(rows).toContainEqual([doctors.d2.name, "1", "1", "100 %"]);
    expect(rows).toContainEqual(["Besvarade", "1", "0", "1"]);
    expect(rows).toContainEqual(["Obesvarade", "0", "1", "1"]);
    expect(rows).toContainEqual(["Mediantid, dagar", "3", "–", "3"]);
    expect(rows).toContainEqual(["2026-08", "2", "0", "2", "1", "50 %"]);
    // Each figure with its written definition; no patient identity anywhere.
    expect(paragraphs).not.toContain("Rapportpatient");
    const all = JSON.stringify(document.content);
    for (const secret of patientTexts) expect(all).not.toContain(secret);
    expect(all).toContain("Sjukfall där minst ett intyg gäller");

    const exports = await database.db
      .select({ action: auditEvent.action, details: auditEvent.details, patientId: auditEvent.patientId })
      .from(auditEvent)
      .where(inArray(auditEvent.entity, ["annual_report"]));
    expect(exports).toContainEqual({
      action: "EXPORT",
      patientId: null,
      details: { period: delar, day: "2026-08-31", doctors: "ALL", format: "pdf" },
    });
  });

  it("shows a doctor only their own komplettering row", async () => {
    const period = parseReportPeriod(delar)!;
    const res = await clients.doctor.request("GET", `/api/statistik/arsrapport/${delar}/pdf`);
    expect(res.status).toBe(200);
    const report = await database.db.transaction((tx) =>
      annualReport(tx, { unitId, userId: doctors.d1.id, doctors: "OWN" }, period, now),
    );
    const rows = rowsOf(annualReportDocument(report).content);
    expect(rows).toContainEqual([doctors.d1.name, "3", "1", "33,3 %"]);
    expect(JSON.stringify(rows)).not.toContain(doctors.d2.name);
  });
});
