/**
 * Sjukfall API: the patient's cases on the active unit (computed, never stored) and the sjukfall
 * parameters — the unit's default and the user's own override (PRODUCT §4, §5.12).
 */
import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import { grantFor, type Actor } from "../access/actor.ts";
import { authorizeOnUnit } from "../access/authorize.ts";
import type { Capability } from "../access/policy.ts";
import { arendeTypes, daysToDeadline } from "../arenden/rules.ts";
import { arendenOfPatient } from "../arenden/store.ts";
import { auditedRead, recordAudit } from "../audit/audit.ts";
import { requireActor } from "../auth/middleware.ts";
import { certificatesOfPatient, patientOf } from "../certificates/store.ts";
import { asSjukfallCertificate } from "../certificates/as-sjukfall.ts";
import { statusLabels } from "../certificates/workflow.ts";
import { stockholmToday } from "../dates/today.ts";
import type { Queryable } from "../db/client.ts";
import { appUser, unit } from "../db/schema.ts";
import { patientIdParam } from "../patients/schema.ts";
import type { AppEnv } from "../server/env.ts";
import { errors } from "../server/errors.ts";
import { jsonBody, jsonResponse } from "../server/openapi.ts";
import { createRouter, noPatientData, patientRoute } from "../server/router.ts";
import {
  checkpoints,
  dayInCase,
  isLongerThan30Days,
  patientHistory,
  type CheckpointKind,
  type Sjukfall,
  type SjukfallCertificate,
} from "./engine.ts";
import {
  resolveSjukfallSettings,
  sjukfallLimits,
  unitOverride,
  unitParams,
  userOverride,
  withSjukfallSettings,
} from "./settings.ts";

type Ctx = Context<AppEnv>;

/** Signed, sent or revoked: a revoked certificate no longer counts, but it was once in a case. */
const countingStatuses = new Set(["SIGNERAT", "SKICKAT", "MAKULERAT"]);

const checkpointLabels: Record<CheckpointKind, string> = {
  "certificate-required": "Läkarintyg krävs",
  "fk-takes-over": "Försäkringskassan tar över från arbetsgivaren",
  "rehab-coordinator": "Rehabkoordinator och plan för återgång i arbete",
  "rehab-chain-90": "Rehabiliteringskedjan: dag 90",
  "rehab-chain-180": "Rehabiliteringskedjan: dag 180",
  "rehab-chain-365": "Rehabiliteringskedjan: dag 365",
};

// ---- Schemas ----

const paramMessage = {
  gap: `Glappet ska vara ett heltal från ${sjukfallLimits.gap.min} till ${sjukfallLimits.gap.max} dagar.`,
  afterEnd: `Dagar efter slut ska vara ett heltal från ${sjukfallLimits.afterEnd.min} till ${sjukfallLimits.afterEnd.max}.`,
};

const paramValue = (param: "gap" | "afterEnd") =>
  z
    .number({ error: paramMessage[param] })
    .int({ error: paramMessage[param] })
    .min(sjukfallLimits[param].min, { error: paramMessage[param] })
    .max(sjukfallLimits[param].max, { error: paramMessage[param] });

const unitSettingsBody = z
  .strictObject({ gap: paramValue("gap"), afterEnd: paramValue("afterEnd") })
  .openapi("UnitSjukfallSettings");

const userSettingsBody = z
  .strictObject({ gap: paramValue("gap").nullable(), afterEnd: paramValue("afterEnd").nullable() })
  .openapi("UserSjukfallSettings");

const paramsSchema = z.object({ gap: z.number(), afterEnd: z.number() });
const overrideSchema = z.object({ gap: z.number().nullable(), afterEnd: z.number().nullable() });
const sourceSchema = z.enum(["default", "unit", "user"]);

const settingsSchema = z
  .object({
    /** What applies to the user now. */
    effective: paramsSchema.extend({ source: z.object({ gap: sourceSchema, afterEnd: sourceSchema }) }),
    /** The unit's values (its own setting or the product default). */
    unit: paramsSchema,
    /** The user's own override; null: the unit's value applies. */
    user: overrideSchema,
    limits: z.object({
      gap: z.object({ min: z.number(), max: z.number(), default: z.number() }),
      afterEnd: z.object({ min: z.number(), max: z.number(), default: z.number() }),
    }),
    mayEditUnit: z.boolean(),
  })
  .openapi("SjukfallSettings");

