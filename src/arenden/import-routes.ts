/**
 * Manual import of what Försäkringskassan sent (a file with one message or a list, in the inbound
 * format of inbound.ts) into the user's unit. Every message gets its own answer: created, already
 * imported (the same FK message id) or rejected with the reasons.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { authorizeOnUnit } from "../access/authorize.ts";
import { stockholmToday } from "../dates/today.ts";
import { errors } from "../server/errors.ts";
import { errorResponses, jsonResponse } from "../server/openapi.ts";
import { createRouter, patientData } from "../server/router.ts";
import { checkInboundMessage, InboundFormatError, inboundMessagesOf } from "./inbound.ts";
import { lockMessageIds, receiveMessage } from "./inbound-store.ts";
import { arendeImportReportSchema, type ArendeImportReport as Report } from "./schema.ts";

const importRoute = createRoute({
  method: "post",
  path: "/import/arenden",
  tags: ["Import", "Ärenden"],
  summary: "Import ärenden from Försäkringskassan (one message or a list, the inbound FK format)",
  ...patientData,
  request: {
    body: {
      // Not `required`: the handler parses the file itself and answers 400 with a clear message.
      required: false,
      content: { "application/json": { schema: z.unknown() } },
    },
  },
  responses: {
    200: jsonResponse(arendeImportReportSchema, "What became of each message"),
    ...errorResponses,
  },
});

export function arendeImportRoutes() {
  return createRouter().openapi(importRoute, async (c) => {
    const { actor, grant, unitId } = authorizeOnUnit(c, "arende.register");
    let values: unknown[];
    try {
      values = inboundMessagesOf(await c.req.text());
    } catch (error) {
      if (error instanceof InboundFormatError) throw errors.badRequest(error.message);
      throw error;
    }
    const checks = values.map(checkInboundMessage);
    const today = stockholmToday(c.var.deps.now());
    const report = await c.var.deps.database.db.transaction(async (tx) => {
      await lockMessageIds(
        tx,
        checks.flatMap((check) => (check.ok ? [check.message.messageId] : [])),
      );
      const result: Report = { created: 0, alreadyImported: 0, rejected: 0, messages: [] };
      for (const [position, check] of checks.entries()) {
        const index = position + 1;
        if (!check.ok) {
          result.rejected++;
          result.messages.push({
            index,
            messageId: check.messageId,
            outcome: "REJECTED",
            arendeId: null,
            patientId: null,
            reasons: check.reasons,
          });
          continue;
        }
        const received = await receiveMessage({ tx, today, unitId, actor, grant }, check.message);
        const messageId = check.message.messageId;
        if (received.outcome === "CREATED") {
          result.created++;
          result.messages.push({ index, messageId, ...received, reasons: [] });
        } else if (received.outcome === "ALREADY_IMPORTED") {
          result.alreadyImported++;
          result.messages.push({ index, messageId, ...received, patientId: null, reasons: [] });
        } else {
          result.rejected++;
          result.messages.push({ index, messageId, ...received, arendeId: null, patientId: null });
        }
      }
      return result;
    });
    return c.json(report, 200);
  });
}
