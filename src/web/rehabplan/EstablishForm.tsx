/**
 * "Fastställ med patienten": when and how the plan was agreed with the patient. The server refuses
 * (naming what is missing) while an action lacks a responsible person or a follow-up date, or the
 * plan lacks a planned end.
 */
import { Radio, Stack, Text } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { anchoringMethods, type AnchoringMethod } from "../../rehabplan/rules.ts";
import { isApiError } from "../api/client.ts";
import { useEstablishPlan, type RehabPlan } from "../api/rehabplan.ts";
import { FormActions } from "../components/FormActions.tsx";
import { FormErrorAlert } from "../components/FormErrorAlert.tsx";
import { DateField } from "../coordination/parts.tsx";

const texts = {
  intro: "Gå igenom planen med patienten. Ange när och hur ni kom överens.",
  date: "Datum då planen förankrades med patienten",
  method: "Hur planen förankrades",
  submit: "Fastställ planen",
  failed: "Planen kunde inte fastställas",
};

export function EstablishForm(props: {
  patientId: string;
  plan: RehabPlan;
  today: string;
  onDone: (saved: boolean) => void;
}) {
  const [date, setDate] = useState(props.today);
  const [method, setMethod] = useState<AnchoringMethod>("BESOK");
  const establish = useEstablishPlan(props.patientId);
  const error = establish.error;
  const dateError = isApiError(error) ? error.issueFor("anchoredDate") : undefined;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    establish.mutate(
      { id: props.plan.id, version: props.plan.version, anchoredDate: date, anchoredMethod: method },
      { onSuccess: () => props.onDone(true) },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <FormErrorAlert error={error} fieldErrors={{ anchoredDate: dateError }} title={texts.failed} />
        <Text>{texts.intro}</Text>
        <DateField label={texts.date} value={date} onChange={setDate} error={dateError} required />
        <Radio.Group label={texts.method} value={method} onChange={(v) => setMethod(v as AnchoringMethod)}>
          <Stack gap="xs" mt="xs">
            {Object.entries(anchoringMethods).map(([value, label]) => (
              <Radio key={value} value={value} label={label} />
            ))}
          </Stack>
        </Radio.Group>
        <FormActions
          submit={texts.submit}
          pending={establish.isPending}
          onCancel={() => props.onDone(false)}
        />
      </Stack>
    </form>
  );
}