const arendeSummary = z.object({
  id: z.string(),
  type: z.string(),
  typeLabel: z.string(),
  certificateId: z.string().nullable(),
  receivedDate: z.string(),
  lastAnswerDate: z.string().nullable(),
  daysToDeadline: z.number().nullable(),
});

const periodSchema = z.object({ from: z.string(), to: z.string(), grade: z.number() });

const caseSchema = z.object({
  start: z.string(),
  end: z.string(),
  days: z.number(),
  /** Day number today (the start is day 1); for an ended case, the day today would have been. */
  dayInCase: z.number(),
  /** "Längre än 30 dagar": the length (`days`) over 30, by `isLongerThan30Days`. */
  longerThan30Days: z.boolean(),
  ongoing: z.boolean(),
  currentGrade: z.number().nullable(),
  diagnoses: z.array(z.string()),
  doctorName: z.string().nullable(),
  /** Every period of the case's certificates in time order: what a timeline draws. */
  grades: z.array(periodSchema.extend({ certificateId: z.string() })),
  certificates: z.array(
    z.object({
      id: z.string(),
      start: z.string().nullable(),
      end: z.string().nullable(),
      periods: z.array(periodSchema),
      grades: z.array(z.number()),
      status: z.string(),
      statusLabel: z.string(),
      diagnosis: z.string().nullable(),
      doctorName: z.string().nullable(),
      signedAt: z.string().nullable(),
      anchor: z.boolean(),
    }),
  ),
  checkpoints: z.array(
    z.object({
      day: z.number(),
      date: z.string(),
      kind: z.string(),
      label: z.string(),
      reached: z.boolean(),
      withinCase: z.boolean(),
    }),
  ),
  /** Open ärenden on the case's certificates (or on certificates they replaced or completed). */
  arenden: z.array(arendeSummary),
});

const sjukfallResponse = z
  .object({
    today: z.string(),
    settings: paramsSchema,
    cases: z.array(caseSchema),
    /** Open ärenden that belong to no shown case. */
    otherArenden: z.array(arendeSummary),
  })
  .openapi("PatientSjukfall");

const route = patientRoute("Sjukfall");
const settingsRoute = patientRoute("Sjukfall", noPatientData);

const routes = {
  ofPatient: route({
    method: "get",
    path: "/patients/{id}/sjukfall",
    summary: "The patient's sick-leave cases on the active unit, newest first, with open ärenden",
    request: { params: patientIdParam },
    responses: { 200: jsonResponse(sjukfallResponse, "Cases") },
  }),
  settings: settingsRoute({
    method: "get",
    path: "/sjukfall/settings",
    summary: "The sjukfall parameters: the unit's default, the user's override, what applies",
    responses: { 200: jsonResponse(settingsSchema, "Settings") },
  }),
  unitSettings: settingsRoute({
    method: "put",
    path: "/sjukfall/settings/unit",
    summary: "Set the active unit's default gap and afterEnd (unit.users)",
    request: { body: jsonBody(unitSettingsBody) },
    responses: { 200: jsonResponse(settingsSchema, "Settings") },
  }),
  userSettings: settingsRoute({
    method: "put",
    path: "/sjukfall/settings/user",
    summary: "Set the user's own override of gap and afterEnd (null: use the unit's value)",
    request: { body: jsonBody(userSettingsBody) },
    responses: { 200: jsonResponse(settingsSchema, "Settings") },
  }),
};

// ---- Storage ----

const unitSettingsCapability: Capability = "unit.users";

async function storedSettings(q: Queryable, unitId: string, userId: string) {
  const [unitRow] = await q.select({ settings: unit.settings }).from(unit).where(eq(unit.id, unitId));
  const [userRow] = await q
    .select({ settings: appUser.settings })
    .from(appUser)
    .where(eq(appUser.id, userId));
  return { unit: unitRow?.settings ?? {}, user: userRow?.settings ?? {} };
}

