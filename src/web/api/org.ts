/** Organisation data hooks: units, users with assignments, the role policy. */
import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { request } from "./client.ts";
import { keys } from "./keys.ts";
import type {
  NewAssignment,
  NewUnit,
  NewUser,
  PatientDataGrant,
  Policy,
  Unit,
  UnitChanges,
  User,
} from "./types.ts";

export function useUnits() {
  return useQuery({
    queryKey: keys.units,
    queryFn: async () => (await request<{ units: Unit[] }>("GET", "/api/units")).units,
  });
}

export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (unit: NewUnit) => request<Unit>("POST", "/api/units", { body: unit }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.units }),
  });
}

export function useUpdateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UnitChanges }) =>
      request<Unit>("PATCH", `/api/units/${encodeURIComponent(id)}`, { body: changes }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.units }),
  });
}

export function useUsers(enabled = true) {
  return useQuery({
    enabled,
    queryKey: keys.users,
    queryFn: async () => (await request<{ users: User[] }>("GET", "/api/users")).users,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (user: NewUser) => request<User>("POST", "/api/users", { body: user }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.users }),
  });
}

export function useCreateAssignment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (assignment: NewAssignment) =>
      request<User>("POST", "/api/assignments", { body: assignment }),
    onSuccess: () => invalidateAssignments(queryClient),
  });
}

export function useDeleteAssignment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (assignmentId: string) =>
      request<User>("DELETE", `/api/assignments/${encodeURIComponent(assignmentId)}`),
    onSuccess: () => invalidateAssignments(queryClient),
  });
}

/** Users and the chief's list of patient-data grants (keyed under users) follow every change. */
async function invalidateAssignments(queryClient: QueryClient) {
  await queryClient.invalidateQueries({ queryKey: keys.users });
}

/** Recent grants of roles that open the active unit's patient data (for its chief). */
export function usePatientDataGrants(enabled: boolean) {
  return useQuery({
    queryKey: keys.patientDataGrants,
    queryFn: async () =>
      (await request<{ grants: PatientDataGrant[] }>("GET", "/api/assignments/patient-data-grants")).grants,
    enabled,
  });
}

export function usePolicy() {
  return useQuery({
    queryKey: keys.policy,
    queryFn: () => request<Policy>("GET", "/api/policy"),
    staleTime: Infinity,
  });
}
