/**
 * Certificate API: drafts (any care role), signing and what follows it (doctors), PDF. Reads and
 * writes are unit-scoped and audited in the same transaction.
 */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { authorizeOnUnit } from "../access/authorize.ts";
import { certificateRevoked, certificateSent } from "../arenden/service.ts";
import { auditedRead } from "../audit/audit.ts";
import { stockholmToday } from "../dates/today.ts";
import type { Tx } from "../db/client.ts";
import { findUnit } from "../org/store.ts";
import { patientIdParam } from "../patients/schema.ts";
import type { AppEnv } from "../server/env.ts";
import { errors } from "../server/errors.ts";
import { jsonBody, jsonResponse } from "../server/openapi.ts";
import { createRouter, onUnit, patientRoute } from "../server/router.ts";
import {
  certificateIdParam,
  certificateSchema,
  certificatesResponse,
  createDraftBody,
  revokeBody,
  saveDraftBody,
  sendBody,
  versionBody,
} from "./http-schema.ts";
import { certificatePrint, renderCertificatePdf } from "./pdf.ts";
import * as commands from "./service.ts";
import { certificatesOfPatient, findCertificate, patientOf, type CertificateRow } from "./store.ts";
import { revocationReasons, statusLabels } from "./workflow.ts";

type Ctx = Context<AppEnv>;

const route = patientRoute("Intyg");

const certificateResponse = (status: 200 | 201, description: string) => ({
  [status]: jsonResponse(certificateSchema, description),
});

const step = <B extends z.ZodType>(path: string, summary: string, body: B, status: 200 | 201 = 200) =>
  route({
    method: "post",
    path: `/certificates/{id}/${path}`,
    summary,
    request: { params: certificateIdParam, body: jsonBody(body) },
    responses: certificateResponse(status, "The certificate after the step"),
  });

const routes = {
  list: route({
    method: "get",
    path: "/patients/{id}/certificates",
    summary: "The patient's certificates on the active unit, newest first",
    request: { params: patientIdParam },
    responses: { 200: jsonResponse(certificatesResponse, "Certificates") },
  }),
  create: route({
    method: "post",
    path: "/patients/{id}/certificates",
    summary: "Start a new FK 7804 draft for the patient",
    request: { params: patientIdParam, body: jsonBody(createDraftBody) },
    responses: certificateResponse(201, "The new draft"),
  }),
  get: route({
    method: "get",
    path: "/certificates/{id}",
    summary: "A certificate with the rules' verdict on it",
    request: { params: certificateIdParam },
    responses: certificateResponse(200, "The certificate"),
  }),
  save: route({
    method: "put",
    path: "/certificates/{id}",
    summary: "Save a draft (autosave; optimistic concurrency on version)",
    request: { params: certificateIdParam, body: jsonBody(saveDraftBody) },
    responses: certificateResponse(200, "The saved draft with the rules' verdict"),
  }),
  ready: step("ready", "Mark a draft ready for the doctor's signature", versionBody),
  sign: step("sign", "Sign (doctors only); refused while the rules find errors", versionBody),
  send: step("send", "Send to Försäkringskassan through the outbox", sendBody),
  revoke: step("revoke", "Revoke (makulera) a signed certificate", revokeBody),
  renew: step("renew", "Start a renewal (förlängning) draft", z.strictObject({}), 201),
  replace: step("replace", "Start a draft that replaces the certificate", z.strictObject({}), 201),
  pdf: route({
    method: "get",
    path: "/certificates/{id}/pdf",
    summary: "The certificate as PDF (FK 7804 content)",
    request: { params: certificateIdParam },
    responses: {
      200: {
        description: "PDF",
        content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } },
      },
    },
  }),
};

function view(row: CertificateRow, doctorName: string | null, check?: commands.CheckResult) {
  return {
    id: row.id,
    patientId: row.patientId,
    unitId: row.unitId,
    type: row.type,
    status: row.status,
    statusLabel: statusLabels[row.status],
    content: row.content,
    startDate: row.startDate,
    endDate: row.endDate,
    mainDiagnosis: row.mainDiagnosis,
    doctorId: row.doctorId,
    doctorName,
    signedAt: row.signedAt,
    sentAt: row.sentAt,
    revokedAt: row.revokedAt,
    revokedReasonCode: row.revokedReasonCode,
    revokedReasonLabel: row.revokedReasonCode ? revocationReasons[row.revokedReasonCode] : null,
    revokedReasonText: row.revokedReasonText,
    renewsId: row.renewsId,
    replacesId: row.replacesId,
    completesId: row.completesId,
    source: row.source,
    version: row.version,
    updatedAt: row.updatedAt,
    ...(check ? { check } : {}),
  };
}

async function withCheck(c: Ctx, tx: Tx, row: CertificateRow) {
  const editable = row.status === "UTKAST" || row.status === "KLAR_FOR_SIGNERING";
  const check = editable
    ? await c.var.deps.certificateChecker.check(tx, row, { today: stockholmToday(c.var.deps.now()) })
    : undefined;
  return view(row, null, check);
}

