/**
 * Requests and responses of the routine library (issue #11 item 1): the unit's routines and the
 * regional ones it adopted, versioned Markdown texts, "läst och förstått" per user and version,
 * and the chief's view of who has not confirmed. Staff routines: no patient data.
 */
import { z } from "@hono/zod-openapi";
import { roleIds } from "../access/policy.ts";
import { MAX_ROUTINE_TEXT, routineTopicIds } from "./rules.ts";

const isoDate = (label: string, field: string) =>
  z.iso.date({ error: `Ange ${label} (${field}) som ÅÅÅÅ-MM-DD.` });

const version = z
  .number({ error: "Versionen (version) saknas." })
  .int({ error: "Versionen (version) ska vara ett heltal." })
  .min(1, { error: "Versionen (version) ska vara 1 eller större." });

export const routineFields = {
  title: z
    .string({ error: "Skriv rutinens rubrik (title) som text." })
    .trim()
    .min(1, { error: "Rutinen behöver en rubrik (title)." })
    .max(200, { error: "Rubriken (title) får vara högst 200 tecken." }),
  topic: z.enum(routineTopicIds, { error: "Välj ett av de angivna ämnena (topic)." }),
  ownerId: z.uuid({ error: "Välj rutinens ägare (ownerId)." }),
  reviewDate: isoDate("datum för revision", "reviewDate"),
  roles: z
    .array(z.enum(roleIds, { error: "Välj roller ur listan (roles)." }), {
      error: "Ange vilka roller som ska läsa rutinen (roles) som en lista.",
    })
    .min(1, { error: "Välj minst en roll som ska läsa rutinen (roles)." })
    .max(roleIds.length, { error: "För många roller (roles)." }),
  body: z
    .string({ error: "Skriv rutinens text (body) som text." })
    .trim()
    .min(1, { error: "Rutinen behöver en text (body)." })
    .max(MAX_ROUTINE_TEXT, { error: `Rutinens text (body) får vara högst ${MAX_ROUTINE_TEXT} tecken.` }),
};

export const createRoutineBody = z
  .strictObject({
    ...routineFields,
    /** A regional routine, for the region's units to adopt (needs routine.region). */
    regional: z.boolean({ error: "Ange om rutinen är regional (regional) som ja eller nej." }).default(false),
  })
  .openapi("CreateRoutine");

export const saveRoutineBody = z.strictObject({ version, ...routineFields }).openapi("SaveRoutine");

export const confirmRoutineBody = z
  .strictObject({
    /** The text version the user read; an older one than the current answers 409. */
    textVersion: z
      .number({ error: "Textversionen (textVersion) saknas." })
      .int({ error: "Textversionen (textVersion) ska vara ett heltal." })
      .min(1, { error: "Textversionen (textVersion) ska vara 1 eller större." }),
  })
  .openapi("ConfirmRoutine");

export const routineIdParam = z.object({
  id: z.uuid({ error: "Ogiltigt rutin-id (id)." }).openapi({ param: { name: "id", in: "path" } }),
});

// ---- Responses ----

const person = z.object({ id: z.string(), name: z.string() });
const confirmationState = z.enum(["CONFIRMED", "NEW_VERSION", "NOT_CONFIRMED"]);

export const routineSummary = z.object({
  id: z.string(),
  title: z.string(),
  topic: z.enum(routineTopicIds),
  topicLabel: z.string(),
  owner: person,
  reviewDate: z.string(),
  /** The review date has come: the owner should revise it. */
  reviewDue: z.boolean(),
  roles: z.array(z.string()),
  textVersion: z.number().int(),
  version: z.number().int(),
  /** A regional routine (adopted by this unit, or offered to it). */
  regional: z.boolean(),
  /** Whether the user holds a role that must read it, and the user's state. */
  mustRead: z.boolean(),
  myState: confirmationState,
  /** Whether the user may change it (unit routine: routine.manage; regional: routine.region). */
  canEdit: z.boolean(),
  /** For routine.manage, in the library: how many of the unit's staff who must read it have not confirmed the current version. */
  unconfirmed: z.number().int().nullable(),
});

export const routineLibrary = z
  .object({
    today: z.string(),
    routines: z.array(routineSummary),
    /** Regional routines the unit has not adopted (for those who may adopt them). */
    offered: z.array(routineSummary),
    canManage: z.boolean(),
    canWriteRegional: z.boolean(),
    /** Who can own a routine: the unit's staff (for those who write routines; else empty). */
    owners: z.array(person),
  })
  .openapi("RoutineLibrary");

export const routineDetail = routineSummary
  .extend({
    body: z.string(),
    versions: z.array(z.object({ textVersion: z.number().int(), savedAt: z.string(), savedBy: z.string() })),
    /** The user's confirmation of the current version, if any. */
    confirmedAt: z.string().nullable(),
    /** Whether the unit uses it (own, or adopted). */
    inLibrary: z.boolean(),
    /** For routine.manage: the unit's staff who must read it, unconfirmed first. */
    staff: z
      .array(
        z.object({
          userId: z.string(),
          name: z.string(),
          roles: z.array(z.string()),
          state: confirmationState,
          confirmedVersion: z.number().int().nullable(),
        }),
      )
      .nullable(),
  })
  .openapi("Routine");

export type RoutineSummary = z.output<typeof routineSummary>;
export type RoutineLibrary = z.output<typeof routineLibrary>;
export type RoutineDetail = z.output<typeof routineDetail>;
export type CreateRoutine = z.output<typeof createRoutineBody>;
export type SaveRoutine = z.output<typeof saveRoutineBody>;
