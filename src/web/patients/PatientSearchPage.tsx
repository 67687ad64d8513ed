/** Find a patient of the active unit by personnummer or name. */
import { Box, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { minSearchLength, usePatientSearch } from "../api/patients.ts";
import { can, useSession } from "../app/session.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { countLabel } from "../format.ts";
import { PatientResultsTable } from "./PatientResultsTable.tsx";
import { usePatientSearchState } from "./searchState.tsx";

const texts = {
  title: "Patienter",
  searchLabel: "Sök patient (personnummer eller namn)",
  searchHint: "Minst två tecken: hela eller delar av personnumret, förnamn eller efternamn.",
  search: "Sök",
  tooShort: `Ange minst ${minSearchLength} tecken att söka på.`,
  newPatient: "Registrera ny patient",
  searching: "Söker …",
  none: "Inga patienter hittades. Kontrollera stavningen eller sök på personnummer.",
  found: (n: number) => `${countLabel(n, "patient", "patienter")} hittades.`,
  truncated: (shown: number, total: number) =>
    `Visar ${shown} av ${total} träffar. Skriv mer av namnet eller personnumret för att begränsa sökningen.`,
};

export function PatientSearchPage() {
  const me = useSession();
  const { draft, setDraft, term, submit } = usePatientSearchState();
  const [tooShort, setTooShort] = useState(false);
  const search = usePatientSearch(term);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const short = draft.trim().length < minSearchLength;
    setTooShort(short);
    if (!short) submit();
  };

  const result = term ? search.data : undefined;
  const status = !term
    ? ""
    : search.isFetching
      ? texts.searching
      : result
        ? result.total === 0
          ? texts.none
          : result.truncated
            ? texts.truncated(result.patients.length, result.total)
            : texts.found(result.total)
        : "";

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <PageTitle title={texts.title} />
        {can(me, "patient.write") && (
          <Button component={Link} to="/patienter/ny" variant="outline">
            {texts.newPatient}
          </Button>
        )}
      </Group>
      <form role="search" onSubmit={onSubmit} noValidate>
        <TextInput
          label={texts.searchLabel}
          description={texts.searchHint}
          value={draft}
          onChange={(event) => setDraft(event.currentTarget.value)}
          error={tooShort ? texts.tooShort : undefined}
          autoComplete="off"
          spellCheck={false}
          type="search"
          maw={560}
          inputContainer={(input) => (
            <Group gap="sm" wrap="nowrap" align="center">
              <Box flex={1}>{input}</Box>
              <Button type="submit" loading={search.isFetching}>
                {texts.search}
              </Button>
            </Group>
          )}
        />
      </form>
      <Text role="status" aria-live="polite" fw={500}>
        {status}
      </Text>
      {term && search.isError && <ErrorAlert error={search.error} />}
      {result && result.patients.length > 0 && <PatientResultsTable patients={result.patients} />}
    </Stack>
  );
}