export function certificateRoutes() {
  const router = createRouter();

  router.openapi(routes.list, async (c) => {
    const { actor, grant, unitId } = authorizeOnUnit(c, "patient.read");
    const { id } = c.req.valid("param");
    const rows = await auditedRead(
      c.var.deps.database.db,
      { actor, grant },
      async (tx) => {
        if (!(await patientOf(tx, unitId, id))) throw errors.notFound();
        return certificatesOfPatient(tx, unitId, id);
      },
      () => [{ action: "READ", purpose: "Vård och behandling", patientId: id, entity: "certificates" }],
    );
    return c.json({ certificates: rows.map((r) => view(r.certificate, r.doctorName)) }, 200);
  });

  router.openapi(routes.create, async (c) => {
    const { id } = c.req.valid("param");
    const { content } = c.req.valid("json");
    const result = await onUnit(c, "certificate.draft", async (ctx) => {
      const unit = (await findUnit(ctx.tx, ctx.unitId))!;
      const row = await commands.createDraft(ctx, { patientId: id, content, unit });
      return withCheck(c, ctx.tx, row);
    });
    return c.json(result, 201);
  });

  router.openapi(routes.get, async (c) => {
    const { actor, grant, unitId } = authorizeOnUnit(c, "patient.read");
    const { id } = c.req.valid("param");
    const result = await auditedRead(
      c.var.deps.database.db,
      { actor, grant },
      async (tx) => {
        const row = await findCertificate(tx, unitId, id);
        if (!row) throw errors.notFound();
        return { row, body: await withCheck(c, tx, row) };
      },
      ({ row }) => [
        {
          action: "READ",
          purpose: "Vård och behandling",
          patientId: row.patientId,
          entity: "certificate",
          entityId: row.id,
        },
      ],
    );
    return c.json(result.body, 200);
  });

  router.openapi(routes.save, async (c) => {
    const { id } = c.req.valid("param");
    const { version, content } = c.req.valid("json");
    const result = await onUnit(c, "certificate.draft", async (ctx) =>
      withCheck(c, ctx.tx, await commands.saveDraft(ctx, id, version, content)),
    );
    return c.json(result, 200);
  });

  router.openapi(routes.ready, async (c) => {
    const { id } = c.req.valid("param");
    const { version } = c.req.valid("json");
    return c.json(
      await onUnit(c, "certificate.draft", async (ctx) =>
        view(await commands.markReady(ctx, id, version), null),
      ),
      200,
    );
  });

  router.openapi(routes.sign, async (c) => {
    const { id } = c.req.valid("param");
    const { version } = c.req.valid("json");
    const { unitId, body } = await onUnit(c, "certificate.sign", async (ctx) => {
      const signed = await commands.sign(ctx, id, version);
      // A completing certificate answers the komplettering when it is signed (FK 7804 v2).
      await certificateSent(ctx, signed.id);
      return { unitId: ctx.unitId, body: view(signed, ctx.actor.displayName) };
    });
    // The new certificate may start or lengthen a case: its tasks now, not at the next hourly run.
    c.var.deps.taskJob?.kick(unitId);
    return c.json(body, 200);
  });

  router.openapi(routes.send, async (c) => {
    const { id } = c.req.valid("param");
    const { version, confirmedWarnings } = c.req.valid("json");
    const result = await onUnit(c, "certificate.sign", async (ctx) => {
      const sent = await commands.send(ctx, id, version, confirmedWarnings);
      // A completing certificate on its way answers the kompletteringar that asked for it.
      await certificateSent(ctx, sent.id);
      return view(sent, null);
    });
    c.var.deps.outbox?.kick();
    return c.json(result, 200);
  });

  router.openapi(routes.revoke, async (c) => {
    const { id } = c.req.valid("param");
    const { version, reason, reasonCode } = c.req.valid("json");
    return c.json(
      await onUnit(c, "certificate.sign", async (ctx) => {
        const revoked = await commands.revoke(ctx, id, version, { code: reasonCode, text: reason });
        // A revoked completing certificate answers nothing: its komplettering is open again.
        await certificateRevoked(ctx, revoked.id);
        return view(revoked, null);
      }),
      200,
    );
  });

  for (const kind of ["renew", "replace"] as const) {
    router.openapi(routes[kind], async (c) => {
      const { id } = c.req.valid("param");
      const result = await onUnit(c, "certificate.sign", async (ctx) =>
        withCheck(c, ctx.tx, await commands.derive(ctx, id, kind)),
      );
      return c.json(result, 201);
    });
  }

  router.openapi(routes.pdf, async (c) => {
    const { actor, grant, unitId } = authorizeOnUnit(c, "patient.read");
    const { id } = c.req.valid("param");
    const { print } = await auditedRead(
      c.var.deps.database.db,
      { actor, grant },
      async (tx) => {
        const found = await findCertificate(tx, unitId, id);
        if (!found) throw errors.notFound();
        const patient = (await patientOf(tx, unitId, found.patientId))!;
        return { row: found, print: await certificatePrint(tx, found, patient) };
      },
      ({ row: r }) => [
        {
          action: "PRINT",
          purpose: "Utskrift av sjukintyg",
          patientId: r.patientId,
          entity: "certificate",
          entityId: r.id,
        },
      ],
    );
    const pdf = await renderCertificatePdf(print);
    return c.body(new Uint8Array(pdf), 200, {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="sjukintyg.pdf"`,
      "cache-control": "no-store",
    });
  });

  return router;
}
