/**
 * Requests and responses of the substitutes' introduction (issue #11 item 2): the newcomer's
 * first-day checklist on the active unit, ticking its contacts item, and the chief's overview.
 */
import { z } from "@hono/zod-openapi";
import { CONTACTS_ITEM, engagementIds } from "./rules.ts";

export const tickBody = z
  .strictObject({
    item: z.literal(CONTACTS_ITEM, {
      error: `Bara punkten ${CONTACTS_ITEM} bockas av för hand (item); rutinerna bekräftas på rutinens sida.`,
    }),
    done: z.boolean({ error: "Ange om punkten är klar (done) som ja eller nej." }),
  })
  .openapi("IntroductionTick");

const item = z.object({
  key: z.string(),
  kind: z.enum(["LATHUND", "ROUTINE", "CONTACTS"]),
  label: z.string(),
  routineId: z.string().nullable(),
  done: z.boolean(),
});

const contact = z.object({ name: z.string(), role: z.string(), roleLabel: z.string() });

export const myIntroduction = z
  .object({
    /** Null: the user is no substitute on this unit (no package). */
    engagement: z.enum(engagementIds).nullable(),
    engagementLabel: z.string().nullable(),
    items: z.array(item),
    done: z.number().int(),
    total: z.number().int(),
    unit: z.object({ name: z.string(), phone: z.string() }),
    contacts: z.array(contact),
  })
  .openapi("MyIntroduction");

export const unitIntroductions = z
  .object({
    substitutes: z.array(
      z.object({
        userId: z.string(),
        name: z.string(),
        engagement: z.enum(engagementIds),
        engagementLabel: z.string(),
        since: z.string().nullable(),
        until: z.string().nullable(),
        done: z.number().int(),
        total: z.number().int(),
        missing: z.array(z.string()),
      }),
    ),
  })
  .openapi("UnitIntroductions");

export type MyIntroduction = z.output<typeof myIntroduction>;
export type UnitIntroductions = z.output<typeof unitIntroductions>;
