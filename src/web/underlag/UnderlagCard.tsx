/** One request for an underlag: who asked whom, the question, and the structured answer if given. */
import { Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { Fragment, type ReactNode } from "react";
import type { Underlag } from "../api/underlag.ts";
import { dateLabel } from "../format.ts";

const texts = {
  heading: (u: Underlag) => `Underlag från ${u.professionLabel.toLowerCase()}`,
  askedBy: (u: Underlag) =>
    `Begärt ${dateLabel(u.requestedDate)} av ${u.requestedBy.name ?? "okänd"} (${u.originLabel.toLowerCase()})`,
  wantedBy: "Önskas senast",
  late: "Försenat",
  receiver: "Mottagare",
  queue: (u: Underlag) => `Alla ${u.professionLabel.toLowerCase()}er på enheten`,
  question: "Fråga",
  sickLeaveNeed: "Behov av sjukskrivning (telefonrådgivning)",
  observations: "Observationer",
  funktion: "Funktion",
  aktivitet: "Aktivitetsbegränsning",
  methods: "Bedömt med",
  answered: (u: NonNullable<Underlag["answer"]>) =>
    `Besvarat ${dateLabel(u.answeredDate)} av ${u.answeredBy.name ?? "okänd"}`,
};

export function UnderlagCard(props: {
  underlag: Underlag;
  headingLevel: 2 | 3;
  patient?: ReactNode;
  actions?: ReactNode;
}) {
  const { underlag: u } = props;
  const facts: [string, string][] = [
    [texts.question, u.question],
    ...(u.sickLeaveNeed ? ([[texts.sickLeaveNeed, u.sickLeaveNeed]] as [string, string][]) : []),
    [texts.wantedBy, dateLabel(u.wantedBy)],
    [texts.receiver, u.receiver?.name ?? texts.queue(u)],
  ];
  const answer: [string, string][] = u.answer
    ? [
        [texts.observations, u.answer.observations],
        [texts.funktion, u.answer.funktion],
        [texts.aktivitet, u.answer.aktivitet],
        [texts.methods, u.answer.methods],
      ]
    : [];
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`underlag-${u.id}`}>
      <Stack gap="xs">
        <Group gap="sm" align="baseline">
          <Title order={props.headingLevel} fz="h4" id={`underlag-${u.id}`}>
            {texts.heading(u)}
          </Title>
          <Badge variant="filled" color={u.status === "ANSWERED" ? "green.9" : "gray.8"}>
            {u.statusLabel}
          </Badge>
          {u.late && (
            <Badge variant="filled" color="red.9">
              {texts.late}
            </Badge>
          )}
        </Group>
        {props.patient}
        <Text fz="sm">{texts.askedBy(u)}</Text>
        <Facts facts={facts} />
        {u.answer && (
          <>
            <Text fz="sm" fw={600}>
              {texts.answered(u.answer)}
            </Text>
            <Facts facts={answer} />
          </>
        )}
        {props.actions}
      </Stack>
    </Paper>
  );
}

function Facts({ facts }: { facts: [string, string][] }) {
  return (
    <dl className="facts">
      {facts.map(([term, value]) => (
        <Fragment key={term}>
          <dt>{term}</dt>
          <dd style={{ whiteSpace: "pre-line" }}>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
