/**
 * The minutes of one agenda item. Every save is a version; once the meeting is closed the minutes
 * are locked and a save is a correction with its reason, a new dated version. History is shown.
 */
import { Button, Group, List, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useSaveMinutes } from "../api/team.ts";
import type { AgendaItem, TeamMeeting } from "../../team/schema.ts";
import { isApiError } from "../api/client.ts";
import { ConflictComparison } from "../components/ConflictComparison.tsx";
import { fieldErrors } from "../components/fieldErrors.ts";
import { FormErrorAlert } from "../components/FormErrorAlert.tsx";
import { dateTimeLabel } from "../format.ts";

const texts = {
  label: (patient: string) => `Anteckning om ${patient}`,
  none: "Ingen anteckning.",
  save: "Spara anteckningen",
  correct: "Spara rättelsen",
  reason: "Skäl till rättelsen",
  saved: "Anteckningen är sparad.",
  failed: "Anteckningen kunde inte sparas",
  history: "Tidigare versioner",
  version: (v: { version: number; writtenAt: string; writtenBy: string }) =>
    `Version ${v.version}, ${dateTimeLabel(v.writtenAt)}, ${v.writtenBy}`,
  correction: (reason: string) => `Rättelse efter mötet: ${reason}`,
  current: "Anteckning",
  conflictTitle: "Någon annan har sparat anteckningen",
  conflictBody: "Anteckningen sparades av någon annan medan du skrev. Välj vilken version som ska gälla.",
  field: "Fält",
  same: "Texterna är likadana.",
};

export function Minutes(props: { meeting: TeamMeeting; item: AgendaItem; editable: boolean; label: string }) {
  const { meeting, item, editable, label } = props;
  const current = item.minutes.at(-1) ?? null;
  const closed = meeting.status === "AVSLUTAT";
  const save = useSaveMinutes(item.id);
  const [text, setText] = useState(current?.text ?? "");
  const [reason, setReason] = useState("");
  const errors = fieldErrors(save.error, ["text", "correctionReason"] as const);
  const send = (baseVersion: number) =>
    save.mutate(
      { baseVersion, text, correctionReason: closed ? reason : "" },
      { onSuccess: () => setReason("") },
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(current?.version ?? 0);
  };
  // On 409 the server sends every version as it is now; the last is the one saved.
  const saved = isApiError(save.error, 409)
    ? ((save.error.current as AgendaItem["minutes"] | undefined)?.at(-1) ?? null)
    : null;
  const older = item.minutes.slice(0, -1).reverse();
  return (
    <Stack gap="xs">
      {editable ? (
        <form onSubmit={submit} noValidate>
          {saved ? (
            <ConflictComparison
              title={texts.conflictTitle}
              body={texts.conflictBody}
              fieldHeader={texts.field}
              rows={
                saved.text === text
                  ? []
                  : [{ field: "text", label: texts.current, saved: saved.text, mine: text }]
              }
              noDifferences={texts.same}
              onKeepMine={() => send(saved.version)}
              onUseSaved={() => {
                setText(saved.text);
                save.reset();
              }}
              busy={save.isPending}
            />
          ) : (
            <FormErrorAlert error={save.error} fieldErrors={errors} title={texts.failed} />
          )}
          <Stack gap="xs">
            <Textarea
              label={texts.label(label)}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              autosize
              minRows={3}
              error={errors.text}
            />
            {closed && (
              <TextInput
                label={texts.reason}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={errors.correctionReason}
              />
            )}
            <Group>
              <Button type="submit" size="sm" variant="outline" loading={save.isPending}>
                {closed ? texts.correct : texts.save}
              </Button>
              {save.isSuccess && (
                <Text role="status" fw={500} fz="sm">
                  {texts.saved}
                </Text>
              )}
            </Group>
          </Stack>
        </form>
      ) : (
        <Text style={{ whiteSpace: "pre-line" }}>
          <strong>{texts.current}:</strong> {current?.text || texts.none}
        </Text>
      )}
      {current && (
        <Text fz="xs" c="dimmed">
          {texts.version(current)}
          {current.correctionReason ? ` – ${texts.correction(current.correctionReason)}` : ""}
        </Text>
      )}
      {older.length > 0 && (
        <details>
          <summary>{texts.history}</summary>
          <List fz="sm" spacing={4}>
            {older.map((v) => (
              <List.Item key={v.version}>
                {texts.version(v)}
                {v.correctionReason ? ` – ${texts.correction(v.correctionReason)}` : ""}:{" "}
                <span style={{ whiteSpace: "pre-line" }}>{v.text}</span>
              </List.Item>
            ))}
          </List>
        </details>
      )}
    </Stack>
  );
}
