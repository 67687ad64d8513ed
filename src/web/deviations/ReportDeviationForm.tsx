/** Report a deviation: category, the day it happened and what happened (optionally about a patient). */
import { NativeSelect, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { deviationCategories, deviationCategoryIds, type DeviationCategory } from "../../deviations/rules.ts";
import { useReportDeviation, type DeviationDetail } from "../api/deviations.ts";
import { FormActions } from "../components/FormActions.tsx";
import { FormErrorAlert } from "../components/FormErrorAlert.tsx";
import { fieldErrors } from "../components/fieldErrors.ts";

const texts = {
  category: "Kategori",
  occurredOn: "Datum då det hände",
  dateHint: "ÅÅÅÅ-MM-DD",
  description: "Vad hände?",
  descriptionHint: "Beskriv händelsen sakligt. Skriv inte patientens namn – koppla patienten i stället.",
  aboutPatient: "Avvikelsen gäller patienten du kom ifrån. Den följer patientens behörigheter och loggas.",
  submit: "Rapportera avvikelsen",
  errorTitle: "Avvikelsen kunde inte rapporteras",
};

const fields = ["category", "occurredOn", "description", "patientId"] as const;

export function ReportDeviationForm(props: {
  today: string;
  patientId: string | null;
  onDone: (created: DeviationDetail | null) => void;
}) {
  const report = useReportDeviation();
  const [category, setCategory] = useState<DeviationCategory>("KOMPLETTERING_SEN");
  const [occurredOn, setOccurredOn] = useState(props.today);
  const [description, setDescription] = useState("");
  const errors = fieldErrors(report.error, fields);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    report.mutate(
      { category, occurredOn, description, patientId: props.patientId, certificateId: null },
      { onSuccess: props.onDone },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <FormErrorAlert error={report.error} fieldErrors={errors} title={texts.errorTitle} />
        {props.patientId && <Text fz="sm">{texts.aboutPatient}</Text>}
        <NativeSelect
          label={texts.category}
          required
          value={category}
          error={errors.category}
          data={deviationCategoryIds.map((id) => ({ value: id, label: deviationCategories[id] }))}
          onChange={(e) => setCategory(e.currentTarget.value as DeviationCategory)}
        />
        <TextInput
          label={texts.occurredOn}
          description={texts.dateHint}
          required
          value={occurredOn}
          error={errors.occurredOn}
          onChange={(e) => setOccurredOn(e.currentTarget.value.trim())}
        />
        <Textarea
          label={texts.description}
          description={texts.descriptionHint}
          required
          autosize
          minRows={4}
          value={description}
          error={errors.description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <FormActions submit={texts.submit} pending={report.isPending} onCancel={() => props.onDone(null)} />
      </Stack>
    </form>
  );
}
