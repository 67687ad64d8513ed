/**
 * The data of a figure as a table: women, men and total side by side, and the same for the
 * comparison (the same period a year earlier). Suppressed counts read "dolt".
 */
import { Box, Table } from "@mantine/core";
import { countText, statisticsTexts as t } from "./labels.ts";

export interface Counts {
  total: number | null;
  women: number | null;
  men: number | null;
}

export interface SplitRow {
  label: string;
  current: Counts;
  lastYear?: Counts | undefined;
  /** The comparison's own label when it differs (a time series: 2025-01 beside 2026-01). */
  lastYearLabel?: string | undefined;
}

export function SplitTable({
  caption,
  groupHeader,
  rows,
}: {
  caption: string;
  groupHeader: string;
  rows: SplitRow[];
}) {
  const comparison = rows.some((row) => row.lastYear !== undefined);
  return (
    // Scrolls sideways on a narrow screen; focusable, so a keyboard can scroll it too.
    <Box style={{ overflowX: "auto" }} tabIndex={0} role="group" aria-label={caption}>
      <Table striped withTableBorder fz="sm" className="statistics-table">
        <caption>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{groupHeader}</Table.Th>
            <Table.Th scope="col">{t.women}</Table.Th>
            <Table.Th scope="col">{t.men}</Table.Th>
            <Table.Th scope="col">{t.total}</Table.Th>
            {comparison && (
              <>
                <Table.Th scope="col">{`${t.lastYearShort}: ${t.women.toLowerCase()}`}</Table.Th>
                <Table.Th scope="col">{`${t.lastYearShort}: ${t.men.toLowerCase()}`}</Table.Th>
                <Table.Th scope="col">{`${t.lastYearShort}: ${t.total.toLowerCase()}`}</Table.Th>
              </>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.label}>
              <Table.Th scope="row" fw={500}>
                {row.label}
                {row.lastYearLabel ? ` (${row.lastYearLabel})` : ""}
              </Table.Th>
              <Table.Td>{countText(row.current.women)}</Table.Td>
              <Table.Td>{countText(row.current.men)}</Table.Td>
              <Table.Td>{countText(row.current.total)}</Table.Td>
              {comparison && (
                <>
                  <Table.Td>{row.lastYear ? countText(row.lastYear.women) : t.none}</Table.Td>
                  <Table.Td>{row.lastYear ? countText(row.lastYear.men) : t.none}</Table.Td>
                  <Table.Td>{row.lastYear ? countText(row.lastYear.total) : t.none}</Table.Td>
                </>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
