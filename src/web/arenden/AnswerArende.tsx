/**
 * Answering an open ärende (arende.answer): a komplettering with a completing certificate (opens
 * the new draft) or "kan ej komplettera" with a reason; other ärenden with a written answer or as
 * handled. Only the answers the API allows for the type are offered.
 */
import { Anchor, Button, Group, Stack, Textarea } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import type { AnswerKind } from "../../arenden/rules.ts";
import { useAnswerArende, type Arende } from "../api/arenden.ts";
import { FormErrorAlert } from "../components/FormErrorAlert.tsx";
import { fieldErrors } from "../components/fieldErrors.ts";

const texts = {
  complete: "Komplettera med nytt intyg",
  continueDraft: "Fortsätt med det kompletterande intyget",
  cannot: "Kan ej komplettera",
  reply: "Besvara",
  handled: "Markera som hanterat",
  reason: "Anledning till att intyget inte kan kompletteras",
  replyText: "Svar till Försäkringskassan",
  send: "Skicka svaret",
  cancel: "Avbryt",
  errorTitle: "Svaret kunde inte sparas",
  needReason: "Ange varför intyget inte kan kompletteras.",
  needReply: "Skriv svaret.",
  tooLong: "Texten får vara högst 4000 tecken.",
};

type TextAnswer = Extract<AnswerKind, "KAN_EJ_KOMPLETTERA" | "SVAR">;

export function AnswerArende({ arende, patientId }: { arende: Arende; patientId: string }) {
  const answer = useAnswerArende(patientId);
  const navigate = useNavigate();
  const [writing, setWriting] = useState<TextAnswer | null>(null);
  const [text, setText] = useState("");
  const [textError, setTextError] = useState<string | null>(null);
  const serverText = fieldErrors(answer.error, ["text"]).text;

  const send = (kind: AnswerKind, body = "") =>
    answer.mutate(
      { id: arende.id, answer: { version: arende.version, kind, text: body } },
      {
        onSuccess: (result) => {
          if (kind === "KOMPLETTERING" && result.draftId) void navigate(`/intyg/${result.draftId}`);
        },
      },
    );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!writing) return;
    const trimmed = text.trim();
    const problem = !trimmed
      ? writing === "SVAR"
        ? texts.needReply
        : texts.needReason
      : trimmed.length > 4000
        ? texts.tooLong
        : null;
    setTextError(problem);
    if (!problem) send(writing, trimmed);
  };

  const isKomplettering = arende.type === "KOMPLT";
  return (
    <Stack gap="sm" mt="sm">
      <FormErrorAlert
        error={textError ? null : answer.error}
        fieldErrors={{ text: textError ?? serverText }}
        title={texts.errorTitle}
        attempt={textError}
      />
      {!writing && (
        <Group>
          {isKomplettering && arende.answerCertificateId && (
            <Anchor component={Link} to={`/intyg/${arende.answerCertificateId}`}>
              {texts.continueDraft}
            </Anchor>
          )}
          {isKomplettering && !arende.answerCertificateId && (
            <Button loading={answer.isPending} onClick={() => send("KOMPLETTERING")}>
              {texts.complete}
            </Button>
          )}
          {isKomplettering && (
            <Button variant="outline" onClick={() => setWriting("KAN_EJ_KOMPLETTERA")}>
              {texts.cannot}
            </Button>
          )}
          {!isKomplettering && <Button onClick={() => setWriting("SVAR")}>{texts.reply}</Button>}
          {!isKomplettering && (
            <Button variant="outline" loading={answer.isPending} onClick={() => send("HANTERAT")}>
              {texts.handled}
            </Button>
          )}
        </Group>
      )}
      {writing && (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm" maw={640}>
            <Textarea
              label={writing === "SVAR" ? texts.replyText : texts.reason}
              required
              autosize
              minRows={3}
              data-autofocus
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={textError ?? serverText}
            />
            <Group>
              <Button type="submit" loading={answer.isPending}>
                {texts.send}
              </Button>
              <Button
                variant="subtle"
                onClick={() => {
                  setWriting(null);
                  setText("");
                  setTextError(null);
                  answer.reset();
                }}
              >
                {texts.cancel}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
