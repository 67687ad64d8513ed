/** The chief's view of one routine: who of the unit's staff must read it, unconfirmed first. */
import { Table, Text, Title } from "@mantine/core";
import { roles, isRole } from "../../access/policy.ts";
import { confirmationStates } from "../../routines/rules.ts";
import type { RoutineDetail } from "../api/routines.ts";

const texts = {
  heading: "Personalens bekräftelser",
  summary: (missing: number, total: number) =>
    missing === 0
      ? `Alla ${total} som ska läsa rutinen har bekräftat den senaste versionen.`
      : `${missing} av ${total} har inte bekräftat den senaste versionen.`,
  none: "Ingen på enheten har en roll som ska läsa rutinen.",
  caption: "Medarbetare som ska läsa rutinen och deras bekräftelse",
  name: "Medarbetare",
  role: "Roll",
  state: "Status",
  version: "Senast bekräftad version",
};

export function StaffConfirmations({ staff }: { staff: NonNullable<RoutineDetail["staff"]> }) {
  const missing = staff.filter((m) => m.state !== "CONFIRMED").length;
  return (
    <section aria-labelledby="rutin-bekraftelser">
      <Title order={2} id="rutin-bekraftelser" mb="xs">
        {texts.heading}
      </Title>
      {staff.length === 0 ? (
        <Text>{texts.none}</Text>
      ) : (
        <>
          <Text mb="xs">{texts.summary(missing, staff.length)}</Text>
          <Table striped>
            <Table.Caption>{texts.caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{texts.name}</Table.Th>
                <Table.Th>{texts.role}</Table.Th>
                <Table.Th>{texts.state}</Table.Th>
                <Table.Th>{texts.version}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {staff.map((m) => (
                <Table.Tr key={m.userId}>
                  <Table.Td>{m.name}</Table.Td>
                  <Table.Td>{m.roles.map((r) => (isRole(r) ? roles[r] : r)).join(", ")}</Table.Td>
                  <Table.Td>{confirmationStates[m.state]}</Table.Td>
                  <Table.Td>{m.confirmedVersion ?? "–"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </section>
  );
}
