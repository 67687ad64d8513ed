/**
 * Change a patient's name and flags. Saves the changed fields with the version the user saw; if
 * someone else saved in between (409) the form rebases onto what is saved now, keeping the user's
 * changes, shows both, and the user chooses: save their changes again, or drop them.
 */
import { Alert, Button, Checkbox, Group, Paper, Stack, Table, TextInput, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import {
  useEffect,
  useRef,
  useState,
  type ChangeEvent,
  type FormEvent,
  type ReactNode,
  type Ref,
} from "react";
import { isApiError } from "../api/client.ts";
import { keys } from "../api/keys.ts";
import { useUpdatePatient } from "../api/patients.ts";
import type { Patient } from "../api/types.ts";
import { FormActions } from "../components/FormActions.tsx";
import { FormErrorAlert } from "../components/FormErrorAlert.tsx";
import { fieldErrors } from "../components/fieldErrors.ts";
import { dateLabel } from "../format.ts";
import {
  changedFields,
  changesOf,
  draftOf,
  isValidDateInput,
  rebaseDraft,
  type DraftField,
  type PatientDraft,
} from "./patientDraft.ts";

const texts = {
  title: "Ändra uppgifter",
  givenName: "Förnamn",
  familyName: "Efternamn",
  protectedIdentity: "Skyddad identitet",
  listed: "Listad på den här vårdenheten",
  firstDayUntil: "Förstadagsintyg krävs till och med",
  firstDayHint: "ÅÅÅÅ-MM-DD. Lämna tomt om förstadagsintyg inte krävs.",
  badDate: "Ange datum som ÅÅÅÅ-MM-DD.",
  save: "Spara",
  errorTitle: "Ändringen kunde inte sparas",
  conflictTitle: "Någon annan har ändrat uppgifterna",
  conflictBody:
    "Uppgifterna ändrades av någon annan medan du redigerade. Så här ser de ut nu. Välj om dina ändringar ska sparas ovanpå, eller om du vill utgå från de sparade uppgifterna.",
  field: "Uppgift",
  savedNow: "Sparat nu",
  yours: "Din ändring",
  unchanged: "Oförändrad",
  reapply: "Spara mina ändringar igen",
  useSaved: "Utgå från de sparade uppgifterna",
  yes: "Ja",
  no: "Nej",
};

const labels: Record<DraftField, string> = {
  givenName: texts.givenName,
  familyName: texts.familyName,
  protectedIdentity: texts.protectedIdentity,
  listed: texts.listed,
  firstDayCertificateUntil: texts.firstDayUntil,
};

const serverFields = ["givenName", "familyName", "firstDayCertificateUntil"] as const;

interface Base {
  /** What the form started from: changes are measured against it. */
  draft: PatientDraft;
  version: number;
}

export function PatientEditForm(props: { patient: Patient; activeUnitId: string; onDone: () => void }) {
  const { patient, activeUnitId, onDone } = props;
  const update = useUpdatePatient(patient.id);
  const queryClient = useQueryClient();
  const [base, setBase] = useState<Base>(() => ({
    draft: draftOf(patient, activeUnitId),
    version: patient.version,
  }));
  const [draft, setDraft] = useState(base.draft);
  const [badDate, setBadDate] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const conflicted = isApiError(update.error, 409);
  const errors = fieldErrors(update.error, serverFields);

  useEffect(() => {
    if (conflicted) alertRef.current?.focus();
  }, [conflicted, update.error]);

  /** After a stale save: build on what is saved now, keeping what the user changed. */
  const rebase = (current: Patient) => {
    queryClient.setQueryData(keys.patient(current.id), current);
    const saved = draftOf(current, activeUnitId);
    setBase({ draft: saved, version: current.version });
    setDraft(rebaseDraft(base.draft, draft, saved));
  };

  const save = () => {
    const dateIsBad = !isValidDateInput(draft.firstDayCertificateUntil);
    setBadDate(dateIsBad);
    if (dateIsBad) return;
    if (changedFields(base.draft, draft).length === 0) return onDone();
    update.mutate(changesOf(base.draft, draft, base.version), {
      onSuccess: onDone,
      onError: (error) => {
        if (isApiError(error, 409) && error.current) rebase(error.current as Patient);
      },
    });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save();
  };

  const dropMine = () => {
    setDraft(base.draft);
    update.reset();
  };

  const text = (field: "givenName" | "familyName" | "firstDayCertificateUntil") => ({
    value: draft[field],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setDraft((current) => ({ ...current, [field]: value }));
    },
  });
  const flag = (field: "protectedIdentity" | "listed") => ({
    checked: draft[field],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const checked = event.currentTarget.checked;
      setDraft((current) => ({ ...current, [field]: checked }));
    },
  });

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="andra-uppgifter">
      <Title order={2} id="andra-uppgifter" fz="h3" mb="sm">
        {texts.title}
      </Title>
      {conflicted ? (
        <ConflictAlert
          ref={alertRef}
          saved={base.draft}
          yours={draft}
          changed={changedFields(base.draft, draft)}
        >
          <Group mt="md">
            <Button onClick={save} loading={update.isPending}>
              {texts.reapply}
            </Button>
            <Button variant="outline" onClick={dropMine}>
              {texts.useSaved}
            </Button>
          </Group>
        </ConflictAlert>
      ) : (
        <FormErrorAlert
          error={badDate ? null : update.error}
          fieldErrors={{ ...errors, ...(badDate ? { firstDayCertificateUntil: texts.badDate } : {}) }}
          title={texts.errorTitle}
          attempt={badDate}
        />
      )}
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md" maw={480}>
          <TextInput label={texts.givenName} required {...text("givenName")} error={errors.givenName} />
          <TextInput label={texts.familyName} required {...text("familyName")} error={errors.familyName} />
          <Checkbox label={texts.protectedIdentity} {...flag("protectedIdentity")} />
          <Checkbox label={texts.listed} {...flag("listed")} />
          <TextInput
            label={texts.firstDayUntil}
            description={texts.firstDayHint}
            placeholder="ÅÅÅÅ-MM-DD"
            {...text("firstDayCertificateUntil")}
            error={badDate ? texts.badDate : errors.firstDayCertificateUntil}
          />
          {!conflicted && <FormActions submit={texts.save} pending={update.isPending} onCancel={onDone} />}
        </Stack>
      </form>
    </Paper>
  );
}

