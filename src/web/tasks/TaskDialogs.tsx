/** The dialogs that end a task: "Inte aktuell" (a reason is required) and "Skjut upp" (a later date). */
import { Button, Group, Modal, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { useState } from "react";
import type { Task } from "../api/tasks.ts";
import { FormErrorAlert } from "../components/FormErrorAlert.tsx";
import { fieldErrors } from "../components/fieldErrors.ts";

const texts = {
  notRelevantTitle: "Inte aktuell",
  notRelevantBody: (t: Task) => `${t.kindLabel} – ${t.patientName}`,
  reason: "Varför är uppgiften inte aktuell?",
  reasonMissing: "Ange varför uppgiften inte är aktuell.",
  confirmNotRelevant: "Markera som inte aktuell",
  postponeTitle: "Skjut upp uppgiften",
  date: "Nytt datum",
  dateHint: "Ett datum efter i dag (ÅÅÅÅ-MM-DD).",
  dateMissing: "Ange datumet som ÅÅÅÅ-MM-DD.",
  dateNotLater: "Skjut upp till ett datum efter i dag.",
  note: "Anteckning (valfri)",
  confirmPostpone: "Skjut upp",
  cancel: "Avbryt",
  failed: "Uppgiften kunde inte ändras",
};

interface DialogProps {
  task: Task | null;
  today: string;
  pending: boolean;
  error: unknown;
  onClose: () => void;
}

export function NotRelevantDialog({
  task,
  pending,
  error,
  onClose,
  onConfirm,
  title = texts.notRelevantTitle,
  initialReason = "",
}: DialogProps & { onConfirm: (reason: string) => void; title?: string; initialReason?: string }) {
  const [reason, setReason] = useState(initialReason);
  const [missing, setMissing] = useState(false);
  const serverErrors = fieldErrors(error, ["reason"]);
  const close = () => {
    setReason(initialReason);
    setMissing(false);
    onClose();
  };
  return (
    <Modal opened={task !== null} onClose={close} title={title} size="lg">
      {task && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim() === "") return setMissing(true);
            onConfirm(reason.trim());
          }}
        >
          <Stack gap="md">
            <Text>{texts.notRelevantBody(task)}</Text>
            <Textarea
              label={texts.reason}
              withAsterisk
              autosize
              minRows={3}
              maxLength={2000}
              value={reason}
              data-autofocus
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setMissing(false);
              }}
              error={missing ? texts.reasonMissing : serverErrors.reason}
            />
            <FormErrorAlert
              error={missing ? null : error}
              fieldErrors={{ reason: missing ? texts.reasonMissing : serverErrors.reason }}
              title={texts.failed}
              attempt={missing}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {texts.cancel}
              </Button>
              <Button type="submit" loading={pending}>
                {texts.confirmNotRelevant}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

export function PostponeDialog({
  task,
  today,
  pending,
  error,
  onClose,
  onConfirm,
}: DialogProps & { onConfirm: (date: string, note: string) => void }) {
  const [date, setDate] = useState("");
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const serverErrors = fieldErrors(error, ["date", "note"]);
  const close = () => {
    setDate("");
    setNote("");
    setProblem(null);
    onClose();
  };
  return (
    <Modal opened={task !== null} onClose={close} title={texts.postponeTitle} size="lg">
      {task && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return setProblem(texts.dateMissing);
            if (date <= today) return setProblem(texts.dateNotLater);
            onConfirm(date, note.trim());
          }}
        >
          <Stack gap="md">
            <Text>{texts.notRelevantBody(task)}</Text>
            <TextInput
              type="date"
              label={texts.date}
              description={texts.dateHint}
              withAsterisk
              data-autofocus
              value={date}
              onChange={(e) => {
                setDate(e.currentTarget.value);
                setProblem(null);
              }}
              error={problem ?? serverErrors.date}
            />
            <Textarea
              label={texts.note}
              autosize
              minRows={2}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={serverErrors.note}
            />
            <FormErrorAlert
              error={problem ? null : error}
              fieldErrors={{ date: problem ?? serverErrors.date, note: serverErrors.note }}
              title={texts.failed}
              attempt={problem}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {texts.cancel}
              </Button>
              <Button type="submit" loading={pending}>
                {texts.confirmPostpone}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
