/**
 * The inputs the 2026 probe turned into 500s now answer 400 in Swedish, naming the field, and
 * change nothing: NUL in text, the search and a unit id; lone surrogates in draft content; JSON
 * nested 5,000 levels; a version of 2³¹; a half-typed date in a certificate draft.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "../db/client.ts";
import { clientFor, createTestApp, type TestClient } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildPatient, buildUnit, buildUser } from "../../test/factories.ts";

interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

describe.each(testDatabaseKinds())("edge validation on %s", (kind) => {
  let database: Database;
  let doctor: TestClient;
  let patientId: string;
  let draft: { id: string; version: number };

  const certificateCount = async () =>
    rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from certificate`))[0]!.n;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const testApp = createTestApp(database);
    const unit = await buildUnit(database.db);
    const user = await buildUser(database.db, { roles: [["LAKARE", unit.id]] });
    patientId = (await buildPatient(database.db, unit.id)).id;
    doctor = await clientFor(testApp, user.id);
    draft = (
      await doctor.json<{ id: string; version: number }>("POST", `/api/patients/${patientId}/certificates`, {
        body: { content: {} },
      })
    ).body;
  });
  afterAll(() => database?.close());

  async function refused(method: string, path: string, body: unknown, field: string) {
    const before = await certificateCount();
    const res = await doctor.json<ErrorBody>(method, path, body === undefined ? {} : { body });
    expect(res.status, path).toBe(400);
    expect(res.body.error.message).not.toMatch(/invalid|expected|received/i);
    expect(res.body.error.issues?.map((issue) => issue.path)).toContain(field);
    for (const issue of res.body.error.issues ?? []) expect(issue.message).toMatch(/[åäö]|Fältet|Ange/);
    expect(await certificateCount()).toBe(before);
    return res.body.error;
  }

  it("refuses NUL in the search, in a unit id and in text", async () => {
    await refused("GET", "/api/patients?q=ab%00c", undefined, "q");
    await refused("PUT", "/api/auth/session/unit", { unitId: "U1\u0000" }, "unitId");
    await refused(
      "POST",
      `/api/patients/${patientId}/certificates`,
      { content: { ovrigt: "a\u0000b" } },
      "content.ovrigt",
    );
  });

  it("refuses lone surrogates in draft content", async () => {
    const error = await refused(
      "PUT",
      `/api/certificates/${draft.id}`,
      { version: draft.version, content: { ovrigt: "x\ud800y" } },
      "content.ovrigt",
    );
    expect(error.message).toContain("Unicode");
  });

  it("refuses JSON nested 5,000 levels deep without parsing it", async () => {
    const res = await doctor.json<ErrorBody>("POST", `/api/patients/${patientId}/certificates`, {
      body: '{"content":' + '{"a":'.repeat(5_000) + "1" + "}".repeat(5_001),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("nästlad");
  });

  it("refuses a version of 2³¹ or more, naming it", async () => {
    for (const version of [2 ** 31, 2 ** 53, 1e308]) {
      const error = await refused("POST", `/api/certificates/${draft.id}/sign`, { version }, "version");
      expect(error.message).toContain("version");
    }
  });

  it("refuses a half-typed date in a draft before it reaches a date column", async () => {
    for (const from of ["2026-1", "2026-02-30", "2026-13-01"]) {
      await refused(
        "PUT",
        `/api/certificates/${draft.id}`,
        { version: draft.version, content: { perioder: [{ grad: 100, from, tom: "2026-03-10" }] } },
        "content.perioder.0.from",
      );
    }
    const saved = await doctor.json<{ version: number }>("PUT", `/api/certificates/${draft.id}`, {
      body: { version: draft.version, content: { perioder: [{ grad: 100, from: "", tom: "2024-02-29" }] } },
    });
    expect(saved.status).toBe(200);
    draft = { ...draft, version: saved.body.version };
  });

  it("words zod's own failures in Swedish, naming the field", async () => {
    const error = await refused("POST", `/api/certificates/${draft.id}/sign`, { version: "ett" }, "version");
    expect(error.issues?.[0]?.message).toBe("Fältet «version» ska vara ett tal.");
    expect(error.message).toContain("version");
  });

  it("marks API answers no-store and sends a Permissions-Policy", async () => {
    const res = await doctor.request("GET", `/api/patients/${patientId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("permissions-policy")).toContain("camera=()");
  });
});
