/**
 * The profession's structured answer: observations, funktion, aktivitetsbegränsning and what they
 * were assessed with. A stale answer (someone answered meanwhile) shows the saved answer instead.
 */
import { Alert, Button, Group, Stack, Textarea, Title } from "@mantine/core";
import { mayAnswer } from "../../underlag/rules.ts";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { isApiError } from "../api/client.ts";
import { useAnswerUnderlag, type Underlag, type UnderlagAnswerInput } from "../api/underlag.ts";
import { FormActions } from "../components/FormActions.tsx";
import { FormErrorAlert } from "../components/FormErrorAlert.tsx";
import { fieldErrors } from "../components/fieldErrors.ts";

const texts = {
  title: "Svara med underlag",
  observations: "Observationer",
  observationsHint: "Vad du såg, hörde eller mätte vid bedömningen.",
  funktion: "Funktion",
  funktionHint: "Nedsättning av kroppsliga eller psykiska funktioner, med grad.",
  aktivitet: "Aktivitetsbegränsning",
  aktivitetHint: "Konkreta aktiviteter patienten inte kan utföra, hur ofta och hur svårt.",
  methods: "Bedömt med",
  methodsHint: "Undersökning, tester, skattningsskalor eller observation i aktivitet.",
  answer: "Svara",
  submit: "Skicka svaret",
  failed: "Svaret kunde inte sparas",
  conflict: "Begäran har redan besvarats. Listan visar nu svaret som är sparat.",
  required: (label: string) => `Fyll i ${label.toLowerCase()}.`,
};

type Field = keyof UnderlagAnswerInput;
const fields: readonly Field[] = ["observations", "funktion", "aktivitet", "methods"];

export function AnswerForm(props: {
  underlag: Underlag;
  onDone: (saved: boolean) => void;
  headingLevel: 3 | 4;
}) {
  const [answer, setAnswer] = useState<UnderlagAnswerInput>({
    observations: "",
    funktion: "",
    aktivitet: "",
    methods: "",
  });
  const [attempt, setAttempt] = useState<Partial<Record<Field, string>>>({});
  const save = useAnswerUnderlag();
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  const shown = { ...fieldErrors(save.error, fields), ...attempt };
  const conflict = isApiError(save.error, 409);

  const field = (key: Field, hint: string) => (
    <Textarea
      id={`svar-${key}-${props.underlag.id}`}
      label={texts[key]}
      description={hint}
      withAsterisk
      autosize
      minRows={2}
      value={answer[key]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setAnswer((current) => ({ ...current, [key]: value }));
      }}
      error={shown[key]}
    />
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    for (const key of fields) if (!answer[key].trim()) found[key] = texts.required(texts[key]);
    setAttempt(found);
    if (Object.keys(found).length > 0) return;
    save.mutate({ underlag: props.underlag, answer }, { onSuccess: () => props.onDone(true) });
  };

  return (
    <section aria-labelledby={`svara-${props.underlag.id}`}>
      <Title
        order={props.headingLevel}
        fz="h5"
        mb="xs"
        id={`svara-${props.underlag.id}`}
        ref={titleRef}
        tabIndex={-1}
      >
        {texts.title}
      </Title>
      {conflict ? (
        <Alert color="yellow" role="alert" mb="sm">
          {texts.conflict}
        </Alert>
      ) : (
        <FormErrorAlert error={save.error} fieldErrors={shown} title={texts.failed} attempt={attempt} />
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={640}>
          {field("observations", texts.observationsHint)}
          {field("funktion", texts.funktionHint)}
          {field("aktivitet", texts.aktivitetHint)}
          {field("methods", texts.methodsHint)}
          <FormActions submit={texts.submit} pending={save.isPending} onCancel={() => props.onDone(false)} />
        </Stack>
      </form>
    </section>
  );
}

/** "Svara" on an open request of the user's own profession, opening the answer form in place. */
export function AnswerAction(props: {
  underlag: Underlag;
  roles: Parameters<typeof mayAnswer>[0];
  open: boolean;
  onOpen: () => void;
  onDone: (saved: boolean) => void;
  /** One below the request's heading. */
  headingLevel: 3 | 4;
}) {
  const { underlag } = props;
  if (underlag.status !== "OPEN" || !mayAnswer(props.roles, underlag.profession)) return null;
  if (props.open)
    return <AnswerForm underlag={underlag} onDone={props.onDone} headingLevel={props.headingLevel} />;
  return (
    <Group>
      <Button size="sm" onClick={props.onOpen}>
        {texts.answer}
      </Button>
    </Group>
  );
}
