/** Rehab plan data hooks: a patient's plans, their versions, and the patient's documents. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ContentInput,
  Handout,
  NewHandout,
  PlanVersion,
  PrintDocument,
  RehabPlan,
  RehabPlans,
} from "../../rehabplan/schema.ts";
import type { AnchoringMethod } from "../../rehabplan/rules.ts";
import { request } from "./client.ts";
import { keys } from "./keys.ts";

export type { ContentInput, Handout, PlanVersion, PrintDocument, RehabPlan, RehabPlans };

/** Under the patient's keys, so a change refreshes every view of the patient's plans. */
export const planKeys = {
  all: (patientId: string) => ["rehabplan", patientId] as const,
  plans: (patientId: string) => ["rehabplan", patientId, "plans"] as const,
  versions: (patientId: string, planId: string) => ["rehabplan", patientId, "versions", planId] as const,
  document: (patientId: string, planId: string | null) =>
    ["rehabplan", patientId, "document", planId] as const,
};

const patientPath = (patientId: string, rest: string) =>
  `/api/patients/${encodeURIComponent(patientId)}/${rest}`;
const planPath = (planId: string, rest = "") => `/api/rehabplaner/${encodeURIComponent(planId)}${rest}`;

// Every read is logged: no refetch behind the user's back.
const readOptions = { refetchOnWindowFocus: false } as const;

export function usePlans(patientId: string) {
  return useQuery({
    queryKey: planKeys.plans(patientId),
    queryFn: () => request<RehabPlans>("GET", patientPath(patientId, "rehabplaner")),
    ...readOptions,
  });
}

export function usePlanVersions(patientId: string, planId: string) {
  return useQuery({
    queryKey: planKeys.versions(patientId, planId),
    queryFn: async () =>
      (await request<{ versions: PlanVersion[] }>("GET", planPath(planId, "/versioner"))).versions,
    ...readOptions,
  });
}

/** The plan's patient version (planId) or the brochure (null); fetching it is logged as a print. */
export function usePatientDocument(patientId: string, planId: string | null) {
  return useQuery({
    queryKey: planKeys.document(patientId, planId),
    queryFn: () =>
      request<PrintDocument>(
        "GET",
        planId ? planPath(planId, "/patientversion") : patientPath(patientId, "sjukskrivningsbroschyr"),
      ),
    ...readOptions,
    staleTime: Infinity,
  });
}

export const pdfPath = (patientId: string, planId: string | null) =>
  planId ? planPath(planId, "/patientversion.pdf") : patientPath(patientId, "sjukskrivningsbroschyr.pdf");

function usePlanMutation<Variables, Result>(
  patientId: string,
  mutationFn: (v: Variables) => Promise<Result>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // Also after a failure: a 409 means what is shown is stale. Plans create and close tasks.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: keys.allTasks });
      return queryClient.invalidateQueries({ queryKey: planKeys.all(patientId) });
    },
  });
}

export function useCreatePlan(patientId: string) {
  return usePlanMutation(patientId, (body: { caseStart: string | null }) =>
    request<RehabPlan>("POST", patientPath(patientId, "rehabplaner"), { body }),
  );
}

export function useSavePlan(patientId: string) {
  return usePlanMutation(
    patientId,
    ({ id, ...body }: { id: string; version: number; content: ContentInput }) =>
      request<RehabPlan>("PUT", planPath(id), { body }),
  );
}

export function useEstablishPlan(patientId: string) {
  return usePlanMutation(
    patientId,
    ({
      id,
      ...body
    }: {
      id: string;
      version: number;
      anchoredDate: string;
      anchoredMethod: AnchoringMethod;
    }) => request<RehabPlan>("POST", planPath(id, "/faststall"), { body }),
  );
}

export function useClosePlan(patientId: string) {
  return usePlanMutation(patientId, ({ id, version }: { id: string; version: number }) =>
    request<RehabPlan>("POST", planPath(id, "/avsluta"), { body: { version } }),
  );
}

export function useRecordHandout(patientId: string) {
  return usePlanMutation(patientId, (body: NewHandout) =>
    request<Handout>("POST", patientPath(patientId, "utlamningar"), { body }),
  );
}
