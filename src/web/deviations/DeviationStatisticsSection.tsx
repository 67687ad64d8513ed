/** Deviations per category and month of a chosen period (for the chief and MLU). */
import { Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useDeviationStatistics } from "../api/deviations.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";

const texts = {
  heading: "Statistik per kategori",
  from: "Från månad",
  to: "Till månad",
  monthHint: "ÅÅÅÅ-MM",
  loading: "Räknar …",
  caption: (from: string, to: string) => `Avvikelser per kategori och månad, ${from} – ${to}`,
  category: "Kategori",
  total: "Totalt",
  lexMaria: "Varav överväg lex Maria",
};

const monthRe = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month `n` months before the month of `day`. */
function monthsBack(day: string, n: number): string {
  const [year, month] = day.split("-").map(Number) as [number, number];
  const index = year * 12 + (month - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export function DeviationStatisticsSection({ today }: { today: string }) {
  const [from, setFrom] = useState(() => monthsBack(today, 11));
  const [to, setTo] = useState(() => today.slice(0, 7));
  const valid = monthRe.test(from) && monthRe.test(to);
  const stats = useDeviationStatistics(from, to, valid);
  return (
    <Stack gap="xs" component="section" aria-labelledby="avvikelser-statistik">
      <Title order={2} id="avvikelser-statistik">
        {texts.heading}
      </Title>
      <Group align="flex-start">
        <TextInput
          label={texts.from}
          description={texts.monthHint}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value.trim())}
        />
        <TextInput
          label={texts.to}
          description={texts.monthHint}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value.trim())}
        />
      </Group>
      {stats.isFetching && <Loading label={texts.loading} />}
      {stats.isError && <ErrorAlert error={stats.error} />}
      {stats.data && (
        <div
          style={{ overflowX: "auto" }}
          tabIndex={0}
          role="region"
          aria-label={texts.caption(stats.data.from, stats.data.to)}
        >
          <Table striped withTableBorder>
            <Table.Caption>{texts.caption(stats.data.from, stats.data.to)}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{texts.category}</Table.Th>
                {stats.data.months.map((m) => (
                  <Table.Th scope="col" key={m}>
                    {m}
                  </Table.Th>
                ))}
                <Table.Th scope="col">{texts.total}</Table.Th>
                <Table.Th scope="col">{texts.lexMaria}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {stats.data.rows.map((row) => (
                <Table.Tr key={row.category}>
                  <Table.Th scope="row">{row.label}</Table.Th>
                  {row.months.map((count, i) => (
                    <Table.Td key={i}>{count}</Table.Td>
                  ))}
                  <Table.Td>
                    <Text fw={600}>{row.total}</Text>
                  </Table.Td>
                  <Table.Td>{row.lexMaria}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  );
}
