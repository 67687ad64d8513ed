/**
 * The team API's contract (issue #9): the unit's team, its meetings, agenda, minutes and decisions.
 * Shapes, kinds and lengths are checked here; what needs today, the meeting or consent is in
 * rules.ts and the service.
 */
import { z } from "@hono/zod-openapi";
import { consentStateLabels, type ConsentState } from "../coordination/rules.ts";
import { parties, type Party } from "../rehabplan/rules.ts";
import {
  agendaSources,
  decisionOutcomes,
  meetingStatuses,
  professionIds,
  type AgendaSource,
  type DecisionOutcome,
  type MeetingStatus,
} from "./rules.ts";

const isoDate = (label: string) => z.iso.date({ error: `Ange ${label} som ÅÅÅÅ-MM-DD.` });
const userId = (message: string) => z.uuid({ error: message });
const version = z.number({ error: "Ange versionen du utgick från." }).int().min(0);
const clockTime = z
  .string({ error: "Ange tiden som TT:MM." })
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "Ange tiden som TT:MM, t.ex. 13:30.");
const idParam = (message: string) =>
  z.object({ id: z.uuid({ error: message }).openapi({ param: { name: "id", in: "path" } }) });

export const meetingIdParam = idParam("Ogiltigt mötes-id.");
export const itemIdParam = idParam("Ogiltigt id för punkten på dagordningen.");
export const decisionIdParam = idParam("Ogiltigt beslut-id.");

// ---- Requests ----

const partyIds = Object.keys(parties) as [Party, ...Party[]];

export const meetingTimeSchema = z.strictObject({
  weekday: z
    .number({ error: "Välj veckodag." })
    .int()
    .min(1, "Välj veckodag (måndag–söndag).")
    .max(7, "Välj veckodag (måndag–söndag)."),
  time: clockTime,
});

export const saveTeamBody = z
  .strictObject({
    version,
    members: z
      .array(
        z.strictObject({
          userId: userId("Välj en medarbetare."),
          profession: z.enum(professionIds, { error: "Välj profession." }),
        }),
      )
      .max(60, "Teamet kan ha högst 60 medlemmar."),
    meetingTimes: z.array(meetingTimeSchema).max(10, "Ange högst 10 mötestider."),
  })
  .openapi("SaveTeam");

export const createMeetingBody = z
  .strictObject({
    date: isoDate("mötesdatum"),
    time: clockTime,
    /** Without it the team's standing members are invited. */
    participantIds: z.array(userId("Välj en deltagare.")).max(60).optional(),
  })
  .openapi("CreateTeamMeeting");

export const participantsBody = z
  .strictObject({
    version,
    participants: z
      .array(z.strictObject({ userId: userId("Välj en deltagare."), attended: z.boolean().nullable() }))
      .max(60, "Ett möte kan ha högst 60 deltagare."),
  })
  .openapi("TeamMeetingParticipants");

export const addItemBody = z
  .strictObject({
    patientId: z.uuid({ error: "Välj en patient." }),
    /** The "aktualiseras i teamet" decision the item comes from; null when added by hand. */
    decisionId: z.uuid({ error: "Ogiltigt beslut-id." }).nullable().default(null),
  })
  .openapi("AddAgendaItem");

export const orderBody = z
  .strictObject({ version, itemIds: z.array(z.uuid({ error: "Ogiltigt id i ordningen." })).max(200) })
  .openapi("AgendaOrder");

export const minutesBody = z
  .strictObject({
    /** The minutes version the text was written from; 0 when there were none. */
    baseVersion: version,
    text: z
      .string({ error: "Anteckningen ska vara text." })
      .max(10000, "Anteckningen får vara högst 10 000 tecken."),
    correctionReason: z
      .string({ error: "Skälet ska vara text." })
      .trim()
      .max(500, "Skälet får vara högst 500 tecken.")
      .default(""),
  })
  .openapi("TeamMinutesSave");

export const decisionBody = z
  .strictObject({
    text: z.string({ error: "Beskriv beslutet." }).trim().max(2000, "Beslutet får vara högst 2 000 tecken."),
    outcome: z.enum(["UPPGIFT", "PLANATGARD"], {
      error: "Välj om beslutet blir en uppgift eller en planåtgärd.",
    }),
    /** Whose action it is in the rehab plan (a plan action only). */
    party: z.enum(partyIds, { error: "Välj vem åtgärden gäller (part)." }).default("VARDEN"),
    responsibleUserId: userId("Välj ansvarig."),
    dueDate: isoDate("datum"),
  })
  .openapi("TeamDecisionCreate");

export const closeBody = z.strictObject({ version }).openapi("TeamMeetingClose");

export const samverkanLinkBody = z
  .strictObject({
    version,
    samverkanMeetingId: z.uuid({ error: "Välj ett samverkansmöte." }).nullable(),
  })
  .openapi("TeamDecisionSamverkan");

