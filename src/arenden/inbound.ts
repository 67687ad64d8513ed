/**
 * The message format of an ärende that Försäkringskassan sends (the interface the national
 * transport adapter fills; see README.md). Pure: shared by the server, the inbox worker and the
 * web app's upload.
 */
import { z } from "zod";
import { parseIdentityNumber } from "../patients/identity.ts";
import { arendeTypes, questionAreas, type ArendeType } from "./rules.ts";

const isoDate = (label: string) => z.iso.date({ error: `Ange ${label} som ÅÅÅÅ-MM-DD.` });

export const inboundMessageSchema = z
  .object({
    messageId: z
      .string({ error: "Meddelande-id saknas." })
      .trim()
      .min(1, "Meddelande-id saknas.")
      .max(200, "Meddelande-id får vara högst 200 tecken."),
    type: z.enum(Object.keys(arendeTypes) as [ArendeType], {
      error: `Okänd typ av ärende: ange ${Object.keys(arendeTypes).join(", ")}.`,
    }),
    certificateId: z.uuid({ error: "Ogiltigt intygs-id." }).nullable().default(null),
    personnummer: z.string({ error: "Personnummer saknas." }).transform((value, ctx) => {
      const identity = parseIdentityNumber(value);
      if (identity.ok) return identity.value.personnummer;
      ctx.addIssue({ code: "custom", message: identity.message });
      return z.NEVER;
    }),
    receivedDate: isoDate("mottagningsdatum"),
    lastAnswerDate: isoDate("sista svarsdatum").nullable().default(null),
    questionFields: z
      .array(
        z.string().refine((f) => f in questionAreas, {
          error: (issue) => `Okänt frågeområde i intyget: ${String(issue.input)}.`,
        }),
        { error: "Ange frågeområdena som en lista." },
      )
      .max(20, "Högst 20 frågeområden.")
      .default([])
      .transform((fields) => [...new Set(fields)]),
    text: z
      .string({ error: "Texten ska vara en sträng." })
      .trim()
      .max(4000, "Texten får vara högst 4000 tecken."),
    unitId: z.string().trim().min(1).max(100).optional(),
  })
  .superRefine((message, ctx) => {
    if (message.type === "KOMPLT" && !message.certificateId) {
      ctx.addIssue({
        code: "custom",
        path: ["certificateId"],
        message: "En komplettering gäller ett intyg: intygs-id saknas.",
      });
    }
    if (message.type === "KOMPLT" && message.questionFields.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["questionFields"],
        message: "Ange vilka frågor i intyget kompletteringen gäller.",
      });
    }
    if (message.lastAnswerDate && message.lastAnswerDate < message.receivedDate) {
      ctx.addIssue({
        code: "custom",
        path: ["lastAnswerDate"],
        message: "Sista svarsdatum kan inte vara före mottagningsdatum.",
      });
    }
  });

export type InboundMessage = z.output<typeof inboundMessageSchema>;

export type InboundCheck =
  { ok: true; message: InboundMessage } | { ok: false; messageId: string | null; reasons: string[] };

/** Checks one message; every problem is a Swedish reason prefixed with the field it concerns. */
export function checkInboundMessage(value: unknown): InboundCheck {
  const parsed = inboundMessageSchema.safeParse(value);
  if (parsed.success) return { ok: true, message: parsed.data };
  const rawId = value && typeof value === "object" ? (value as Record<string, unknown>).messageId : undefined;
  return {
    ok: false,
    messageId: typeof rawId === "string" && rawId.trim() ? rawId.trim().slice(0, 200) : null,
    reasons: parsed.error.issues.map((issue) =>
      issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
    ),
  };
}

/** Most messages in one file or upload. */
export const maxInboundMessages = 500;

export class InboundFormatError extends Error {}

/** The messages of a file: one message object or an array of them. */
export function inboundMessagesOf(text: string): unknown[] {
  if (!text.trim()) throw new InboundFormatError("Filen är tom.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InboundFormatError("Filen är inte giltig JSON.");
  }
  const messages = Array.isArray(value) ? value : [value];
  if (messages.some((m) => !m || typeof m !== "object" || Array.isArray(m))) {
    throw new InboundFormatError(
      "Filen ska innehålla ett meddelande eller en lista med meddelanden (JSON-objekt).",
    );
  }
  if (messages.length === 0) throw new InboundFormatError("Filen innehåller inga meddelanden.");
  if (messages.length > maxInboundMessages) {
    throw new InboundFormatError(`Filen innehåller fler än ${maxInboundMessages} meddelanden. Dela upp den.`);
  }
  return messages;
}
