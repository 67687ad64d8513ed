/** The plan as it stands: state, goal, planned end, the patient's words, anchoring and the actions. */
import { Badge, Group, Table, Text } from "@mantine/core";
import type { RehabPlan } from "../api/rehabplan.ts";
import { Facts, userName } from "../coordination/parts.tsx";
import { dateLabel, dateTimeLabel } from "../format.ts";

const texts = {
  caseStart: "Sjukfallet började",
  goal: "Mål",
  purpose: "Syfte med sjukskrivningen",
  plannedEnd: "Planerat slut",
  length: (days: number) => `${days} dagar från sjukfallets start`,
  patientWords: "Patientens egna ord",
  anchoring: "Förankrad med patienten",
  anchoredAs: (date: string, how: string, who: string, version: number) =>
    `Plan överenskommen med patienten ${date} (${how.toLowerCase()}) av ${who}, version ${version}`,
  notAnchored: "Inte ännu",
  nextFollowUp: "Nästa uppföljning",
  revisionDue: "Revideras senast",
  saved: "Senast sparad",
  savedBy: (who: string, when: string, version: number) => `${when} av ${who} (version ${version})`,
  missing: "Saknas för att fastställa",
  actionsCaption: "Åtgärder",
  party: "Part",
  action: "Åtgärd",
  responsible: "Ansvarig",
  start: "Start",
  followUp: "Uppföljning",
  status: "Status",
  noActions: "Inga åtgärder ännu.",
  empty: "–",
};

// Dark enough for white text (WCAG AA at badge size).
const stateColors: Record<RehabPlan["state"], string> = {
  UTKAST: "gray.7",
  FASTSTALLD: "blue.9",
  UPPFOLJNING_FORSENAD: "red.9",
  AVSLUTAD: "dark",
};

export function PlanSummary({ plan }: { plan: RehabPlan }) {
  const or = (text: string) => (text.trim() ? text : texts.empty);
  const anchoring = plan.anchoring
    ? texts.anchoredAs(
        plan.anchoring.date,
        plan.anchoring.methodLabel,
        userName(plan.anchoring.by),
        plan.anchoring.version,
      )
    : texts.notAnchored;
  return (
    <>
      <Group mb="xs">
        <Badge color={stateColors[plan.state]} variant="filled">
          {plan.stateLabel}
        </Badge>
      </Group>
      <Facts
        facts={[
          [texts.caseStart, dateLabel(plan.caseStart)],
          [texts.goal, or(plan.goal)],
          [texts.purpose, or(plan.purpose)],
          [
            texts.plannedEnd,
            plan.plannedEnd
              ? `${dateLabel(plan.plannedEnd)}${plan.plannedLengthDays ? ` (${texts.length(plan.plannedLengthDays)})` : ""}`
              : texts.empty,
          ],
          [texts.patientWords, or(plan.patientWords)],
          [texts.anchoring, anchoring],
          [texts.nextFollowUp, dateLabel(plan.nextFollowUp)],
          ...(plan.revisionDue ? [[texts.revisionDue, dateLabel(plan.revisionDue)] as [string, string]] : []),
          [texts.saved, texts.savedBy(userName(plan.savedBy), dateTimeLabel(plan.savedAt), plan.version)],
          ...(plan.status !== "AVSLUTAD" && plan.missing.length > 0
            ? [[texts.missing, plan.missing.map((m) => m.message).join("\n")] as [string, string]]
            : []),
        ]}
      />
      {plan.actions.length === 0 ? (
        <Text mt="sm">{texts.noActions}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640} mt="sm">
          <Table withTableBorder>
            <Table.Caption>{texts.actionsCaption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {[
                  texts.party,
                  texts.action,
                  texts.responsible,
                  texts.start,
                  texts.followUp,
                  texts.status,
                ].map((h) => (
                  <Table.Th key={h} scope="col">
                    {h}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.actions.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{a.partyLabel}</Table.Td>
                  <Table.Th scope="row" fw={400}>
                    {a.description}
                  </Table.Th>
                  <Table.Td>
                    {[a.responsibleName, a.responsibleUser ? userName(a.responsibleUser) : ""]
                      .filter((s) => s.trim() !== "")
                      .join(", ") || texts.empty}
                  </Table.Td>
                  <Table.Td>{dateLabel(a.startDate)}</Table.Td>
                  <Table.Td>{dateLabel(a.followUpDate)}</Table.Td>
                  <Table.Td>{a.statusLabel}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
