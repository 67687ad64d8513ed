/** "Registrera ärende": what Försäkringskassan sent, registered by a secretary (or anyone allowed). */
import { Checkbox, NativeSelect, Paper, SimpleGrid, Stack, TextInput, Textarea, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { arendeTypes, questionAreas } from "../../arenden/rules.ts";
import { useRegisterArende } from "../api/arenden.ts";
import { usePatientCertificates } from "../api/certificates.ts";
import { FormActions } from "../components/FormActions.tsx";
import { FormErrorAlert } from "../components/FormErrorAlert.tsx";
import { fieldErrors } from "../components/fieldErrors.ts";
import { useToday } from "../app/useToday.ts";
import { dateLabel } from "../format.ts";
import { draftErrors, emptyDraft, toNewArende, type ArendeDraft, type DraftField } from "./registerDraft.ts";

const texts = {
  title: "Registrera ärende",
  type: "Typ av ärende",
  receivedDate: "Mottaget",
  certificate: "Intyg som ärendet gäller",
  noCertificate: "Inget särskilt intyg",
  chooseCertificate: "Välj intyg",
  questionFields: "Frågor i intyget som ärendet gäller",
  questionHint: "Frågeområdena i FK 7804 som Försäkringskassan vill ha kompletterade.",
  text: "Försäkringskassans text",
  lastAnswerDate: "Sista svarsdatum",
  dateHint: "ÅÅÅÅ-MM-DD",
  lastAnswerHint: "ÅÅÅÅ-MM-DD. Lämna tomt om inget datum är angivet.",
  save: "Registrera",
  errorTitle: "Ärendet kunde inte registreras",
  certificateOption: (from: string | null, to: string | null, diagnosis: string | null, status: string) =>
    `${dateLabel(from)} – ${dateLabel(to)}, ${diagnosis ?? "ingen diagnos"} (${status.toLowerCase()})`,
};

const fields: DraftField[] = [
  "type",
  "receivedDate",
  "certificateId",
  "questionFields",
  "text",
  "lastAnswerDate",
];

export function RegisterArendeForm({ patientId, onDone }: { patientId: string; onDone: () => void }) {
  const register = useRegisterArende(patientId);
  const certificates = usePatientCertificates(patientId);
  const today = useToday();
  const [draft, setDraft] = useState<ArendeDraft>(() => emptyDraft(today));
  const [shownErrors, setShownErrors] = useState<Partial<Record<DraftField, string>>>({});
  const serverErrors = fieldErrors(register.error, fields);
  const errors = { ...serverErrors, ...shownErrors };

  const signed = (certificates.data ?? []).filter((c) => c.status === "SIGNERAT" || c.status === "SKICKAT");
  const set = <K extends DraftField>(field: K, value: ArendeDraft[K]) =>
    setDraft((current) => ({ ...current, [field]: value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = draftErrors(draft, today);
    setShownErrors(found);
    if (Object.keys(found).length > 0) return;
    register.mutate(toNewArende(draft), { onSuccess: onDone });
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="registrera-arende">
      <Title order={3} id="registrera-arende" fz="h4" mb="sm">
        {texts.title}
      </Title>
      <FormErrorAlert
        error={Object.keys(shownErrors).length > 0 ? null : register.error}
        fieldErrors={errors}
        title={texts.errorTitle}
        attempt={shownErrors}
      />
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md" maw={720}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={texts.type}
              required
              value={draft.type}
              onChange={(e) => set("type", e.currentTarget.value as ArendeDraft["type"])}
              data={Object.entries(arendeTypes).map(([value, label]) => ({ value, label }))}
              error={errors.type}
            />
            <TextInput
              label={texts.receivedDate}
              required
              description={texts.dateHint}
              placeholder="ÅÅÅÅ-MM-DD"
              value={draft.receivedDate}
              onChange={(e) => set("receivedDate", e.currentTarget.value)}
              error={errors.receivedDate}
            />
          </SimpleGrid>
          <NativeSelect
            label={texts.certificate}
            required={draft.type === "KOMPLT"}
            value={draft.certificateId}
            onChange={(e) => set("certificateId", e.currentTarget.value)}
            data={[
              { value: "", label: draft.type === "KOMPLT" ? texts.chooseCertificate : texts.noCertificate },
              ...signed.map((c) => ({
                value: c.id,
                label: texts.certificateOption(c.startDate, c.endDate, c.mainDiagnosis, c.statusLabel),
              })),
            ]}
            error={errors.certificateId}
          />
          <Checkbox.Group
            label={texts.questionFields}
            description={texts.questionHint}
            required={draft.type === "KOMPLT"}
            value={draft.questionFields}
            onChange={(value) => set("questionFields", value)}
            error={errors.questionFields}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
              {Object.entries(questionAreas).map(([id, label]) => (
                <Checkbox key={id} value={id} label={`${label} (fråga ${id})`} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Textarea
            label={texts.text}
            autosize
            minRows={3}
            value={draft.text}
            onChange={(e) => set("text", e.currentTarget.value)}
            error={errors.text}
          />
          <TextInput
            label={texts.lastAnswerDate}
            description={texts.lastAnswerHint}
            placeholder="ÅÅÅÅ-MM-DD"
            maw={320}
            value={draft.lastAnswerDate}
            onChange={(e) => set("lastAnswerDate", e.currentTarget.value)}
            error={errors.lastAnswerDate}
          />
          <FormActions submit={texts.save} pending={register.isPending} onCancel={onDone} />
        </Stack>
      </form>
    </Paper>
  );
}
