/**
 * Patient API. Every read and write goes through the unit-scoped authorization and the audit
 * log in one transaction; other units' patients answer 404.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { authorizeOnUnit, authorizeOnUnitAny } from "../access/authorize.ts";
import type { Capability } from "../access/policy.ts";
import { auditedRead, auditedWrite } from "../audit/audit.ts";
import { patientAccessLog } from "../audit/store.ts";
import { stockholmToday } from "../dates/today.ts";
import { errorResponses, jsonBody, jsonResponse } from "../server/openapi.ts";
import { errors } from "../server/errors.ts";
import { createRouter, patientData } from "../server/router.ts";
import { ageOn, formatPersonnummer, parseIdentityNumber, listName } from "./identity.ts";
import {
  accessLogEntry,
  createPatientBody,
  patientDetail,
  patientIdParam,
  patientSearchResult,
  searchQuery,
  updatePatientBody,
} from "./schema.ts";
import {
  findPatient,
  findPatientByPersonnummer,
  insertPatient,
  searchPatients,
  updatePatient,
  type PatientRow,
} from "./store.ts";

const logReviewCapabilities: readonly Capability[] = ["audit.review", "patient.log-extract"];

function toSummary(row: PatientRow, unitId: string, today: string) {
  return {
    id: row.id,
    personnummer: formatPersonnummer(row.personnummer),
    name: listName(row),
    sex: row.sex,
    age: ageOn(row.birthDate, today),
    protectedIdentity: row.protectedIdentity,
    listed: row.listingUnitId === unitId,
  };
}

function toDetail(found: NonNullable<Awaited<ReturnType<typeof findPatient>>>, today: string) {
  const row = found.patient;
  return {
    id: row.id,
    personnummer: formatPersonnummer(row.personnummer),
    samordningsnummer: row.samordningsnummer,
    givenName: row.givenName,
    familyName: row.familyName,
    sex: row.sex,
    birthDate: row.birthDate,
    age: ageOn(row.birthDate, today),
    protectedIdentity: row.protectedIdentity,
    listingUnit: row.listingUnitId ? { id: row.listingUnitId, name: found.listingUnitName ?? "" } : null,
    firstDayCertificateUntil: row.firstDayCertificateUntil,
    version: row.version,
  };
}

const searchRoute = createRoute({
  method: "get",
  path: "/",
  tags: ["Patienter"],
  summary: "Search the unit's patients by personnummer or name",
  ...patientData,
  request: { query: searchQuery },
  responses: {
    200: jsonResponse(patientSearchResult, "Matching patients of the active unit"),
    ...errorResponses,
  },
});

const createPatientRoute = createRoute({
  method: "post",
  path: "/",
  tags: ["Patienter"],
  summary: "Register a patient on the active unit",
  ...patientData,
  request: { body: jsonBody(createPatientBody) },
  responses: { 201: jsonResponse(patientDetail, "The new patient"), ...errorResponses },
});

const getPatientRoute = createRoute({
  method: "get",
  path: "/{id}",
  tags: ["Patienter"],
  summary: "A patient of the active unit",
  ...patientData,
  request: { params: patientIdParam },
  responses: { 200: jsonResponse(patientDetail, "The patient"), ...errorResponses },
});

const updatePatientRoute = createRoute({
  method: "patch",
  path: "/{id}",
  tags: ["Patienter"],
  summary: "Change a patient's details (optimistic concurrency on version)",
  ...patientData,
  request: {
    params: patientIdParam,
    body: jsonBody(updatePatientBody),
  },
  responses: { 200: jsonResponse(patientDetail, "The updated patient"), ...errorResponses },
});

const accessLogRoute = createRoute({
  method: "get",
  path: "/{id}/access-log",
  tags: ["Patienter", "Logg"],
  summary: "Who has read or changed this patient's data (log reviewers only)",
  ...patientData,
  request: { params: patientIdParam },
  responses: {
    200: jsonResponse(z.object({ events: z.array(accessLogEntry) }), "Access events, newest first"),
    ...errorResponses,
  },
});

export function patientRoutes() {
  const router = createRouter();

  router.openapi(searchRoute, async (c) => {
    const { actor, grant, unitId } = authorizeOnUnit(c, "patient.search");
    const { q, limit } = c.req.valid("query");
    const today = stockholmToday(c.var.deps.now());
    const result = await auditedRead(
      c.var.deps.database.db,
      { actor, grant },
      (tx) => searchPatients(tx, unitId, q, limit),
      ({ rows }) =>
        rows.map((row) => ({ action: "READ_LIST", purpose: "Patientsökning", patientId: row.id })),
    );
    return c.json(
      {
        patients: result.rows.map((row) => toSummary(row, unitId, today)),
        total: result.total,
        truncated: result.total > result.rows.length,
      },
      200,
    );
  });

  router.openapi(createPatientRoute, async (c) => {
    const { actor, grant, unitId } = authorizeOnUnit(c, "patient.write");
    const body = c.req.valid("json");
    const identity = parseIdentityNumber(body.personnummer);
    if (!identity.ok) throw errors.badRequest(identity.message);
    const db = c.var.deps.database.db;
    const created = await auditedWrite(
      db,
      { actor, grant },
      async (tx) => {
        if (await findPatientByPersonnummer(tx, unitId, identity.value.personnummer)) {
          throw errors.badRequest("Patienten finns redan på enheten.", [
            { path: "personnummer", message: "Patienten finns redan på enheten." },
          ]);
        }
        const row = await insertPatient(tx, {
          unitId,
          ...identity.value,
          givenName: body.givenName,
          familyName: body.familyName,
          protectedIdentity: body.protectedIdentity,
          listingUnitId: body.listed ? unitId : null,
        });
        return (await findPatient(tx, unitId, row.id))!;
      },
      (found) => [{ action: "CREATE", purpose: "Registrering av patient", patientId: found.patient.id }],
    );
    return c.json(toDetail(created, stockholmToday(c.var.deps.now())), 201);
  });

  router.openapi(getPatientRoute, async (c) => {
    // Log reviewers open the patient to review access, not for care: the purpose says which.
    const { actor, grant, unitId, capability } = authorizeOnUnitAny(c, [
      "patient.read",
      ...logReviewCapabilities,
    ]);
    const purpose = capability === "patient.read" ? "Vård och behandling" : "Loggranskning";
    const { id } = c.req.valid("param");
    const found = await auditedRead(
      c.var.deps.database.db,
      { actor, grant },
      async (tx) => {
        const row = await findPatient(tx, unitId, id);
        if (!row) throw errors.notFound();
        return row;
      },
      (row) => [{ action: "READ", purpose, patientId: row.patient.id }],
    );
    return c.json(toDetail(found, stockholmToday(c.var.deps.now())), 200);
  });

  router.openapi(updatePatientRoute, async (c) => {
    const { actor, grant, unitId } = authorizeOnUnit(c, "patient.write");
    const { id } = c.req.valid("param");
    const { version, listed, ...fields } = c.req.valid("json");
    const today = stockholmToday(c.var.deps.now());
    const updated = await auditedWrite(
      c.var.deps.database.db,
      { actor, grant },
      async (tx) => {
        const current = await findPatient(tx, unitId, id);
        if (!current) throw errors.notFound();
        const changes = {
          ...fields,
          ...(listed === undefined ? {} : { listingUnitId: listed ? unitId : null }),
        };
        const row = await updatePatient(tx, unitId, id, version, changes);
        // The user saw an older version: show what is saved now instead of overwriting it.
        if (!row) throw errors.conflict(toDetail(current, today));
        return { found: (await findPatient(tx, unitId, id))!, changed: Object.keys(changes) };
      },
      ({ found, changed }) => [
        {
          action: "UPDATE",
          purpose: "Ändring av patientuppgifter",
          patientId: found.patient.id,
          details: { changed },
        },
      ],
    );
    return c.json(toDetail(updated.found, today), 200);
  });

  router.openapi(accessLogRoute, async (c) => {
    const { actor, grant, unitId } = authorizeOnUnitAny(c, logReviewCapabilities);
    const { id } = c.req.valid("param");
    const events = await auditedRead(
      c.var.deps.database.db,
      { actor, grant },
      async (tx) => {
        if (!(await findPatient(tx, unitId, id))) throw errors.notFound();
        return patientAccessLog(tx, unitId, id);
      },
      () => [
        { action: "LOG_REVIEW", purpose: "Granskning av åtkomst till patientens uppgifter", patientId: id },
      ],
    );
    return c.json({ events }, 200);
  });

  return router;
}
