/** The multimodal team's data hooks: the team, its meetings, agenda, minutes and decisions. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AgendaItem,
  CreateMeeting,
  NewDecision,
  SaveTeam,
  Suggestions,
  Team,
  TeamDecision,
  TeamMeeting,
  TeamMeetingSummary,
} from "../../team/schema.ts";
import { request } from "./client.ts";
import { keys } from "./keys.ts";

const id = (value: string) => encodeURIComponent(value);

export function useTeam() {
  return useQuery({ queryKey: keys.team, queryFn: () => request<Team>("GET", "/api/team") });
}

export function useTeamMeeting(meetingId: string) {
  return useQuery({
    queryKey: keys.teamMeeting(meetingId),
    queryFn: () => request<TeamMeeting>("GET", `/api/team/moten/${id(meetingId)}`),
    // Every read is logged per patient on the agenda: no refetch behind the user's back.
    refetchOnWindowFocus: false,
  });
}

export function useSuggestions(meetingId: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.teamSuggestions(meetingId),
    queryFn: () => request<Suggestions>("GET", `/api/team/moten/${id(meetingId)}/forslag`),
    enabled,
    refetchOnWindowFocus: false,
  });
}

/**
 * A mutation after which the team and its meetings are read again; it is pending until they are,
 * so the next action works on the new versions. `onSaved` runs first (e.g. clearing a form before
 * the saved entry shows).
 */
function useTeamMutation<I, O>(fn: (input: I) => Promise<O>, onSaved?: (result: O) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (result) => onSaved?.(result),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.team }),
  });
}

export const useSaveTeam = () =>
  useTeamMutation((input: SaveTeam) => request<Team>("PUT", "/api/team", { body: input }));

export const useCreateMeeting = () =>
  useTeamMutation((input: CreateMeeting) =>
    request<TeamMeetingSummary>("POST", "/api/team/moten", { body: input }),
  );

export const useSetParticipants = (meetingId: string) =>
  useTeamMutation(
    (input: { version: number; participants: { userId: string; attended: boolean | null }[] }) =>
      request<TeamMeetingSummary>("PUT", `/api/team/moten/${id(meetingId)}/deltagare`, { body: input }),
  );

export const useAddItem = (meetingId: string) =>
  useTeamMutation((input: { patientId: string; decisionId: string | null }) =>
    request<{ id: string }>("POST", `/api/team/moten/${id(meetingId)}/dagordning`, { body: input }),
  );

export const useSetOrder = (meetingId: string) =>
  useTeamMutation((input: { version: number; itemIds: string[] }) =>
    request<TeamMeetingSummary>("PUT", `/api/team/moten/${id(meetingId)}/dagordning`, { body: input }),
  );

export const useSaveMinutes = (itemId: string) =>
  useTeamMutation((input: { baseVersion: number; text: string; correctionReason: string }) =>
    request<AgendaItem["minutes"][number]>("PUT", `/api/team/dagordning/${id(itemId)}/anteckning`, {
      body: input,
    }),
  );

export const useAddDecision = (itemId: string, onSaved: () => void) =>
  useTeamMutation(
    (input: NewDecision) =>
      request<TeamDecision>("POST", `/api/team/dagordning/${id(itemId)}/beslut`, { body: input }),
    onSaved,
  );

export const useCloseMeeting = (meetingId: string) =>
  useTeamMutation((input: { version: number }) =>
    request<TeamMeetingSummary>("POST", `/api/team/moten/${id(meetingId)}/avsluta`, { body: input }),
  );

export const useLinkSamverkan = (decisionId: string) =>
  useTeamMutation((input: { version: number; samverkanMeetingId: string | null }) =>
    request<TeamDecision>("PUT", `/api/team/beslut/${id(decisionId)}/samverkan`, { body: input }),
  );
