/**
 * A substitute's first day: the checklist of the first-day package — the lathund and the routines
 * to read and confirm, and the unit's contacts to tick — with how far the newcomer has come.
 */
import { Anchor, Badge, Checkbox, List, Progress, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useMyIntroduction, useTickContacts } from "../api/introduction.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";

const texts = {
  heading: (label: string, unit: string) => `Din första dag som ${label.toLowerCase()} på ${unit}`,
  intro:
    "Läs lathunden och rutinerna och bekräfta dem, och ta reda på vilka du kontaktar. Chefen ser din checklista.",
  progress: (done: number, total: number) => `${done} av ${total} klara`,
  done: "Klar",
  todo: "Att göra",
  readAndConfirm: "Läs och bekräfta:",
  lathund: "Lathund",
  contactsTick: "Jag vet vilka jag kontaktar",
  phone: (phone: string) => `Enhetens telefon: ${phone}`,
  noTeamTimes: "Tider för teamträffar finns inte i Samsyn ännu – fråga rehabkoordinatorn.",
};

export function FirstDaySection() {
  const intro = useMyIntroduction();
  const tick = useTickContacts();
  const data = intro.data;
  if (!data || data.engagement === null || !data.engagementLabel) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="forsta-dagen">
      <Title order={2} id="forsta-dagen">
        {texts.heading(data.engagementLabel, data.unit.name)}
      </Title>
      <Text fz="sm">{texts.intro}</Text>
      <Progress
        value={(100 * data.done) / Math.max(1, data.total)}
        aria-label={texts.progress(data.done, data.total)}
      />
      <Text fz="sm" fw={500}>
        {texts.progress(data.done, data.total)}
      </Text>
      {tick.isError && <ErrorAlert error={tick.error} />}
      <List spacing="sm" listStyleType="none">
        {data.items.map((item) => (
          <List.Item key={item.key}>
            {item.routineId ? (
              <Text>
                <Badge color={item.done ? "teal.9" : "gray.7"} mr="xs">
                  {item.done ? texts.done : texts.todo}
                </Badge>
                {item.kind === "LATHUND" ? `${texts.lathund}: ` : `${texts.readAndConfirm} `}
                <Anchor component={Link} to={`/rutiner/${item.routineId}`}>
                  {item.label}
                </Anchor>
              </Text>
            ) : (
              <Stack gap={4}>
                <Text fw={500}>{item.label}</Text>
                <List withPadding fz="sm">
                  {data.contacts.map((c) => (
                    <List.Item key={`${c.name}-${c.role}`}>
                      {c.roleLabel}: {c.name}
                    </List.Item>
                  ))}
                  {data.unit.phone && <List.Item>{texts.phone(data.unit.phone)}</List.Item>}
                  <List.Item>{texts.noTeamTimes}</List.Item>
                </List>
                <Checkbox
                  label={texts.contactsTick}
                  checked={item.done}
                  disabled={tick.isPending}
                  onChange={(e) => tick.mutate(e.currentTarget.checked)}
                />
              </Stack>
            )}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
