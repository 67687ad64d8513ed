/** Request and response schemas of the certificate API. */
import { z } from "@hono/zod-openapi";
import { isIsoDate } from "../cases/days.ts";
import { certificateStatuses } from "./workflow.ts";

/** The content's date fields (grund[].datum, perioder[].from/tom): stored in date columns. */
const dateKeys = new Set(["datum", "from", "tom"]);

/** Every non-empty date field of the content that is not a calendar date, with its path. */
function halfTypedDates(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => halfTypedDates(item, [...path, i]));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, item]) =>
    dateKeys.has(key) && typeof item === "string" && item !== "" && !isIsoDate(item)
      ? [[...path, key]]
      : halfTypedDates(item, [...path, key]),
  );
}

/**
 * Autosave is lenient: a half-written draft is saved as it is and the rules judge it on signing.
 * A half-typed date is the exception: it would reach a date column, so it answers 400 at once.
 */
export const contentSchema = z
  .record(z.string(), z.unknown())
  .superRefine((content, ctx) => {
    for (const path of halfTypedDates(content)) {
      ctx.addIssue({ code: "custom", path, message: "Ange datumet som ÅÅÅÅ-MM-DD (ett datum som finns)." });
    }
  })
  .openapi("CertificateContent");

export const certificateIdParam = z.object({
  id: z.uuid({ error: "Ogiltigt intygs-id." }).openapi({ param: { name: "id", in: "path" } }),
});

export const versionBody = z.strictObject({ version: z.number().int().min(1) });

export const createDraftBody = z
  .strictObject({ content: contentSchema.default({}) })
  .openapi("CreateCertificate");

export const saveDraftBody = z
  .strictObject({ version: z.number().int().min(1), content: contentSchema })
  .openapi("SaveCertificate");

export const sendBody = z
  .strictObject({
    version: z.number().int().min(1),
    /** Warning codes the user has seen and accepted (SHORT_CASE). */
    confirmedWarnings: z.array(z.string()).default([]),
  })
  .openapi("SendCertificate");

/**
 * Försäkringskassan's two revocation reasons; "Annat allvarligt fel" needs the doctor's text, the
 * wrong patient may be clarified. Without a code the reason is "Annat allvarligt fel".
 */
export const revokeBody = z
  .strictObject({
    version: z.number().int().min(1),
    reasonCode: z
      .enum(["FEL_PATIENT", "ANNAT_ALLVARLIGT_FEL"], {
        error: "Välj orsak till makuleringen: fel patient eller annat allvarligt fel.",
      })
      .default("ANNAT_ALLVARLIGT_FEL"),
    reason: z
      .string({ error: "Orsaken ska vara en text." })
      .trim()
      .max(1000, "Orsaken får vara högst 1000 tecken.")
      .default(""),
  })
  .superRefine((body, ctx) => {
    if (body.reasonCode === "ANNAT_ALLVARLIGT_FEL" && body.reason === "") {
      ctx.addIssue({
        code: "custom",
        path: ["reason"],
        message: "Beskriv felet som är orsak till makuleringen.",
      });
    }
  })
  .openapi("RevokeCertificate");

const issue = z.object({ field: z.string(), message: z.string() });

export const checkSchema = z.object({
  valid: z.boolean(),
  errors: z.array(issue),
  warnings: z.array(issue.extend({ code: z.string() })),
});

export const certificateSchema = z
  .object({
    id: z.string(),
    patientId: z.string(),
    unitId: z.string(),
    type: z.string(),
    status: z.enum(certificateStatuses),
    statusLabel: z.string(),
    content: contentSchema,
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    mainDiagnosis: z.string().nullable(),
    doctorId: z.string().nullable(),
    doctorName: z.string().nullable(),
    signedAt: z.string().nullable(),
    sentAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    /** FEL_PATIENT or ANNAT_ALLVARLIGT_FEL, its Swedish label and the doctor's text. */
    revokedReasonCode: z.enum(["FEL_PATIENT", "ANNAT_ALLVARLIGT_FEL"]).nullable(),
    revokedReasonLabel: z.string().nullable(),
    revokedReasonText: z.string().nullable(),
    renewsId: z.string().nullable(),
    replacesId: z.string().nullable(),
    completesId: z.string().nullable(),
    source: z.string(),
    version: z.number(),
    /** When the certificate was last saved (the database's clock). */
    updatedAt: z.string(),
    check: checkSchema.optional(),
  })
  .openapi("Certificate");

export const certificatesResponse = z.object({ certificates: z.array(certificateSchema) });

export type CheckIssue = z.output<typeof issue>;
export type CertificateCheck = z.output<typeof checkSchema>;
export type CheckWarning = CertificateCheck["warnings"][number];
export type CertificateResponse = z.output<typeof certificateSchema>;
