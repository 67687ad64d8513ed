/** Certificate (FK 7804) data hooks: the patient's list, one certificate, autosave and the workflow steps. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CertificateDraft } from "../../certificates/rules/draft.ts";
import type {
  CertificateCheck,
  CertificateResponse,
  CheckIssue,
  CheckWarning,
} from "../../certificates/http-schema.ts";
import type { CertificateStatus } from "../../certificates/workflow.ts";
import { request } from "./client.ts";
import { keys } from "./keys.ts";

export type { CertificateCheck, CheckIssue, CheckWarning };

/** The server stores the content as the client wrote it; the web app reads it as a draft. */
export type Certificate = Omit<CertificateResponse, "content"> & { content: CertificateDraft };

/** What a 409 carries: the stored row as it is now (a subset is read). */
export interface SavedCertificate {
  id: string;
  status: CertificateStatus;
  content: CertificateDraft;
  version: number;
  updatedAt: string;
}

const certificatePath = (id: string) => `/api/certificates/${encodeURIComponent(id)}`;

export function certificatePdfUrl(id: string): string {
  return `${certificatePath(id)}/pdf`;
}

export function usePatientCertificates(patientId: string) {
  return useQuery({
    queryKey: keys.patientCertificates(patientId),
    queryFn: async () =>
      (
        await request<{ certificates: Certificate[] }>(
          "GET",
          `/api/patients/${encodeURIComponent(patientId)}/certificates`,
        )
      ).certificates,
    // Every read is logged: no refetch behind the user's back.
    refetchOnWindowFocus: false,
  });
}

export function useCertificate(id: string) {
  return useQuery({
    queryKey: keys.certificate(id),
    queryFn: () => request<Certificate>("GET", certificatePath(id)),
    refetchOnWindowFocus: false,
  });
}

export function useCreateCertificate(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      request<Certificate>("POST", `/api/patients/${encodeURIComponent(patientId)}/certificates`, {
        body: { content: {} },
      }),
    onSuccess: async (certificate) => {
      queryClient.setQueryData(keys.certificate(certificate.id), certificate);
      await queryClient.invalidateQueries({ queryKey: keys.patientCertificates(patientId) });
    },
  });
}

/** One autosave: the content on top of the version the editor last saw (409 when stale). */
export function saveCertificate(id: string, version: number, content: CertificateDraft) {
  return request<Certificate>("PUT", certificatePath(id), { body: { version, content } });
}

export type StepInput =
  | { step: "ready" | "sign"; version: number }
  | { step: "send"; version: number; confirmedWarnings: string[] }
  | {
      step: "revoke";
      version: number;
      reasonCode: "FEL_PATIENT" | "ANNAT_ALLVARLIGT_FEL";
      reason: string;
    }
  | { step: "renew" | "replace" };

/** A workflow step; renew and replace answer the new draft, the others the certificate after it. */
export function useCertificateStep(certificate: Pick<Certificate, "id" | "patientId">) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ step, ...body }: StepInput) =>
      request<Certificate>("POST", `${certificatePath(certificate.id)}/${step}`, { body }),
    onSuccess: async (result) => {
      queryClient.setQueryData(keys.certificate(result.id), result);
      await queryClient.invalidateQueries({ queryKey: keys.patientCertificates(certificate.patientId) });
    },
  });
}
