import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client.ts";
import { anonymousClient, clientFor, createTestApp, type TestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase } from "../../test/databases.ts";
import { buildUnit, buildUser } from "../../test/factories.ts";
import { loadReference } from "./index.ts";

describe("reference API", () => {
  let database: Database;
  let testApp: TestApp;
  let client: TestClient;

  beforeAll(async () => {
    database = await openTestDatabase("pglite");
    testApp = createTestApp(database, { reference: await loadReference(database) });
    const unitId = (await buildUnit(database.db)).id;
    client = await clientFor(testApp, (await buildUser(database.db, { roles: [["LAKARE", unitId]] })).id);
  });
  afterAll(() => database.close());

  it("requires a session", async () => {
    for (const path of [
      "/api/reference/diagnoses?q=rygg",
      "/api/reference/diagnoses/M54",
      "/api/reference/fmb?codes=M54",
    ]) {
      expect((await anonymousClient(testApp).request("GET", path)).status, path).toBe(401);
    }
  });

  it("searches diagnoses by words or code", async () => {
    const words = await client.json<{ diagnoses: { code: string; title: string }[] }>(
      "GET",
      "/api/reference/diagnoses?q=utmattning&limit=5",
    );
    expect(words.status).toBe(200);
    expect(words.body.diagnoses.length).toBeLessThanOrEqual(5);
    expect(words.body.diagnoses).toContainEqual({ code: "F438A", title: "Utmattningssyndrom" });
    const code = await client.json<{ diagnoses: { code: string }[] }>(
      "GET",
      "/api/reference/diagnoses?q=F43.8",
    );
    expect(code.body.diagnoses.length).toBeGreaterThan(0);
    expect(code.body.diagnoses.every((d) => d.code.startsWith("F438"))).toBe(true);
    expect((await client.json("GET", "/api/reference/diagnoses")).body).toEqual({ diagnoses: [] });
  });

  it("refuses a bad limit with 400", async () => {
    const res = await client.json<{ error: { code: string } }>("GET", "/api/reference/diagnoses?q=a&limit=0");
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION");
  });

  it("looks up one code with chapter, block and group", async () => {
    const res = await client.json("GET", "/api/reference/diagnoses/f43.8a");
    expect(res).toEqual({
      status: 200,
      body: {
        code: "F438A",
        title: "Utmattningssyndrom",
        chapter: { id: "F00-F99", title: expect.any(String) },
        block: { id: "F40-F48", title: expect.any(String) },
        group: { name: "Psykiska sjukdomar" },
      },
    });
  });

  it("answers 404 with a Swedish message for an unknown code, 400 for a malformed one", async () => {
    const unknown = await client.json<{ error: { message: string } }>(
      "GET",
      "/api/reference/diagnoses/M549X",
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe("Diagnoskoden finns inte i ICD-10-SE.");
    const malformed = await client.json("GET", "/api/reference/diagnoses/rygg");
    expect(malformed.status).toBe(400);
  });

  it("gives the FMB limit and guidance for codes", async () => {
    const res = await client.json<{
      limitDays: number | null;
      guidance: { code: string; fmbCode: string; title: string; typfall: unknown[] }[];
    }>("GET", "/api/reference/fmb?codes=F438A,M54.5");
    expect(res.status).toBe(200);
    expect(res.body.limitDays).toBe(372);
    expect(res.body.guidance.map((g) => [g.code, g.fmbCode])).toEqual([
      ["F438A", "F438"],
      ["M545", "M545"],
    ]);
    expect(res.body.guidance[0]!.typfall.length).toBeGreaterThan(0);
    const none = await client.json("GET", "/api/reference/fmb?codes=S47");
    expect(none.body).toEqual({ limitDays: null, guidance: [] });
  });

  it("refuses malformed or missing codes with 400", async () => {
    for (const query of ["codes=F438A,rygg", "codes=", "", `codes=${Array(11).fill("M54").join(",")}`]) {
      const res = await client.json<{ error: { message: string } }>("GET", `/api/reference/fmb?${query}`);
      expect(res.status, query).toBe(400);
    }
  });

  it("is documented in the OpenAPI document, not as patient data", async () => {
    const doc = await (await anonymousClient(testApp).request("GET", "/api/docs")).json();
    for (const path of [
      "/api/reference/diagnoses",
      "/api/reference/diagnoses/{code}",
      "/api/reference/fmb",
    ]) {
      expect(doc.paths[path]?.get?.["x-patient-data"], path).toBe(false);
    }
  });
});
