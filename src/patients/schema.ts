/** Request and response schemas of the patient API; they validate and document at once. */
import { z } from "@hono/zod-openapi";
import { parseIdentityNumber } from "./identity.ts";

const isoDate = z.iso.date({ error: "Ange datum som ÅÅÅÅ-MM-DD." });

const name = (label: string) =>
  z
    .string({ error: `Ange ${label}.` })
    .trim()
    .min(1, `Ange ${label}.`)
    .max(100, `${label[0]!.toUpperCase()}${label.slice(1)} får vara högst 100 tecken.`);

export const personnummerInput = z
  .string({ error: "Ange personnummer." })
  .refine((value) => parseIdentityNumber(value).ok, {
    error: "Ogiltigt personnummer eller samordningsnummer. Ange ÅÅÅÅMMDD-NNNN.",
  });

export const patientIdParam = z.object({
  id: z.uuid({ error: "Ogiltigt patient-id." }).openapi({ param: { name: "id", in: "path" } }),
});

export const searchQuery = z.object({
  q: z
    .string({ error: "Ange minst två tecken att söka på." })
    .trim()
    .min(2, "Ange minst två tecken att söka på.")
    .max(100, "Söktexten är för lång."),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const createPatientBody = z
  .strictObject({
    personnummer: personnummerInput,
    givenName: name("förnamn"),
    familyName: name("efternamn"),
    protectedIdentity: z.boolean().default(false),
    listed: z.boolean().default(true),
  })
  .openapi("CreatePatient");

export const updatePatientBody = z
  .strictObject({
    version: z.number().int().min(1),
    givenName: name("förnamn").optional(),
    familyName: name("efternamn").optional(),
    protectedIdentity: z.boolean().optional(),
    listed: z.boolean().optional(),
    firstDayCertificateUntil: isoDate.nullable().optional(),
  })
  .openapi("UpdatePatient");

export const patientSummary = z
  .object({
    id: z.string(),
    personnummer: z.string(),
    name: z.string(),
    sex: z.enum(["F", "M"]),
    age: z.number(),
    protectedIdentity: z.boolean(),
    listed: z.boolean(),
  })
  .openapi("PatientSummary");

export const patientDetail = z
  .object({
    id: z.string(),
    personnummer: z.string(),
    samordningsnummer: z.boolean(),
    givenName: z.string(),
    familyName: z.string(),
    sex: z.enum(["F", "M"]),
    birthDate: z.string(),
    age: z.number(),
    protectedIdentity: z.boolean(),
    listingUnit: z.object({ id: z.string(), name: z.string() }).nullable(),
    firstDayCertificateUntil: z.string().nullable(),
    version: z.number(),
  })
  .openapi("Patient");

export const accessLogEntry = z.object({
  at: z.string(),
  user: z.string(),
  role: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  purpose: z.string(),
});

export const patientSearchResult = z
  .object({ patients: z.array(patientSummary), total: z.number(), truncated: z.boolean() })
  .openapi("PatientSearchResult");

export type PatientSummary = z.output<typeof patientSummary>;
export type PatientSearchResult = z.output<typeof patientSearchResult>;
export type Patient = z.output<typeof patientDetail>;
export type NewPatient = z.input<typeof createPatientBody>;
export type PatientChanges = z.input<typeof updatePatientBody>;
export type AccessEvent = z.output<typeof accessLogEntry>;
export type Sex = Patient["sex"];
