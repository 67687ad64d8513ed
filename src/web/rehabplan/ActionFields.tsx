/** One action of the plan in the form: party, what, who is responsible, dates and status. */
import { Button, Fieldset, NativeSelect, SimpleGrid, TextInput, Textarea } from "@mantine/core";
import { actionStatuses, parties, type ActionStatus, type Party } from "../../rehabplan/rules.ts";
import type { RehabPlans } from "../api/rehabplan.ts";
import { DateField } from "../coordination/parts.tsx";
import type { ActionDraft } from "./planDraft.ts";

const texts = {
  legend: (n: number) => `Åtgärd ${n}`,
  party: "Vem gör åtgärden (part)",
  description: "Åtgärd",
  responsibleName: "Ansvarig (namn eller roll)",
  responsibleNameHint: "T.ex. närmaste chef, handläggare på Försäkringskassan eller patienten själv",
  responsibleUser: "Ansvarig på enheten",
  noUser: "Ingen (ansvarig anges ovan)",
  startDate: "Start",
  followUpDate: "Uppföljning",
  status: "Status",
  remove: "Ta bort åtgärden",
};

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export function ActionFields(props: {
  index: number;
  action: ActionDraft;
  staff: RehabPlans["staff"];
  error: (field: string) => string | undefined;
  onChange: (action: ActionDraft) => void;
  onRemove: () => void;
}) {
  const { index, action, staff, error, onChange } = props;
  const set = <K extends keyof ActionDraft>(key: K, value: ActionDraft[K]) =>
    onChange({ ...action, [key]: value });
  const at = (field: string) => error(`actions.${index}.${field}`);
  return (
    <Fieldset legend={texts.legend(index + 1)}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={texts.party}
          data={options(parties)}
          value={action.party}
          onChange={(e) => set("party", e.currentTarget.value as Party)}
          error={at("party")}
        />
        <NativeSelect
          label={texts.status}
          data={options(actionStatuses)}
          value={action.status}
          onChange={(e) => set("status", e.currentTarget.value as ActionStatus)}
        />
      </SimpleGrid>
      <Textarea
        mt="sm"
        label={texts.description}
        required
        autosize
        minRows={2}
        value={action.description}
        onChange={(e) => set("description", e.currentTarget.value)}
        error={at("description")}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
        <TextInput
          label={texts.responsibleName}
          description={texts.responsibleNameHint}
          value={action.responsibleName}
          onChange={(e) => set("responsibleName", e.currentTarget.value)}
          error={at("responsibleName")}
        />
        <NativeSelect
          label={texts.responsibleUser}
          data={[
            { value: "", label: texts.noUser },
            ...staff.map((s) => ({ value: s.id, label: s.title ? `${s.name} (${s.title})` : s.name })),
          ]}
          value={action.responsibleUserId}
          onChange={(e) => set("responsibleUserId", e.currentTarget.value)}
          error={at("responsibleUserId")}
        />
        <DateField
          label={texts.startDate}
          value={action.startDate}
          onChange={(v) => set("startDate", v)}
          error={at("startDate")}
        />
        <DateField
          label={texts.followUpDate}
          value={action.followUpDate}
          onChange={(v) => set("followUpDate", v)}
          error={at("followUpDate")}
        />
      </SimpleGrid>
      <Button variant="subtle" size="sm" mt="sm" onClick={props.onRemove}>
        {texts.remove}
      </Button>
    </Fieldset>
  );
}
