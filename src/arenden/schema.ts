/** Request and response schemas of the ärende API. */
import { z } from "@hono/zod-openapi";
import { answerKinds, arendeStatuses, arendeTypes, questionAreas } from "./rules.ts";

const keys = <T extends Record<string, string>>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const isoDate = (label: string) => z.iso.date({ error: `Ange ${label} som ÅÅÅÅ-MM-DD.` });

export const arendeIdParam = z.object({
  id: z.uuid({ error: "Ogiltigt ärende-id." }).openapi({ param: { name: "id", in: "path" } }),
});

export const registerArendeBody = z
  .strictObject({
    type: z.enum(Object.keys(arendeTypes) as [keyof typeof arendeTypes], { error: "Välj typ av ärende." }),
    certificateId: z.uuid({ error: "Ogiltigt intygs-id." }).nullable().default(null),
    receivedDate: isoDate("mottagningsdatum"),
    lastAnswerDate: isoDate("sista svarsdatum").nullable().default(null),
    questionFields: z
      .array(z.string().refine((f) => f in questionAreas, { error: "Okänd frågeområde i intyget." }))
      .max(20)
      .default([]),
    text: z.string().trim().max(4000, "Texten får vara högst 4000 tecken.").default(""),
  })
  .superRefine((body, ctx) => {
    if (body.type === "KOMPLT" && !body.certificateId) {
      ctx.addIssue({
        code: "custom",
        path: ["certificateId"],
        message: "En komplettering gäller ett intyg: välj intyget.",
      });
    }
    if (body.type === "KOMPLT" && body.questionFields.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["questionFields"],
        message: "Ange vilka frågor i intyget kompletteringen gäller.",
      });
    }
    if (body.lastAnswerDate && body.lastAnswerDate < body.receivedDate) {
      ctx.addIssue({
        code: "custom",
        path: ["lastAnswerDate"],
        message: "Sista svarsdatum kan inte vara före mottagningsdatum.",
      });
    }
  })
  .openapi("RegisterArende");

export const answerArendeBody = z
  .strictObject({
    version: z.number().int().min(1),
    kind: z.enum(Object.keys(answerKinds) as [keyof typeof answerKinds], {
      error: "Välj hur ärendet besvaras.",
    }),
    text: z.string().trim().max(4000, "Texten får vara högst 4000 tecken.").default(""),
  })
  .superRefine((body, ctx) => {
    if ((body.kind === "KAN_EJ_KOMPLETTERA" || body.kind === "SVAR") && !body.text) {
      ctx.addIssue({
        code: "custom",
        path: ["text"],
        message: body.kind === "SVAR" ? "Skriv svaret." : "Ange varför intyget inte kan kompletteras.",
      });
    }
  })
  .openapi("AnswerArende");

export const arendeListQuery = z.object({
  status: z.enum(["OPEN", "ANSWERED", "CLOSED", "ALL"]).default("OPEN"),
  /** Only ärenden on certificates the user signed (the doctor's start page). */
  mine: z.enum(["true", "false"]).default("false"),
});

export const arendeEventSchema = z.object({
  at: z.string(),
  user: z.string().nullable(),
  event: z.string(),
  note: z.string().nullable(),
  certificateId: z.string().nullable(),
});

export const arendeSchema = z
  .object({
    id: z.string(),
    patientId: z.string(),
    certificateId: z.string().nullable(),
    type: z.enum(keys(arendeTypes)),
    typeLabel: z.string(),
    receivedDate: z.string(),
    lastAnswerDate: z.string().nullable(),
    daysToDeadline: z.number().nullable(),
    questionFields: z.array(z.object({ id: z.string(), label: z.string() })),
    text: z.string(),
    status: z.enum(keys(arendeStatuses)),
    statusLabel: z.string(),
    answerKind: z.enum(keys(answerKinds)).nullable(),
    answerText: z.string().nullable(),
    answerCertificateId: z.string().nullable(),
    answeredAt: z.string().nullable(),
    version: z.number(),
    history: z.array(arendeEventSchema),
  })
  .openapi("Arende");

/** One row of the unit's or doctor's list: the patient is shown by name, masked if protected. */
export const arendeListItem = arendeSchema.omit({ history: true }).extend({
  patientName: z.string(),
  personnummer: z.string(),
  doctorName: z.string().nullable(),
});

export const arendenResponse = z.object({ arenden: z.array(arendeSchema) });
export const arendeListResponse = z.object({ arenden: z.array(arendeListItem) });
/** An answered ärende; draftId: the completing certificate draft the answer opened, if any. */
export const answeredArendeSchema = arendeSchema.extend({ draftId: z.string().nullable() });

export type ArendeEvent = z.output<typeof arendeEventSchema>;
export type Arende = z.output<typeof arendeSchema>;
export type ArendeListItem = z.output<typeof arendeListItem>;
export type Arenden = z.output<typeof arendenResponse>;
export type ArendeList = z.output<typeof arendeListResponse>;
export type AnsweredArende = z.output<typeof answeredArendeSchema>;
export type NewArende = z.input<typeof registerArendeBody>;
export type ArendeAnswer = z.input<typeof answerArendeBody>;

// ---- Import of ärenden from a file ----

export const arendeImportReportSchema = z
  .object({
    created: z.number(),
    alreadyImported: z.number(),
    rejected: z.number(),
    messages: z.array(
      z.object({
        /** 1-based position in the file. */
        index: z.number(),
        messageId: z.string().nullable(),
        outcome: z.enum(["CREATED", "ALREADY_IMPORTED", "REJECTED"]),
        arendeId: z.string().nullable(),
        /** The patient of a created ärende (the uploader was just shown it was registered). */
        patientId: z.string().nullable(),
        reasons: z.array(z.string()),
      }),
    ),
  })
  .openapi("ArendeImportReport");

export type ArendeImportReport = z.output<typeof arendeImportReportSchema>;
export type ArendeImportOutcome = ArendeImportReport["messages"][number]["outcome"];
