/**
 * The world the fuzz runs in: one unit, one user holding every role there (so requests get past
 * access control into validation and storage), a second user to administer, a patient with a
 * certificate draft, a samtycke and a kartläggande samtal, so that `{id}` can name real rows.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Role } from "../../src/access/policy.ts";
import { rowsOf, type Database } from "../../src/db/client.ts";
import { stockholmToday } from "../../src/dates/today.ts";
import { createSession, sessionCookie } from "../../src/auth/session.ts";
import { clientFor, type TestApp } from "../app.ts";
import { buildPatient, buildUnit, buildUser } from "../factories.ts";
import type { FuzzWorld } from "./hostile.ts";
import { operationsOf, type OpenApiDocument } from "./openapi.ts";

const everyRole: Role[] = [
  "LAKARE",
  "REHABKOORDINATOR",
  "SEKRETERARE",
  "ENHETSCHEF",
  "MLU",
  "SYSTEMADMINISTRATOR",
  "REGIONANALYTIKER",
];

/** Operations left out: logging out would end the fuzz's own session. */
const excluded = new Set(["POST /api/auth/logout"]);

export async function createFuzzWorld(
  testApp: TestApp,
): Promise<FuzzWorld & { headers: Record<string, string> }> {
  const db = testApp.deps.database.db;
  const unit = await buildUnit(db);
  const user = await buildUser(db, { roles: everyRole.map((role) => [role, unit.id]) });
  const other = await buildUser(db, { roles: [["KURATOR", unit.id]] });
  const patient = await buildPatient(db, unit.id);
  const client = await clientFor(testApp, user.id);
  const today = stockholmToday(testApp.deps.now());

  const draft = await client.json<{ id: string }>("POST", `/api/patients/${patient.id}/certificates`, {
    body: { content: {} },
  });
  const consent = await client.json<{ id: string }>("POST", `/api/patients/${patient.id}/samtycken`, {
    body: { kind: "KOORDINERING", obtainedDate: today, method: "MUNTLIGT", scope: "Koordinering." },
  });
  const samtal = await client.json<{ id: string }>(
    "POST",
    `/api/patients/${patient.id}/kartlaggande-samtal`,
    {
      body: {},
    },
  );
  const [assignmentRow] = rowsOf<{ id: string }>(
    await db.execute(sql`select id from assignment where user_id = ${other.id} limit 1`),
  );

  const docResponse = await testApp.app.request("/api/docs");
  const doc = (await docResponse.json()) as OpenApiDocument;
  const ids: [string, string | undefined][] = [
    ["/api/patients/", patient.id],
    ["/api/certificates/", draft.body.id],
    ["/api/samtycken/", consent.body.id],
    ["/api/kartlaggande-samtal/", samtal.body.id],
    ["/api/units/", unit.id],
    ["/api/users/", other.id],
    ["/api/assignments/", assignmentRow?.id],
    ["/api/reference/diagnoses/", "F43.8A"],
  ];
  const session = await createSession(db, {
    userId: user.id,
    authMethod: "password",
    ttlMinutes: 600,
    now: testApp.deps.now(),
  });
  const headers = { cookie: `${sessionCookie}=${session.token}`, "x-csrf-token": session.csrfToken };
  return {
    doc,
    operations: operationsOf(doc).filter((op) => !excluded.has(`${op.method} ${op.template}`)),
    today,
    headers,
    idFor: (template) => ids.find(([prefix]) => template.startsWith(prefix))?.[1] ?? randomUUID(),
  };
}

/**
 * A fingerprint of everything stored, except what every request legitimately touches (the session's
 * last-seen time, the login throttle). Equal before and after: the request wrote nothing.
 */
export async function databaseChecksum(database: Database): Promise<string> {
  const tables = rowsOf<{ name: string }>(
    await database.db.execute(
      sql`select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE'
            and table_name not in ('session', 'login_throttle', '__drizzle_migrations')
          order by table_name`,
    ),
  ).map((row) => row.name);
  const parts = tables.map(
    (name) => `(select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from "${name}" t)`,
  );
  const [row] = rowsOf<{ sum: string }>(
    await database.db.execute(sql.raw(`select md5(${parts.join(" || ")}) as sum`)),
  );
  return row!.sum;
}
