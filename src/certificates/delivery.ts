/**
 * What a delivered outbox message means for the certificate: it is sent (SKICKAT). Recorded by
 * the system, in the delivering transaction, with an audit event on the unit's chain.
 */
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/audit.ts";
import { certificate } from "../db/schema.ts";
import type { DeliveryHooks } from "../outbox/worker.ts";

export const certificateDeliveryHooks: DeliveryHooks = {
  async onDelivered(tx, message, now) {
    if (message.kind !== "FK7804" || !message.certificateId) return;
    await tx
      .update(certificate)
      .set({
        status: "SKICKAT",
        sentAt: now.toISOString(),
        version: sql`${certificate.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(certificate.id, message.certificateId),
          eq(certificate.unitId, message.unitId),
          eq(certificate.status, "SIGNERAT"),
        ),
      );
    await recordAudit(tx, { actor: null, grant: null, unitId: message.unitId }, [
      {
        action: "SEND",
        purpose: "Sjukintyg levererat till Försäkringskassan",
        patientId: message.patientId,
        entity: "certificate",
        entityId: message.certificateId,
        details: { outboxMessageId: message.id, delivered: true },
      },
    ]);
  },
};
