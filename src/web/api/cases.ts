/** Sjukfall data hooks: the patient's cases and the sjukfall parameters (unit default, own override). */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { request } from "./client.ts";
import { keys } from "./keys.ts";
import type {
  PatientSjukfall,
  SjukfallSettingsView as SjukfallSettings,
  UnitSjukfallSettings,
  UserSjukfallSettings,
} from "../../cases/schema.ts";

export type {
  PatientSjukfall,
  SjukfallArendeSummary as CaseArende,
  SjukfallCase as PatientCase,
  SjukfallSettingsView as SjukfallSettings,
} from "../../cases/schema.ts";

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
  return useSaveSettings<UnitSjukfallSettings>("/api/sjukfall/settings/unit");
}

export function useSaveUserSjukfallSettings() {
  return useSaveSettings<UserSjukfallSettings>("/api/sjukfall/settings/user");
}
