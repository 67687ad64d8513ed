/** The dialog that marks a case: "Återbesök bokat" (optional date, note) or "Förlängning ej aktuell" (reason). */
import { Button, Group, Modal, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { useState } from "react";
import { checkMark, type ReviewMarkKind } from "../../review/rules.ts";
import type { ReviewRow } from "../api/review.ts";
import { FormErrorAlert } from "../components/FormErrorAlert.tsx";
import { fieldErrors } from "../components/fieldErrors.ts";

export type MarkChoice = ReviewMarkKind;

const texts = {
  failed: "Markeringen kunde inte sparas",
  title: { ATERBESOK_BOKAT: "Återbesök bokat", FORLANGNING_EJ_AKTUELL: "Förlängning ej aktuell" },
  body: (r: ReviewRow) => `${r.name}, ${r.personnummer} – intyget slutar ${r.end}.`,
  visitDate: "Datum för återbesöket (valfritt)",
  dateHint: "ÅÅÅÅ-MM-DD, i dag eller senare.",
  dateInvalid: "Ange datumet som ÅÅÅÅ-MM-DD.",
  note: "Anteckning (valfri)",
  reason: "Varför är förlängning inte aktuell?",
  save: "Spara markering",
  cancel: "Avbryt",
};

const fields = ["visitDate", "note"] as const;

export function MarkDialog({
  row,
  choice,
  today,
  pending,
  error,
  onClose,
  onConfirm,
}: {
  row: ReviewRow | null;
  choice: MarkChoice;
  today: string;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: (visitDate: string | null, note: string) => void;
}) {
  const [visitDate, setVisitDate] = useState("");
  const [note, setNote] = useState("");
  const [problems, setProblems] = useState<Partial<Record<(typeof fields)[number], string>>>({});
  const serverErrors = fieldErrors(error, fields);
  const close = () => {
    setVisitDate("");
    setNote("");
    setProblems({});
    onClose();
  };
  const booked = choice === "ATERBESOK_BOKAT";
  return (
    <Modal opened={row !== null} onClose={close} title={texts.title[choice]} size="lg">
      {row && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (visitDate !== "" && !/^\d{4}-\d{2}-\d{2}$/.test(visitDate)) {
              return setProblems({ visitDate: texts.dateInvalid });
            }
            const input = {
              mark: choice,
              visitDate: booked && visitDate ? visitDate : null,
              note: note.trim(),
            };
            const found = checkMark(input, today);
            if (found.length > 0) {
              return setProblems(Object.fromEntries(found.map((p) => [p.path, p.message])));
            }
            onConfirm(input.visitDate, input.note);
          }}
        >
          <Stack gap="md">
            <Text>{texts.body(row)}</Text>
            {booked && (
              <TextInput
                type="date"
                label={texts.visitDate}
                description={texts.dateHint}
                min={today}
                data-autofocus
                value={visitDate}
                onChange={(e) => {
                  setVisitDate(e.currentTarget.value);
                  setProblems({});
                }}
                error={problems.visitDate ?? serverErrors.visitDate}
              />
            )}
            <Textarea
              label={booked ? texts.note : texts.reason}
              withAsterisk={!booked}
              autosize
              minRows={booked ? 2 : 3}
              maxLength={2000}
              value={note}
              data-autofocus={booked ? undefined : true}
              onChange={(e) => {
                setNote(e.currentTarget.value);
                setProblems({});
              }}
              error={problems.note ?? serverErrors.note}
            />
            <FormErrorAlert
              error={Object.keys(problems).length > 0 ? null : error}
              fieldErrors={{ ...serverErrors, ...problems }}
              title={texts.failed}
              attempt={problems}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {texts.cancel}
              </Button>
              <Button type="submit" loading={pending}>
                {texts.save}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