function valueLabel(field: DraftField, draft: PatientDraft): string {
  const value = draft[field];
  if (typeof value === "boolean") return value ? texts.yes : texts.no;
  if (field === "firstDayCertificateUntil") return dateLabel(value.trim() || null);
  return value.trim();
}

interface ConflictAlertProps {
  saved: PatientDraft;
  yours: PatientDraft;
  changed: DraftField[];
  children: ReactNode;
  ref: Ref<HTMLDivElement>;
}

function ConflictAlert({ saved, yours, changed, children, ref }: ConflictAlertProps) {
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      role="alert"
      color="orange"
      variant="outline"
      // Orange text on white is below 4.5:1; the border carries the colour, the title stays black.
      styles={{ title: { color: "var(--mantine-color-black)", fontSize: "var(--mantine-font-size-md)" } }}
      title={texts.conflictTitle}
      mb="md"
    >
      {texts.conflictBody}
      <Table mt="sm" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{texts.field}</Table.Th>
            <Table.Th scope="col">{texts.savedNow}</Table.Th>
            <Table.Th scope="col">{texts.yours}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(Object.keys(labels) as DraftField[]).map((field) => (
            <Table.Tr key={field}>
              <Table.Th scope="row">{labels[field]}</Table.Th>
              <Table.Td>{valueLabel(field, saved)}</Table.Td>
              <Table.Td fw={changed.includes(field) ? 700 : undefined}>
                {changed.includes(field) ? valueLabel(field, yours) : texts.unchanged}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {children}
    </Alert>
  );
}
