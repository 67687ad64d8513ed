/** Incident timeline (for log reviewers): asked for on demand, each request logged by the server. */
import { useMutation } from "@tanstack/react-query";
import { request } from "./client.ts";
import type { IncidentTimeline } from "./types.ts";

export interface TimelineRequest {
  subject: { patientId: string } | { userId: string };
  from: string;
  to: string;
}

/** The query string of a timeline request (ids only: never a personnummer in a URL). */
export function timelineQuery(req: TimelineRequest, format: "json" | "csv"): Record<string, string> {
  return { ...req.subject, from: req.from, to: req.to, format };
}

export function timelineUrl(req: TimelineRequest, format: "json" | "csv"): string {
  return `/api/audit/timeline?${new URLSearchParams(timelineQuery(req, format)).toString()}`;
}

/** A mutation, not a query: every fetch is a logged review, so it runs only when asked. */
export function useIncidentTimeline() {
  return useMutation({
    mutationFn: (req: TimelineRequest) =>
      request<IncidentTimeline>("GET", "/api/audit/timeline", { query: timelineQuery(req, "json") }),
  });
}
