/**
 * Writing the plan: goal, purpose, planned end, the patient's own words and the actions. Every
 * save is a new version; when someone saved in between (409) the differences are shown beside
 * the user's draft, which stays until they choose.
 */
import { Button, Group, Stack, Textarea } from "@mantine/core";
import { useRef, useState, type FormEvent } from "react";
import { isApiError } from "../api/client.ts";
import { useSavePlan, type RehabPlan, type RehabPlans } from "../api/rehabplan.ts";
import { ConflictComparison } from "../components/ConflictComparison.tsx";
import { FormActions } from "../components/FormActions.tsx";
import { FormErrorAlert } from "../components/FormErrorAlert.tsx";
import { DateField } from "../coordination/parts.tsx";
import { ActionFields } from "./ActionFields.tsx";
import { conflictRows, contentOf, draftOf, newAction, type PlanDraft } from "./planDraft.ts";

const texts = {
  goal: "Mål med planen",
  purpose: "Syfte med sjukskrivningen",
  plannedEnd: "Planerat slut på sjukskrivningen",
  patientWords: "Patientens egna ord",
  patientWordsHint: "Hur patienten själv beskriver sitt mål och vad som behövs",
  addAction: "Lägg till åtgärd",
  save: "Spara ny version",
  failed: "Planen kunde inte sparas",
  conflictTitle: "Någon annan har sparat planen medan du skrev",
  conflictBody: "Jämför den sparade versionen med din. Din text finns kvar tills du väljer.",
  field: "Uppgift",
  noDifferences: "Den sparade versionen är likadan som din.",
};

export function PlanEditor(props: {
  patientId: string;
  plan: RehabPlan;
  staff: RehabPlans["staff"];
  onDone: (saved: boolean) => void;
}) {
  const { patientId, staff } = props;
  const [base, setBase] = useState(props.plan);
  const [draft, setDraft] = useState<PlanDraft>(() => draftOf(props.plan));
  const save = useSavePlan(patientId);
  const conflictRef = useRef<HTMLDivElement>(null);
  const conflict =
    isApiError(save.error, 409) && save.error.current ? (save.error.current as RehabPlan) : null;
  const error = conflict ? null : save.error;
  const fieldError = (field: string) => (isApiError(error) ? error.issueFor(field) : undefined);
  const staffName = (id: string) => staff.find((s) => s.id === id)?.name ?? id;
  const set = <K extends keyof PlanDraft>(key: K, value: PlanDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const submit = (version: number) =>
    save.mutate(
      { id: base.id, version, content: contentOf(draft) },
      {
        onSuccess: () => props.onDone(true),
        onError: (e) => {
          if (isApiError(e, 409)) setTimeout(() => conflictRef.current?.focus(), 0);
        },
      },
    );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(base.version);
  };
  const fields = ["goal", "purpose", "plannedEnd", "patientWords"];
  const errors = Object.fromEntries(fields.map((f) => [f, fieldError(f)]));

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <FormErrorAlert error={error} fieldErrors={errors} title={texts.failed} />
        {conflict && (
          <ConflictComparison
            ref={conflictRef}
            title={texts.conflictTitle}
            body={texts.conflictBody}
            fieldHeader={texts.field}
            rows={conflictRows(conflict, draft, staffName)}
            noDifferences={texts.noDifferences}
            mayKeepMine={conflict.status !== "AVSLUTAD"}
            busy={save.isPending}
            onKeepMine={() => {
              setBase(conflict);
              submit(conflict.version);
            }}
            onUseSaved={() => {
              setBase(conflict);
              setDraft(draftOf(conflict));
              save.reset();
            }}
          />
        )}
        <Textarea
          label={texts.goal}
          autosize
          minRows={2}
          value={draft.goal}
          error={errors.goal}
          onChange={(e) => set("goal", e.currentTarget.value)}
        />
        <Textarea
          label={texts.purpose}
          autosize
          minRows={2}
          value={draft.purpose}
          error={errors.purpose}
          onChange={(e) => set("purpose", e.currentTarget.value)}
        />
        <DateField
          label={texts.plannedEnd}
          value={draft.plannedEnd}
          error={errors.plannedEnd}
          onChange={(v) => set("plannedEnd", v)}
        />
        <Textarea
          label={texts.patientWords}
          description={texts.patientWordsHint}
          autosize
          minRows={2}
          value={draft.patientWords}
          error={errors.patientWords}
          onChange={(e) => set("patientWords", e.currentTarget.value)}
        />
        {draft.actions.map((action, i) => (
          <ActionFields
            key={action.key}
            index={i}
            action={action}
            staff={staff}
            error={fieldError}
            onChange={(a) =>
              set(
                "actions",
                draft.actions.map((x, j) => (j === i ? a : x)),
              )
            }
            onRemove={() =>
              set(
                "actions",
                draft.actions.filter((_, j) => j !== i),
              )
            }
          />
        ))}
        <Group>
          <Button variant="outline" onClick={() => set("actions", [...draft.actions, newAction()])}>
            {texts.addAction}
          </Button>
        </Group>
        <FormActions submit={texts.save} pending={save.isPending} onCancel={() => props.onDone(false)} />
      </Stack>
    </form>
  );
}
