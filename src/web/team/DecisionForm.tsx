/** A decision about the patient: what, a task or a rehab-plan action, who is responsible and by when. */
import { Button, Group, NativeSelect, Radio, Stack, TextInput, Textarea } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { parties, type Party } from "../../rehabplan/rules.ts";
import { decisionOutcomes, type DecisionOutcome } from "../../team/rules.ts";
import { useAddDecision } from "../api/team.ts";
import type { AgendaItem, TeamMeeting } from "../../team/schema.ts";
import { fieldErrors } from "../components/fieldErrors.ts";
import { FormErrorAlert } from "../components/FormErrorAlert.tsx";

const texts = {
  text: (patient: string) => `Nytt beslut om ${patient}`,
  outcome: "Beslutet blir",
  planMissing: "Åtgärd i rehabplanen (rehabplanen finns inte ännu)",
  responsible: "Ansvarig",
  choose: "Välj ansvarig",
  dueDate: "Datum (ÅÅÅÅ-MM-DD)",
  add: "Spara beslutet",
  failed: "Beslutet kunde inte sparas",
  party: "Vem åtgärden gäller",
};

export function DecisionForm({
  meeting,
  item,
  label,
}: {
  meeting: TeamMeeting;
  item: AgendaItem;
  label: string;
}) {
  const [text, setText] = useState("");
  const [outcome, setOutcome] = useState<DecisionOutcome>("UPPGIFT");
  const [responsible, setResponsible] = useState("");
  const add = useAddDecision(item.id, () => {
    setText("");
    setResponsible("");
  });
  const [party, setParty] = useState<Party>("VARDEN");
  const [dueDate, setDueDate] = useState(meeting.date);
  const errors = fieldErrors(add.error, [
    "text",
    "outcome",
    "party",
    "responsibleUserId",
    "dueDate",
  ] as const);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ text, outcome, party, responsibleUserId: responsible, dueDate });
  };
  return (
    <form onSubmit={submit} noValidate>
      <FormErrorAlert error={add.error} fieldErrors={errors} title={texts.failed} />
      <Stack gap="xs">
        <Textarea
          label={texts.text(label)}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={2}
          error={errors.text}
        />
        <Radio.Group
          label={texts.outcome}
          value={outcome}
          onChange={(v) => setOutcome(v as DecisionOutcome)}
          error={errors.outcome}
        >
          <Group mt={4}>
            <Radio value="UPPGIFT" label={decisionOutcomes.UPPGIFT} />
            <Radio
              value="PLANATGARD"
              label={meeting.planActions ? decisionOutcomes.PLANATGARD : texts.planMissing}
              disabled={!meeting.planActions}
            />
          </Group>
        </Radio.Group>
        <Group align="flex-start">
          {outcome === "PLANATGARD" && (
            <NativeSelect
              label={texts.party}
              data={Object.entries(parties).map(([value, label]) => ({ value, label }))}
              value={party}
              onChange={(e) => setParty(e.currentTarget.value as Party)}
              error={errors.party}
            />
          )}
          <NativeSelect
            label={texts.responsible}
            data={[
              { value: "", label: texts.choose },
              ...meeting.staff.map((s) => ({ value: s.id, label: s.name })),
            ]}
            value={responsible}
            onChange={(e) => setResponsible(e.currentTarget.value)}
            error={errors.responsibleUserId}
          />
          <TextInput
            label={texts.dueDate}
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
            error={errors.dueDate}
            maw={200}
            autoComplete="off"
          />
        </Group>
        <Group>
          <Button type="submit" size="sm" loading={add.isPending}>
            {texts.add}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
