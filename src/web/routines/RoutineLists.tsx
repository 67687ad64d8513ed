/** The routine library's lists: the table of routines and the short lists to read and to review. */
import { Alert, Anchor, Badge, List, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { confirmationStates } from "../../routines/rules.ts";
import type { RoutineSummary } from "../api/routines.ts";

const texts = {
  colTitle: "Rutin",
  colTopic: "Ämne",
  colOwner: "Ägare",
  colReview: "Revideras",
  colVersion: "Version",
  colMine: "Min bekräftelse",
  colUnconfirmed: "Ej bekräftad av",
  notForMe: "Inte för din roll",
  regional: "Regional",
  due: "Revision försenad",
};

export function RoutineTable({ routines, caption }: { routines: RoutineSummary[]; caption: string }) {
  // The chief's view: how many of the staff who must read each routine have not confirmed it.
  const staffView = routines.some((r) => r.unconfirmed !== null);
  return (
    <Table striped>
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{texts.colTitle}</Table.Th>
          <Table.Th>{texts.colTopic}</Table.Th>
          <Table.Th>{texts.colOwner}</Table.Th>
          <Table.Th>{texts.colReview}</Table.Th>
          <Table.Th>{texts.colVersion}</Table.Th>
          <Table.Th>{texts.colMine}</Table.Th>
          {staffView && <Table.Th>{texts.colUnconfirmed}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {routines.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>
              <Anchor component={Link} to={`/rutiner/${r.id}`}>
                {r.title}
              </Anchor>{" "}
              {r.regional && <Badge color="blue.8">{texts.regional}</Badge>}
            </Table.Td>
            <Table.Td>{r.topicLabel}</Table.Td>
            <Table.Td>{r.owner.name}</Table.Td>
            <Table.Td>
              {r.reviewDate} {r.reviewDue && <Badge color="red.9">{texts.due}</Badge>}
            </Table.Td>
            <Table.Td>{r.textVersion}</Table.Td>
            <Table.Td>{r.mustRead ? confirmationStates[r.myState] : texts.notForMe}</Table.Td>
            {staffView && <Table.Td>{r.unconfirmed ?? "–"}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function LinkList({
  heading,
  intro,
  routines,
}: {
  heading: string;
  intro: string;
  routines: RoutineSummary[];
}) {
  if (routines.length === 0) return null;
  return (
    <Alert
      color="blue"
      variant="light"
      title={
        <Title order={2} fz="lg">
          {heading}
        </Title>
      }
    >
      <Text fz="sm" mb="xs">
        {intro}
      </Text>
      <List>
        {routines.map((r) => (
          <List.Item key={r.id}>
            <Anchor component={Link} to={`/rutiner/${r.id}`}>
              {r.title}
            </Anchor>{" "}
            ({r.mustRead ? confirmationStates[r.myState].toLowerCase() : r.reviewDate})
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
