/** The row under a case that lists each risk flag with the facts that raised it. */
import { Table, Text } from "@mantine/core";
import type { UnitListRow } from "../api/worklist.ts";

const texts = {
  riskDetails: "Riskfaktorer",
  riskFor: (row: number) => `Riskfaktorer för raden ${row}`,
  weight: (w: number) => `+${w} p`,
};

export function RiskDetails({
  id,
  row,
  number,
  colSpan,
}: {
  id: string;
  row: UnitListRow;
  number: number;
  colSpan: number;
}) {
  return (
    <Table.Tr id={id} data-risk-details>
      <Table.Td colSpan={colSpan} bg="gray.0" style={{ whiteSpace: "normal" }}>
        <Text fw={700} fz="sm" mb={4}>
          {texts.riskDetails}
        </Text>
        <ul aria-label={texts.riskFor(number)} style={{ margin: 0, paddingInlineStart: "1.25rem" }}>
          {row.risk.flags.map((flag) => (
            <li key={flag.code}>
              <Text span fw={600} fz="sm">
                {flag.label}
              </Text>{" "}
              <Text span fz="sm">
                ({texts.weight(flag.weight)})
              </Text>
              <ul style={{ margin: 0, paddingInlineStart: "1.25rem" }}>
                {flag.facts.map((fact) => (
                  <li key={fact}>
                    <Text span fz="sm">
                      {fact}
                    </Text>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </Table.Td>
    </Table.Tr>
  );
}
