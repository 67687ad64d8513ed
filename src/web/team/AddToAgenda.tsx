/**
 * Preparing the agenda: the unit's cases decided "aktualiseras i teamet" that are on no agenda yet,
 * and any patient found by search. The server refuses a patient without TEAM consent on the
 * meeting date; the suggestions say so beforehand.
 */
import { Button, Group, List, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useAddItem, useSuggestions } from "../api/team.ts";
import type { TeamMeeting } from "../../team/schema.ts";
import { minSearchLength, usePatientSearch } from "../api/patients.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";

const texts = {
  suggestions: "Aktualiserade i teamet, inte på någon dagordning",
  noSuggestions: "Inga aktualiserade sjukfall väntar.",
  showSuggestions: "Visa förslag",
  decided: (date: string, start: string) => `beslut ${date}, sjukfall från ${start}`,
  add: "Lägg till",
  addNamed: (name: string) => `Lägg till ${name} på dagordningen`,
  byHand: "Lägg till patient för hand",
  search: "Sök patient (namn eller personnummer)",
  searchHint: `Minst ${minSearchLength} tecken.`,
  hidden: "Patient",
  failed: "Patienten kunde inte läggas till",
  added: "Patienten är tillagd på dagordningen.",
};

export function AddToAgenda({ meeting, hidePersonal }: { meeting: TeamMeeting; hidePersonal: boolean }) {
  const [showSuggestions, setShowSuggestions] = useState(false);
  const suggestions = useSuggestions(meeting.id, showSuggestions);
  const add = useAddItem(meeting.id);
  const [term, setTerm] = useState("");
  const search = usePatientSearch(term);
  const onAgenda = new Set(meeting.items.map((i) => i.patientId));
  const label = (name: string, pnr: string) => (hidePersonal ? texts.hidden : `${name} (${pnr})`);
  return (
    <Stack gap="sm">
      {add.isError && <ErrorAlert error={add.error} title={texts.failed} />}
      {add.isSuccess && (
        <Text role="status" fw={500} fz="sm">
          {texts.added}
        </Text>
      )}
      <Title order={3} fz="h4">
        {texts.suggestions}
      </Title>
      {!showSuggestions ? (
        <Group>
          <Button variant="outline" size="sm" onClick={() => setShowSuggestions(true)}>
            {texts.showSuggestions}
          </Button>
        </Group>
      ) : suggestions.isError ? (
        <ErrorAlert error={suggestions.error} />
      ) : suggestions.data?.suggestions.length === 0 ? (
        <Text>{texts.noSuggestions}</Text>
      ) : (
        <List listStyleType="none" spacing="xs">
          {suggestions.data?.suggestions.map((s) => (
            <List.Item key={s.decisionId}>
              <Group gap="sm">
                <Text span>
                  {label(s.patientName, s.personnummer)} – {texts.decided(s.decidedDate, s.caseStart)} –
                  samtycke till teamet: {s.consent.label.toLowerCase()}
                </Text>
                <Button
                  size="xs"
                  aria-label={hidePersonal ? texts.add : texts.addNamed(s.patientName)}
                  loading={add.isPending && add.variables?.decisionId === s.decisionId}
                  onClick={() => add.mutate({ patientId: s.patientId, decisionId: s.decisionId })}
                >
                  {texts.add}
                </Button>
              </Group>
              {s.consent.refusal && (
                <Text fz="sm" c="red.9">
                  {s.consent.refusal}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
      <Title order={3} fz="h4">
        {texts.byHand}
      </Title>
      <TextInput
        label={texts.search}
        description={texts.searchHint}
        value={term}
        onChange={(e) => setTerm(e.currentTarget.value)}
        maw={420}
        autoComplete="off"
      />
      {search.data && term.trim().length >= minSearchLength && (
        <List listStyleType="none" spacing="xs">
          {search.data.patients
            .filter((p) => !onAgenda.has(p.id))
            .map((p) => (
              <List.Item key={p.id}>
                <Group gap="sm">
                  <Text span>{label(p.name, p.personnummer)}</Text>
                  <Button
                    size="xs"
                    variant="outline"
                    aria-label={hidePersonal ? texts.add : texts.addNamed(p.name)}
                    onClick={() => add.mutate({ patientId: p.id, decisionId: null })}
                  >
                    {texts.add}
                  </Button>
                </Group>
              </List.Item>
            ))}
        </List>
      )}
    </Stack>
  );
}
