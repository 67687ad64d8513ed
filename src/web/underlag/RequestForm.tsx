/**
 * Asking another profession for an underlag about function and activity: which profession, the
 * question, the date the answer is wanted by and, from telephone triage, the need for sick leave.
 * The browser checks with the server's rule; the server's refusal is shown at its field.
 */
import { NativeSelect, Paper, Stack, Textarea, Title } from "@mantine/core";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { addDays } from "../../cases/days.ts";
import {
  origins,
  originsFor,
  professionIds,
  professions,
  requestIssues,
  type Origin,
  type Profession,
} from "../../underlag/rules.ts";
import { useCreateUnderlag } from "../api/underlag.ts";
import { useSession } from "../app/session.tsx";
import { useToday } from "../app/useToday.ts";
import { FormActions } from "../components/FormActions.tsx";
import { FormErrorAlert } from "../components/FormErrorAlert.tsx";
import { fieldErrors } from "../components/fieldErrors.ts";
import { issuesByField, isValidDate } from "../coordination/checks.ts";
import { DateField } from "../coordination/parts.tsx";

const texts = {
  title: "Begär underlag från annan profession",
  profession: "Profession",
  origin: "Begärs av",
  question: "Fråga om funktion och aktivitet",
  questionHint:
    "Vad vill du veta? Till exempel förmåga att lyfta, sitta, koncentrera sig eller klara sociala kontakter.",
  wantedBy: "Önskas senast",
  sickLeaveNeed: "Behov av sjukskrivning",
  sickLeaveHint: "Det patienten berättade i telefon om sina besvär och sin arbetsförmåga.",
  submit: "Skicka begäran",
  failed: "Begäran kunde inte skickas",
  badDate: "Ange datumet som ÅÅÅÅ-MM-DD.",
  noQuestion: "Fyll i frågan.",
};

type Field = "profession" | "origin" | "question" | "wantedBy" | "sickLeaveNeed";
const fields: readonly Field[] = ["profession", "origin", "question", "wantedBy", "sickLeaveNeed"];

export function RequestForm(props: { patientId: string; onDone: (saved: boolean) => void }) {
  const me = useSession();
  const today = useToday();
  const allowed = originsFor(me.roles);
  const [profession, setProfession] = useState<Profession>("FYSIOTERAPEUT");
  const [origin, setOrigin] = useState<Origin>(allowed[0] ?? "LAKARE");
  const [question, setQuestion] = useState("");
  const [wantedBy, setWantedBy] = useState(addDays(today, 7));
  const [sickLeaveNeed, setSickLeaveNeed] = useState("");
  const [attempt, setAttempt] = useState<Partial<Record<Field, string>>>({});
  const create = useCreateUnderlag(props.patientId);
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), []);

  const triage = origin === "TELEFONTRIAGE";
  const check = (): Partial<Record<Field, string>> => {
    const own: Partial<Record<Field, string>> = {};
    if (!question.trim()) own.question = texts.noQuestion;
    if (!isValidDate(wantedBy)) return { ...own, wantedBy: texts.badDate };
    return {
      ...issuesByField<Field>(
        requestIssues({ origin, wantedBy, sickLeaveNeed: triage ? sickLeaveNeed : "" }, me.roles, today),
      ),
      ...own,
    };
  };
  const shown = { ...fieldErrors(create.error, fields), ...attempt };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    setAttempt(found);
    if (Object.keys(found).length > 0) return;
    create.mutate(
      {
        profession,
        origin,
        question,
        wantedBy,
        sickLeaveNeed: triage ? sickLeaveNeed : "",
        receiverId: null,
      },
      { onSuccess: () => props.onDone(true) },
    );
  };

  return (
    <Paper withBorder p="md" mt="sm" component="section" aria-labelledby="begar-underlag">
      <Title order={3} fz="h4" mb="sm" id="begar-underlag" ref={titleRef} tabIndex={-1}>
        {texts.title}
      </Title>
      <FormErrorAlert error={create.error} fieldErrors={shown} title={texts.failed} attempt={attempt} />
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={640}>
          <NativeSelect
            id="underlag-profession"
            label={texts.profession}
            withAsterisk
            value={profession}
            onChange={(e) => setProfession(e.currentTarget.value as Profession)}
            data={professionIds.map((p) => ({ value: p, label: professions[p] }))}
            error={shown.profession}
          />
          {allowed.length > 1 && (
            <NativeSelect
              id="underlag-origin"
              label={texts.origin}
              value={origin}
              onChange={(e) => setOrigin(e.currentTarget.value as Origin)}
              data={allowed.map((o) => ({ value: o, label: origins[o] }))}
              error={shown.origin}
            />
          )}
          <Textarea
            id="underlag-question"
            label={texts.question}
            description={texts.questionHint}
            withAsterisk
            autosize
            minRows={3}
            value={question}
            onChange={(e) => setQuestion(e.currentTarget.value)}
            error={shown.question}
          />
          <DateField
            id="underlag-wanted-by"
            label={texts.wantedBy}
            withAsterisk
            value={wantedBy}
            onChange={setWantedBy}
            error={shown.wantedBy}
          />
          {triage && (
            <Textarea
              id="underlag-sick-leave-need"
              label={texts.sickLeaveNeed}
              description={texts.sickLeaveHint}
              withAsterisk
              autosize
              minRows={2}
              value={sickLeaveNeed}
              onChange={(e) => setSickLeaveNeed(e.currentTarget.value)}
              error={shown.sickLeaveNeed}
            />
          )}
          <FormActions
            submit={texts.submit}
            pending={create.isPending}
            onCancel={() => props.onDone(false)}
          />
        </Stack>
      </form>
    </Paper>
  );
}
