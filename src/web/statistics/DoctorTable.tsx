/**
 * One row per doctor, the user's own row marked "(du)": the komplettering, answer-time and case
 * tables per doctor differ only in their columns. The API decides which rows a user may see.
 */
import { Table } from "@mantine/core";
import type { ReactNode } from "react";

export interface DoctorColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
}

const texts = { doctor: "Läkare", own: " (du)" };

export function DoctorTable<Row extends { doctorId: string; name: string; own: boolean }>({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: DoctorColumn<Row>[];
  rows: Row[];
}) {
  return (
    <Table withTableBorder striped fz="sm" className="statistics-table">
      <caption>{caption}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{texts.doctor}</Table.Th>
          {columns.map((column) => (
            <Table.Th scope="col" key={column.header}>
              {column.header}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.doctorId}>
            <Table.Th scope="row" fw={500}>
              {row.name}
              {row.own ? texts.own : ""}
            </Table.Th>
            {columns.map((column) => (
              <Table.Td key={column.header}>{column.cell(row)}</Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
