/**
 * Request and response schemas of the underlag API (issue #9 item 7). Shapes and lengths here;
 * the rules that need today or the user's roles live in rules.ts (shared with the browser).
 */
import { z } from "@hono/zod-openapi";
import { originIds, professionIds, statuses } from "./rules.ts";

const isoDate = (label: string) => z.iso.date({ error: `Ange ${label} som ÅÅÅÅ-MM-DD.` });
const text = (label: string, max: number) =>
  z
    .string({ error: `${label} ska vara text.` })
    .trim()
    .max(max, `${label} får vara högst ${max} tecken.`);
const required = (label: string, max: number) => text(label, max).min(1, `Fyll i ${label.toLowerCase()}.`);
const version = z.number({ error: "Fältet «version» ska vara ett heltal." }).int().min(1);

export const underlagIdParam = z.object({
  id: z.uuid({ error: "Ogiltigt underlags-id." }).openapi({ param: { name: "id", in: "path" } }),
});

export const statusKeys = Object.keys(statuses) as [keyof typeof statuses, ...(keyof typeof statuses)[]];

// ---- Requests ----

export const createUnderlagBody = z
  .strictObject({
    profession: z.enum(professionIds, { error: "Välj vilken profession som ska ge underlaget." }),
    origin: z.enum(originIds, { error: "Ange vem som begär underlaget." }),
    question: required("Frågan", 4000),
    wantedBy: isoDate("önskat svarsdatum"),
    /** Telephone triage only: the need for sick leave as the patient described it. */
    sickLeaveNeed: text("Behovet av sjukskrivning", 4000).default(""),
    /** A named receiver of the profession; null: the profession's queue. */
    receiverId: z.uuid({ error: "Ogiltig mottagare." }).nullable().default(null),
  })
  .openapi("CreateUnderlag");

export const answerUnderlagBody = z
  .strictObject({
    version,
    observations: required("Observationer", 4000),
    funktion: required("Funktion", 4000),
    aktivitet: required("Aktivitetsbegränsning", 4000),
    methods: required("Bedömningsunderlaget", 2000),
  })
  .openapi("AnswerUnderlag");

export const queueQuery = z.object({
  /** Absent: the user's own profession (every profession for those who ask). */
  profession: z.enum(professionIds, { error: "Okänd profession." }).optional(),
  status: z.enum([...statusKeys, "ALL"], { error: "Okänd status." }).default("OPEN"),
});

// ---- Responses ----

const person = z.object({ id: z.string(), name: z.string().nullable() });

export const underlagSchema = z
  .object({
    id: z.string(),
    patientId: z.string(),
    patientName: z.string(),
    personnummer: z.string(),
    profession: z.enum(professionIds),
    professionLabel: z.string(),
    origin: z.enum(originIds),
    originLabel: z.string(),
    question: z.string(),
    wantedBy: z.string(),
    late: z.boolean(),
    sickLeaveNeed: z.string(),
    requestedBy: person,
    requestedDate: z.string(),
    receiver: person.nullable(),
    status: z.enum(statusKeys),
    statusLabel: z.string(),
    answer: z
      .object({
        observations: z.string(),
        funktion: z.string(),
        aktivitet: z.string(),
        methods: z.string(),
        answeredBy: person,
        answeredDate: z.string(),
      })
      .nullable(),
    version: z.number(),
  })
  .openapi("Underlag");

export const underlagListResponse = z.object({ underlag: z.array(underlagSchema) }).openapi("UnderlagList");

export type Underlag = z.output<typeof underlagSchema>;
