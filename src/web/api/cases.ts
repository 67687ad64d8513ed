/** Sjukfall data hooks: the patient's cases and the sjukfall parameters (unit default, own override). */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { request } from "./client.ts";
import { keys } from "./keys.ts";

export interface GradePeriod {
  from: string;
  to: string;
  grade: number;
}

export interface CaseArende {
  id: string;
  type: string;
  typeLabel: string;
  certificateId: string | null;
  receivedDate: string;
  lastAnswerDate: string | null;
  daysToDeadline: number | null;
}

export interface CaseCertificate {
  id: string;
  start: string | null;
  end: string | null;
  periods: GradePeriod[];
  grades: number[];
  status: string;
  statusLabel: string;
  diagnosis: string | null;
  doctorName: string | null;
  signedAt: string | null;
  anchor: boolean;
}

export interface CaseCheckpoint {
  day: number;
  date: string;
  kind: string;
  label: string;
  reached: boolean;
  withinCase: boolean;
}

export interface PatientCase {
  start: string;
  end: string;
  days: number;
  dayInCase: number;
  longerThan30Days: boolean;
  ongoing: boolean;
  currentGrade: number | null;
  diagnoses: string[];
  doctorName: string | null;
  grades: (GradePeriod & { certificateId: string })[];
  certificates: CaseCertificate[];
  checkpoints: CaseCheckpoint[];
  arenden: CaseArende[];
}

export interface PatientSjukfall {
  today: string;
  settings: SjukfallParams;
  cases: PatientCase[];
  otherArenden: CaseArende[];
}

export interface SjukfallParams {
  gap: number;
  afterEnd: number;
}

export type SettingSource = "default" | "unit" | "user";

export interface SjukfallSettings {
  effective: SjukfallParams & { source: { gap: SettingSource; afterEnd: SettingSource } };
  unit: SjukfallParams;
  user: { gap: number | null; afterEnd: number | null };
  limits: Record<keyof SjukfallParams, { min: number; max: number; default: number }>;
  mayEditUnit: boolean;
}

export function usePatientSjukfall(patientId: string) {
  return useQuery({
    queryKey: keys.patientSjukfall(patientId),
    queryFn: () => request<PatientSjukfall>("GET", `/api/patients/${encodeURIComponent(patientId)}/sjukfall`),
    // Every read is logged: no refetch behind the user's back.
    refetchOnWindowFocus: false,
  });
}

export function useSjukfallSettings() {
  return useQuery({
    queryKey: keys.sjukfallSettings,
    queryFn: () => request<SjukfallSettings>("GET", "/api/sjukfall/settings"),
  });
}

function useSaveSettings<Body>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => request<SjukfallSettings>("PUT", path, { body }),
    onSuccess: async (settings) => {
      queryClient.setQueryData(keys.sjukfallSettings, settings);
      // Cases are computed with the parameters: recompute what is shown.
      await queryClient.invalidateQueries({ queryKey: ["patients", "sjukfall"] });
    },
  });
}

export function useSaveUnitSjukfallSettings() {
  return useSaveSettings<SjukfallParams>("/api/sjukfall/settings/unit");
}

export function useSaveUserSjukfallSettings() {
  return useSaveSettings<{ gap: number | null; afterEnd: number | null }>("/api/sjukfall/settings/user");
}
