/** Request and response schemas of the organisation API (units, users, assignments, policy). */
import { z } from "@hono/zod-openapi";
import { capabilities, isRole, roleIds, type Capability } from "../access/policy.ts";
import { engagementIds } from "../introduction/rules.ts";

const text = (label: string, max = 200) =>
  z
    .string({ error: `Ange ${label}.` })
    .trim()
    .min(1, `Ange ${label}.`)
    .max(max, `För lång text (${label}).`);

export const unitIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "id", in: "path" } }),
});
export const uuidParam = z.object({
  id: z.uuid({ error: "Ogiltigt id." }).openapi({ param: { name: "id", in: "path" } }),
});

const unitFields = {
  name: text("enhetens namn"),
  postalAddress: text("postadress"),
  postalCode: z
    .string({ error: "Ange postnummer." })
    .trim()
    .regex(/^\d{3} ?\d{2}$/, "Ange postnummer som 123 45."),
  town: text("postort"),
  phone: z
    .string({ error: "Ange telefonnummer." })
    .trim()
    .regex(/^[0-9 +()-]{5,20}$/, "Ange ett giltigt telefonnummer."),
  hsaId: z.string().trim().max(64).nullable().optional(),
};

export const createUnitBody = z
  .strictObject({
    id: z
      .string({ error: "Ange enhetens id." })
      .trim()
      .regex(/^[A-Z0-9-]{2,32}$/, "Id får bara innehålla A–Z, 0–9 och bindestreck (2–32 tecken)."),
    careProviderId: z.string().min(1).optional(),
    ...unitFields,
  })
  .openapi("CreateUnit");

export const updateUnitBody = z
  .strictObject({
    version: z.number().int().min(1),
    name: unitFields.name.optional(),
    postalAddress: unitFields.postalAddress.optional(),
    postalCode: unitFields.postalCode.optional(),
    town: unitFields.town.optional(),
    phone: unitFields.phone.optional(),
    hsaId: unitFields.hsaId,
    active: z.boolean().optional(),
  })
  .openapi("UpdateUnit");

export const unitSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    hsaId: z.string().nullable(),
    postalAddress: z.string(),
    postalCode: z.string(),
    town: z.string(),
    phone: z.string(),
    active: z.boolean(),
    version: z.number(),
  })
  .openapi("Unit");

const password = z
  .string()
  .min(10, "Lösenordet måste ha minst 10 tecken.")
  .max(200, "Lösenordet är för långt.");

export const createUserBody = z
  .strictObject({
    username: z
      .string({ error: "Ange användarnamn." })
      .trim()
      .regex(
        /^[a-z0-9._-]{3,40}$/,
        "Användarnamnet får bara innehålla a–z, 0–9, punkt, bindestreck och understreck (3–40 tecken).",
      ),
    displayName: text("namn"),
    title: z.string().trim().max(100).default(""),
    hsaId: z.string().trim().min(1).max(64).nullable().optional(),
    password: password.optional(),
  })
  .openapi("CreateUser");

export const updateUserBody = z
  .strictObject({
    version: z.number().int().min(1),
    displayName: text("namn").optional(),
    title: z.string().trim().max(100).optional(),
    hsaId: z.string().trim().min(1).max(64).nullable().optional(),
    active: z.boolean().optional(),
    password: password.optional(),
  })
  .openapi("UpdateUser");

export const createAssignmentBody = z
  .strictObject({
    userId: z.uuid({ error: "Ogiltigt användar-id." }),
    unitId: z.string().min(1).max(64),
    role: z.string().refine(isRole, { error: `Okänd roll. Välj en av: ${roleIds.join(", ")}.` }),
    /** A substitute's assignment (vikarie, hyrläkare) gets the first-day introduction. */
    engagement: z
      .enum(engagementIds, { error: "Välj anställningsform (engagement): vikarie, hyrläkare eller ingen." })
      .nullable()
      .default(null),
  })
  .openapi("CreateAssignment");

export const assignmentSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  role: z.string(),
  roleLabel: z.string(),
  engagement: z.enum(engagementIds).nullable(),
});

export const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    title: z.string(),
    hsaId: z.string().nullable(),
    active: z.boolean(),
    locked: z.boolean(),
    version: z.number(),
    assignments: z.array(assignmentSchema),
  })
  .openapi("User");

export const policySchema = z
  .object({
    roles: z.array(z.object({ id: z.string(), label: z.string() })),
    capabilities: z.array(z.object({ id: z.string(), label: z.string() })),
    grants: z.array(z.object({ role: z.string(), capability: z.string(), justification: z.string() })),
    /** Who may give which roles, where (separation of duties). */
    assignmentRules: z.array(
      z.object({
        by: z.enum(Object.keys(capabilities) as [Capability, ...Capability[]]),
        scope: z.enum(["active-unit", "region"]),
        roles: z.array(z.string()),
        justification: z.string(),
      }),
    ),
  })
  .openapi("Policy");

export const patientDataGrantsSchema = z
  .object({
    grants: z.array(
      z.object({
        at: z.string(),
        assignmentId: z.string().nullable(),
        role: z.string(),
        roleLabel: z.string(),
        userId: z.string().nullable(),
        user: z.string(),
        grantedById: z.string().nullable(),
        grantedBy: z.string(),
        /** The assignment is gone (taken back later). */
        removed: z.boolean(),
      }),
    ),
  })
  .openapi("PatientDataGrants");
export type Unit = z.output<typeof unitSchema>;
export type NewUnit = z.input<typeof createUnitBody>;
export type UnitChanges = z.input<typeof updateUnitBody>;
export type Assignment = z.output<typeof assignmentSchema>;
export type User = z.output<typeof userSchema>;
export type NewUser = z.input<typeof createUserBody>;
export type NewAssignment = z.input<typeof createAssignmentBody>;
export type Policy = z.output<typeof policySchema>;
export type PatientDataGrant = z.output<typeof patientDataGrantsSchema>["grants"][number];