function settingsView(stored: { unit: unknown; user: unknown }, actor: Actor) {
  return {
    effective: resolveSjukfallSettings(stored.unit, stored.user),
    unit: unitParams(stored.unit),
    user: userOverride(stored.user),
    limits: sjukfallLimits,
    mayEditUnit: grantFor(actor, unitSettingsCapability) !== null,
  };
}

function activeUnit(c: Ctx): { actor: Actor; unitId: string } {
  const actor = requireActor(c);
  if (!actor.unitId) throw errors.noUnit();
  return { actor, unitId: actor.unitId };
}

// ---- Building the answer ----

type CertificateRows = Awaited<ReturnType<typeof certificatesOfPatient>>;
type ArendeRows = Awaited<ReturnType<typeof arendenOfPatient>>;

function summary(row: ArendeRows[number], today: string) {
  return {
    id: row.id,
    type: row.type,
    typeLabel: arendeTypes[row.type],
    certificateId: row.certificateId,
    receivedDate: row.receivedDate,
    lastAnswerDate: row.lastAnswerDate,
    daysToDeadline: daysToDeadline(row.lastAnswerDate, today),
  };
}

/** The counting certificate that took the place of `id` (through replaces/completes), if any. */
function successorMap(rows: CertificateRows): Map<string, string> {
  const next = new Map<string, string>();
  for (const { certificate } of rows) {
    if (!countingStatuses.has(certificate.status)) continue;
    for (const earlier of [certificate.replacesId, certificate.completesId]) {
      if (earlier) next.set(earlier, certificate.id);
    }
  }
  return next;
}

export function buildPatientSjukfall(input: {
  patientId: string;
  firstDayCertificateUntil: string | null;
  certificates: CertificateRows;
  arenden: ArendeRows;
  settings: { gap: number; afterEnd: number };
  today: string;
}) {
  const { today } = input;
  const byId = new Map(input.certificates.map((r) => [r.certificate.id, r]));
  const converted = new Map<string, SjukfallCertificate>();
  for (const { certificate } of input.certificates) {
    const one = asSjukfallCertificate(certificate);
    if (one) converted.set(certificate.id, one);
  }
  const sjukfall = patientHistory([...converted.values()], {
    today,
    gap: input.settings.gap,
    afterEnd: input.settings.afterEnd,
  });

  const caseOf = new Map<string, number>();
  sjukfall.forEach((c, index) => c.certificates.forEach((id) => caseOf.set(id, index)));
  const successor = successorMap(input.certificates);
  const caseOfCertificate = (id: string | null): number | undefined => {
    const seen = new Set<string>();
    let current = id;
    while (current && !seen.has(current)) {
      const found = caseOf.get(current);
      if (found !== undefined) return found;
      seen.add(current);
      current = successor.get(current) ?? null;
    }
    return undefined;
  };

  const open = input.arenden.filter((a) => a.status === "OPEN");
  const arendenPerCase = sjukfall.map(() => [] as ReturnType<typeof summary>[]);
  const otherArenden: ReturnType<typeof summary>[] = [];
  for (const row of open) {
    const index = caseOfCertificate(row.certificateId);
    (index === undefined ? otherArenden : arendenPerCase[index]!).push(summary(row, today));
  }

  const cases = sjukfall.map((c: Sjukfall, index) => {
    const certificates = c.certificates.map((id) => {
      const { certificate, doctorName } = byId.get(id)!;
      const periods = converted.get(id)!.periods;
      return {
        id,
        start: certificate.startDate,
        end: certificate.endDate,
        periods,
        grades: [...new Set(periods.map((p) => p.grade))],
        status: certificate.status,
        statusLabel: statusLabels[certificate.status],
        diagnosis: certificate.mainDiagnosis,
        doctorName,
        signedAt: certificate.signedAt,
        anchor: id === c.anchor,
      };
    });
    const grades = certificates
      .flatMap((cert) => cert.periods.map((p) => ({ ...p, certificateId: cert.id })))
      .sort((a, b) =>
        a.from !== b.from ? (a.from < b.from ? -1 : 1) : a.to < b.to ? -1 : a.to > b.to ? 1 : 0,
      );
    const firstDay = input.firstDayCertificateUntil !== null && input.firstDayCertificateUntil >= c.start;
    return {
      start: c.start,
      end: c.end,
      days: c.days,
      dayInCase: dayInCase(c, today),
      longerThan30Days: isLongerThan30Days(c),
      ongoing: c.end >= today,
      currentGrade: c.currentGrade,
      diagnoses: c.diagnoses,
      doctorName: c.anchor ? (byId.get(c.anchor)?.doctorName ?? null) : null,
      grades,
      certificates,
      checkpoints: checkpoints(c, { firstDayCertificate: firstDay }).map((p) => ({
        ...p,
        label: checkpointLabels[p.kind],
        reached: p.date <= today,
        withinCase: p.date <= c.end,
      })),
      arenden: arendenPerCase[index]!,
    };
  });
  return { today, settings: input.settings, cases, otherArenden };
}

