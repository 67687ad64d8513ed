/**
 * The chief's investigation of a deviation: the written investigation, "överväg lex Maria", and the
 * step to the next status (each a save of the version seen; a stale save shows what is saved now).
 */
import { Button, Checkbox, Group, Stack, Textarea, TextInput } from "@mantine/core";
import { useEffect, useState } from "react";
import { deviationStatuses, type DeviationStatus } from "../../deviations/rules.ts";
import { isApiError } from "../api/client.ts";
import { useUpdateDeviation, type DeviationDetail } from "../api/deviations.ts";
import { FormErrorAlert } from "../components/FormErrorAlert.tsx";
import { fieldErrors } from "../components/fieldErrors.ts";

const texts = {
  investigation: "Utredning",
  investigationHint: "Orsaker, bidragande faktorer och lärdomar.",
  lexMaria: "Överväg anmälan enligt lex Maria",
  note: "Anteckning till statusbytet (valfri)",
  save: "Spara utredningen",
  moveTo: (status: DeviationStatus) => `Ändra status till ${deviationStatuses[status].toLowerCase()}`,
  errorTitle: "Avvikelsen kunde inte sparas",
  conflictTitle: "Någon annan har ändrat avvikelsen – formuläret visar nu det som är sparat",
};

const fields = ["investigation", "status", "lexMaria", "note"] as const;

export function InvestigationForm({
  deviation,
  onSaved,
}: {
  deviation: DeviationDetail;
  onSaved: (text: string) => void;
}) {
  const update = useUpdateDeviation(deviation.id);
  const [investigation, setInvestigation] = useState(deviation.investigation);
  const [lexMaria, setLexMaria] = useState(deviation.lexMaria);
  const [note, setNote] = useState("");
  const errors = fieldErrors(update.error, fields);

  useEffect(() => {
    if (isApiError(update.error, 409)) {
      const current = update.error.current as DeviationDetail;
      setInvestigation(current.investigation);
      setLexMaria(current.lexMaria);
    }
  }, [update.error]);

  const save = (status?: DeviationStatus) =>
    update.mutate(
      {
        version: deviation.version,
        investigation,
        lexMaria,
        ...(status ? { status, note: note.trim() || undefined } : {}),
      },
      {
        onSuccess: (saved) => {
          setNote("");
          onSaved(status ? `Avvikelsen är nu ${saved.statusLabel.toLowerCase()}.` : "Utredningen är sparad.");
        },
      },
    );

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Stack gap="sm">
        <FormErrorAlert
          error={update.error}
          fieldErrors={errors}
          title={isApiError(update.error, 409) ? texts.conflictTitle : texts.errorTitle}
        />
        <Textarea
          label={texts.investigation}
          description={texts.investigationHint}
          autosize
          minRows={3}
          value={investigation}
          error={errors.investigation}
          onChange={(e) => setInvestigation(e.currentTarget.value)}
        />
        <Checkbox
          label={texts.lexMaria}
          checked={lexMaria}
          onChange={(e) => setLexMaria(e.currentTarget.checked)}
        />
        {deviation.next.length > 0 && (
          <TextInput
            label={texts.note}
            value={note}
            error={errors.note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
        )}
        <Group>
          <Button type="submit" variant="light" loading={update.isPending && !update.variables?.status}>
            {texts.save}
          </Button>
          {deviation.next.map((status) => (
            <Button
              key={status}
              loading={update.isPending && update.variables?.status === status}
              onClick={() => save(status)}
            >
              {texts.moveTo(status)}
            </Button>
          ))}
        </Group>
      </Stack>
    </form>
  );
}
