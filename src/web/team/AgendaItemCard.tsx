/** One patient on the agenda: who, why, consent, order buttons, minutes and decisions. */
import { Anchor, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import type { AgendaItem, TeamMeeting } from "../../team/schema.ts";
import { DecisionForm } from "./DecisionForm.tsx";
import { DecisionList } from "./DecisionList.tsx";
import { Minutes } from "./Minutes.tsx";

const texts = {
  hidden: (n: number) => `Patient ${n}`,
  heading: (n: number, item: AgendaItem) => `${n}. ${item.patientName} (${item.personnummer})`,
  facts: (item: AgendaItem) =>
    `${item.sourceLabel}, sjukfall från ${item.caseStart}. Samtycke till teamet: ${item.consent.label.toLowerCase()}.`,
  openPatient: "Öppna patienten",
  up: (label: string) => `Flytta upp ${label}`,
  down: (label: string) => `Flytta ned ${label}`,
  remove: (label: string) => `Ta bort ${label} från dagordningen`,
  upShort: "Flytta upp",
  downShort: "Flytta ned",
  removeShort: "Ta bort",
};

export interface Ordering {
  first: boolean;
  last: boolean;
  pending: boolean;
  move: (direction: "up" | "down") => void;
  remove: () => void;
}

export function AgendaItemCard(props: {
  meeting: TeamMeeting;
  item: AgendaItem;
  number: number;
  hidePersonal: boolean;
  manage: boolean;
  ordering: Ordering | null;
}) {
  const { meeting, item, number, hidePersonal, manage, ordering } = props;
  const headingId = `punkt-${item.id}`;
  const label = hidePersonal ? texts.hidden(number) : item.patientName;
  const documented = item.minutes.length > 0 || item.decisions.length > 0;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start">
        <Title order={3} fz="h4" id={headingId}>
          {hidePersonal ? `${number}. ${texts.hidden(number)}` : texts.heading(number, item)}
        </Title>
        {ordering && (
          <Group gap="xs">
            {(["up", "down"] as const).map((direction) => (
              <Button
                key={direction}
                size="xs"
                variant="default"
                aria-label={texts[direction](label)}
                disabled={(direction === "up" ? ordering.first : ordering.last) || ordering.pending}
                onClick={() => ordering.move(direction)}
              >
                {texts[`${direction}Short`]}
              </Button>
            ))}
            {!documented && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                aria-label={texts.remove(label)}
                disabled={ordering.pending}
                onClick={ordering.remove}
              >
                {texts.removeShort}
              </Button>
            )}
          </Group>
        )}
      </Group>
      <Text fz="sm">{texts.facts(item)}</Text>
      {!hidePersonal && (
        <Anchor component={Link} to={`/patienter/${item.patientId}`} fz="sm">
          {texts.openPatient}
        </Anchor>
      )}
      <Stack gap="sm" mt="sm">
        <Minutes meeting={meeting} item={item} editable={manage} label={label} />
        <DecisionList item={item} editable={manage} />
        {manage && meeting.status === "PLANERAT" && (
          <DecisionForm meeting={meeting} item={item} label={label} />
        )}
      </Stack>
    </Paper>
  );
}
