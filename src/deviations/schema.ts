/**
 * Requests and responses of the deviation API (issue #11 item 3): reporting a deviation (optionally
 * about a patient), its investigation and workflow, actions with owners and dates, and statistics.
 */
import { z } from "@hono/zod-openapi";
import { deviationCategoryIds, deviationStatusIds } from "./rules.ts";

const isoDate = (label: string, field: string) =>
  z.iso.date({ error: `Ange ${label} (${field}) som ÅÅÅÅ-MM-DD.` });
const freeText = (label: string, field: string, max: number) =>
  z
    .string({ error: `Skriv ${label} (${field}) som text.` })
    .trim()
    .max(max, { error: `${label} (${field}) får vara högst ${max} tecken.` });
const version = z
  .number({ error: "Versionen (version) saknas." })
  .int({ error: "Versionen (version) ska vara ett heltal." })
  .min(1, { error: "Versionen (version) ska vara 1 eller större." });

export const createDeviationBody = z
  .strictObject({
    category: z.enum(deviationCategoryIds, { error: "Välj en kategori (category) ur listan." }),
    occurredOn: isoDate("datum då det hände", "occurredOn"),
    description: freeText("Beskrivningen", "description", 5_000).min(1, {
      error: "Beskriv vad som hände (description).",
    }),
    patientId: z.uuid({ error: "Ogiltigt patient-id (patientId)." }).nullable().default(null),
    certificateId: z.uuid({ error: "Ogiltigt intygs-id (certificateId)." }).nullable().default(null),
  })
  .openapi("CreateDeviation");

export const updateDeviationBody = z
  .strictObject({
    version,
    investigation: freeText("Utredningen", "investigation", 10_000),
    lexMaria: z.boolean({ error: "Ange om lex Maria ska övervägas (lexMaria) som ja eller nej." }),
    /** The next status (omit to keep it). */
    status: z.enum(deviationStatusIds, { error: "Välj en status (status) ur listan." }).optional(),
    note: freeText("Anteckningen", "note", 1_000).optional(),
  })
  .openapi("UpdateDeviation");

export const addActionBody = z
  .strictObject({
    version,
    description: freeText("Åtgärden", "description", 1_000).min(1, {
      error: "Beskriv åtgärden (description).",
    }),
    ownerId: z.uuid({ error: "Välj vem som ansvarar för åtgärden (ownerId)." }),
    dueDate: isoDate("datum då åtgärden ska vara klar", "dueDate"),
  })
  .openapi("AddDeviationAction");

export const actionDoneBody = z.strictObject({ version }).openapi("DeviationActionDone");

export const deviationIdParam = z.object({
  id: z.uuid({ error: "Ogiltigt avvikelse-id (id)." }).openapi({ param: { name: "id", in: "path" } }),
});
export const actionIdParams = deviationIdParam.extend({
  actionId: z
    .uuid({ error: "Ogiltigt åtgärds-id (actionId)." })
    .openapi({ param: { name: "actionId", in: "path" } }),
});

const month = (field: string) =>
  z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: `Ange månaden (${field}) som ÅÅÅÅ-MM.` });
export const statisticsQuery = z.object({ from: month("from"), to: month("to") });

// ---- Responses ----

const person = z.object({ id: z.string(), name: z.string() });

export const deviationSummary = z.object({
  id: z.string(),
  category: z.enum(deviationCategoryIds),
  categoryLabel: z.string(),
  occurredOn: z.string(),
  reportedBy: person,
  status: z.enum(deviationStatusIds),
  statusLabel: z.string(),
  lexMaria: z.boolean(),
  /** Whether it concerns a patient (the list never names the patient). */
  hasPatient: z.boolean(),
  openActions: z.number().int(),
});

export const deviationList = z
  .object({ deviations: z.array(deviationSummary), canManage: z.boolean(), owners: z.array(person) })
  .openapi("DeviationList");

export const deviationDetail = deviationSummary
  .extend({
    description: z.string(),
    investigation: z.string(),
    closedOn: z.string().nullable(),
    version: z.number().int(),
    /** The patient, for those who may find patients on the unit; null when none or not shown. */
    patient: z.object({ id: z.string(), name: z.string(), personnummer: z.string() }).nullable(),
    certificateId: z.string().nullable(),
    actions: z.array(
      z.object({
        id: z.string(),
        description: z.string(),
        owner: person,
        dueDate: z.string(),
        doneOn: z.string().nullable(),
      }),
    ),
    history: z.array(
      z.object({ at: z.string(), user: z.string(), status: z.string(), note: z.string().nullable() }),
    ),
    /** The statuses it may go to next (for those who manage deviations). */
    next: z.array(z.enum(deviationStatusIds)),
    canManage: z.boolean(),
  })
  .openapi("Deviation");

export const deviationStatisticsResponse = z
  .object({
    from: z.string(),
    to: z.string(),
    months: z.array(z.string()),
    rows: z.array(
      z.object({
        category: z.enum(deviationCategoryIds),
        label: z.string(),
        months: z.array(z.number().int()),
        total: z.number().int(),
        lexMaria: z.number().int(),
      }),
    ),
  })
  .openapi("DeviationStatistics");

export type DeviationSummary = z.output<typeof deviationSummary>;
export type DeviationList = z.output<typeof deviationList>;
export type DeviationDetail = z.output<typeof deviationDetail>;
export type DeviationStatistics = z.output<typeof deviationStatisticsResponse>;
export type CreateDeviation = z.output<typeof createDeviationBody>;
export type UpdateDeviation = z.output<typeof updateDeviationBody>;
export type AddAction = z.output<typeof addActionBody>;