// ---- Responses ----

const staffSchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  roles: z.array(z.string()),
  suggestedProfession: z.enum(professionIds).nullable(),
});

const meetingStatusIds = Object.keys(meetingStatuses) as [MeetingStatus, ...MeetingStatus[]];

/** What every answer about a meeting says of it. */
const meetingFields = {
  id: z.string(),
  date: z.string(),
  time: z.string(),
  status: z.enum(meetingStatusIds),
  statusLabel: z.string(),
  version: z.number(),
};

export const meetingSummarySchema = z
  .object({ ...meetingFields, agendaCount: z.number(), participantCount: z.number() })
  .openapi("TeamMeetingSummary");

export const teamResponse = z
  .object({
    today: z.string(),
    version: z.number(),
    members: z.array(
      z.object({
        userId: z.string(),
        name: z.string(),
        profession: z.enum(professionIds),
        professionLabel: z.string(),
      }),
    ),
    meetingTimes: z.array(z.object({ weekday: z.number(), time: z.string(), label: z.string() })),
    upcomingSlots: z.array(z.object({ date: z.string(), time: z.string() })),
    staff: z.array(staffSchema),
    meetings: z.array(meetingSummarySchema),
  })
  .openapi("Team");

const consentStateIds = Object.keys(consentStateLabels) as [ConsentState, ...ConsentState[]];

const consentOnDate = z.object({
  state: z.enum(consentStateIds),
  label: z.string(),
  /** Why the patient cannot be on the agenda that day; null when the consent is valid. */
  refusal: z.string().nullable(),
});

const samverkanSchema = z.object({ id: z.string(), kindLabel: z.string(), date: z.string() });

const outcomeIds = Object.keys(decisionOutcomes) as [DecisionOutcome, ...DecisionOutcome[]];

export const teamDecisionSchema = z
  .object({
    id: z.string(),
    itemId: z.string(),
    text: z.string(),
    outcome: z.enum(outcomeIds),
    outcomeLabel: z.string(),
    responsibleUserId: z.string(),
    responsibleName: z.string(),
    dueDate: z.string(),
    taskId: z.string().nullable(),
    planActionId: z.string().nullable(),
    samverkan: samverkanSchema.nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    version: z.number(),
  })
  .openapi("TeamDecision");

export const minutesVersionSchema = z
  .object({
    version: z.number(),
    text: z.string(),
    writtenBy: z.string(),
    writtenAt: z.string(),
    /** Set for a correction written after the meeting was closed. */
    correctionReason: z.string().nullable(),
  })
  .openapi("TeamMinutesVersion");

const sourceIds = Object.keys(agendaSources) as [AgendaSource, ...AgendaSource[]];

export const agendaItemSchema = z
  .object({
    id: z.string(),
    position: z.number(),
    patientId: z.string(),
    patientName: z.string(),
    personnummer: z.string(),
    caseStart: z.string(),
    source: z.enum(sourceIds),
    sourceLabel: z.string(),
    consent: consentOnDate,
    /** Every version, oldest first; the last is current. */
    minutes: z.array(minutesVersionSchema),
    decisions: z.array(teamDecisionSchema),
    samverkansmoten: z.array(samverkanSchema),
  })
  .openapi("TeamAgendaItem");

export const meetingSchema = z
  .object({
    ...meetingFields,
    closedAt: z.string().nullable(),
    closedBy: z.string().nullable(),
    participants: z.array(
      z.object({
        userId: z.string(),
        name: z.string(),
        profession: z.string().nullable(),
        attended: z.boolean().nullable(),
      }),
    ),
    items: z.array(agendaItemSchema),
    staff: z.array(z.object({ id: z.string(), name: z.string() })),
    /** Whether decisions can become rehab-plan actions on this installation. */
    planActions: z.boolean(),
    today: z.string(),
  })
  .openapi("TeamMeeting");

export const suggestionsResponse = z
  .object({
    suggestions: z.array(
      z.object({
        decisionId: z.string(),
        patientId: z.string(),
        patientName: z.string(),
        personnummer: z.string(),
        caseStart: z.string(),
        decidedDate: z.string(),
        consent: consentOnDate,
      }),
    ),
  })
  .openapi("TeamAgendaSuggestions");

export type Team = z.output<typeof teamResponse>;
export type TeamMeeting = z.output<typeof meetingSchema>;
export type TeamMeetingSummary = z.output<typeof meetingSummarySchema>;
export type AgendaItem = z.output<typeof agendaItemSchema>;
export type TeamDecision = z.output<typeof teamDecisionSchema>;
export type Suggestions = z.output<typeof suggestionsResponse>;
export type SaveTeam = z.input<typeof saveTeamBody>;
export type CreateMeeting = z.input<typeof createMeetingBody>;
export type NewDecision = z.input<typeof decisionBody>;
