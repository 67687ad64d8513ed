/** Request and response schemas of the spårbarhet API (issue #9 item 3). */
import { z } from "@hono/zod-openapi";
import { gapIds, teamStatusIds } from "./rules.ts";

export const traceabilityQuery = z.object({
  /** Only cases missing this. */
  gap: z.enum(gapIds, { error: "Okänt saknat moment." }).optional(),
  /** Only cases in this team status. */
  teamStatus: z.enum(teamStatusIds, { error: "Okänd teamstatus." }).optional(),
  /** "true": also the cases that lack nothing. */
  all: z.enum(["true", "false"], { error: "Fältet «all» ska vara true eller false." }).default("false"),
});

export const traceabilityExportQuery = traceabilityQuery.extend({
  format: z.enum(["csv"], { error: "Välj format csv." }).default("csv"),
});

export const traceabilityRow = z.object({
  patientId: z.string(),
  name: z.string(),
  personnummer: z.string(),
  start: z.string(),
  end: z.string(),
  days: z.number(),
  doctorName: z.string().nullable(),
  decision: z.string().nullable(),
  teamStatus: z.enum(teamStatusIds),
  teamStatusLabel: z.string(),
  missing: z.array(z.enum(gapIds)),
  missingLabels: z.array(z.string()),
  nextFollowUp: z.string().nullable(),
});

export const traceabilityResponse = z
  .object({
    today: z.string(),
    /** Ongoing cases over 30 days on the unit. */
    longCases: z.number(),
    /** Of them, the ones missing something. */
    withGaps: z.number(),
    rows: z.array(traceabilityRow),
  })
  .openapi("Sparbarhet");

export type TraceabilityRow = z.output<typeof traceabilityRow>;
export type TraceabilityList = z.output<typeof traceabilityResponse>;