// ---- Routes ----

export function caseRoutes() {
  const router = createRouter();

  router.openapi(routes.ofPatient, async (c) => {
    const { actor, grant, unitId } = authorizeOnUnit(c, "patient.read");
    const { id } = c.req.valid("param");
    const today = stockholmToday(c.var.deps.now());
    const result = await auditedRead(
      c.var.deps.database.db,
      { actor, grant },
      async (tx) => {
        const patient = await patientOf(tx, unitId, id);
        if (!patient) throw errors.notFound();
        const stored = await storedSettings(tx, unitId, actor.userId);
        const { gap, afterEnd } = resolveSjukfallSettings(stored.unit, stored.user);
        return buildPatientSjukfall({
          patientId: id,
          firstDayCertificateUntil: patient.firstDayCertificateUntil,
          certificates: await certificatesOfPatient(tx, unitId, id),
          arenden: await arendenOfPatient(tx, unitId, id),
          settings: { gap, afterEnd },
          today,
        });
      },
      () => [{ action: "READ", purpose: "Vård och behandling", patientId: id, entity: "sjukfall" }],
    );
    return c.json(result, 200);
  });

  router.openapi(routes.settings, async (c) => {
    const { actor, unitId } = activeUnit(c);
    const stored = await storedSettings(c.var.deps.database.db, unitId, actor.userId);
    return c.json(settingsView(stored, actor), 200);
  });

  router.openapi(routes.unitSettings, async (c) => {
    const { actor, grant, unitId } = authorizeOnUnit(c, unitSettingsCapability);
    const body = c.req.valid("json");
    const result = await c.var.deps.database.db.transaction(async (tx) => {
      const [row] = await tx.select({ settings: unit.settings }).from(unit).where(eq(unit.id, unitId));
      if (!row) throw errors.notFound();
      const before = unitOverride(row.settings);
      await tx
        .update(unit)
        .set({ settings: withSjukfallSettings(row.settings, body) })
        .where(eq(unit.id, unitId));
      await recordAudit(tx, { actor, grant, unitId }, [
        {
          action: "ADMIN",
          purpose: "Administration",
          entity: "unit-settings",
          entityId: unitId,
          details: { sjukfall: { before, after: body } },
        },
      ]);
      return settingsView(await storedSettings(tx, unitId, actor.userId), actor);
    });
    return c.json(result, 200);
  });

  router.openapi(routes.userSettings, async (c) => {
    const { actor, unitId } = activeUnit(c);
    const body = c.req.valid("json");
    const result = await c.var.deps.database.db.transaction(async (tx) => {
      const [row] = await tx
        .select({ settings: appUser.settings })
        .from(appUser)
        .where(eq(appUser.id, actor.userId));
      if (!row) throw errors.notFound();
      const before = userOverride(row.settings);
      await tx
        .update(appUser)
        .set({ settings: withSjukfallSettings(row.settings, body) })
        .where(eq(appUser.id, actor.userId));
      await recordAudit(tx, { actor, grant: actor.assignments[0] ?? null, unitId }, [
        {
          action: "ADMIN",
          purpose: "Administration",
          entity: "user-settings",
          entityId: actor.userId,
          details: { sjukfall: { before, after: body } },
        },
      ]);
      return settingsView(await storedSettings(tx, unitId, actor.userId), actor);
    });
    return c.json(result, 200);
  });

  return router;
}
