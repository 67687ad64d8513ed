/** A deviation's actions: what, who owns it, by when, done; the chief adds and completes them. */
import { Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useAddAction, useCompleteAction, useDeviations, type DeviationDetail } from "../api/deviations.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { FormErrorAlert } from "../components/FormErrorAlert.tsx";
import { fieldErrors } from "../components/fieldErrors.ts";

const texts = {
  heading: "Åtgärder",
  none: "Inga åtgärder ännu.",
  caption: "Avvikelsens åtgärder med ansvarig och datum",
  what: "Åtgärd",
  owner: "Ansvarig",
  due: "Klar senast",
  done: "Genomförd",
  markDone: (what: string) => `Markera «${what}» som genomförd`,
  doneButton: "Genomförd",
  add: "Lägg till åtgärd",
  chooseOwner: "Välj ansvarig",
  dateHint: "ÅÅÅÅ-MM-DD",
  errorTitle: "Åtgärden kunde inte sparas",
};

const fields = ["description", "ownerId", "dueDate"] as const;

export function ActionsSection({
  deviation,
  onSaved,
}: {
  deviation: DeviationDetail;
  onSaved: (text: string) => void;
}) {
  const add = useAddAction(deviation.id);
  const complete = useCompleteAction(deviation.id);
  const owners = useDeviations().data?.owners ?? [];
  const [draft, setDraft] = useState({ description: "", ownerId: "", dueDate: "" });
  const errors = fieldErrors(add.error, fields);
  const editable = deviation.canManage && deviation.status !== "AVSLUTAD";

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { version: deviation.version, ...draft },
      {
        onSuccess: () => {
          setDraft({ description: "", ownerId: "", dueDate: "" });
          onSaved("Åtgärden är tillagd.");
        },
      },
    );
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby="avvikelse-atgarder">
      <Title order={2} id="avvikelse-atgarder">
        {texts.heading}
      </Title>
      {complete.isError && <ErrorAlert error={complete.error} />}
      {deviation.actions.length === 0 ? (
        <Text>{texts.none}</Text>
      ) : (
        <Table striped>
          <Table.Caption>{texts.caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{texts.what}</Table.Th>
              <Table.Th>{texts.owner}</Table.Th>
              <Table.Th>{texts.due}</Table.Th>
              <Table.Th>{texts.done}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deviation.actions.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{a.description}</Table.Td>
                <Table.Td>{a.owner.name}</Table.Td>
                <Table.Td>{a.dueDate}</Table.Td>
                <Table.Td>
                  {a.doneOn ??
                    (editable ? (
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={texts.markDone(a.description)}
                        loading={complete.isPending && complete.variables?.actionId === a.id}
                        onClick={() =>
                          complete.mutate(
                            { actionId: a.id, version: deviation.version },
                            { onSuccess: () => onSaved("Åtgärden är genomförd.") },
                          )
                        }
                      >
                        {texts.doneButton}
                      </Button>
                    ) : (
                      "–"
                    ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editable && (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            <FormErrorAlert error={add.error} fieldErrors={errors} title={texts.errorTitle} />
            <Group grow align="flex-start">
              <TextInput
                label={texts.what}
                required
                value={draft.description}
                error={errors.description}
                onChange={(e) => setDraft({ ...draft, description: e.currentTarget.value })}
              />
              <NativeSelect
                label={texts.owner}
                required
                value={draft.ownerId}
                error={errors.ownerId}
                data={[
                  { value: "", label: texts.chooseOwner },
                  ...owners.map((o) => ({ value: o.id, label: o.name })),
                ]}
                onChange={(e) => setDraft({ ...draft, ownerId: e.currentTarget.value })}
              />
              <TextInput
                label={texts.due}
                description={texts.dateHint}
                required
                value={draft.dueDate}
                error={errors.dueDate}
                onChange={(e) => setDraft({ ...draft, dueDate: e.currentTarget.value.trim() })}
              />
            </Group>
            <Group>
              <Button type="submit" variant="light" loading={add.isPending}>
                {texts.add}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
