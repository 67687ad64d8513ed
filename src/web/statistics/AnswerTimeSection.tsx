/**
 * "Svarstid för kompletteringar": how many days the unit took to answer Försäkringskassan's
 * kompletteringar (median, received → answered) for women, men and in total, beside the same
 * period a year earlier, and per doctor as far as the user may see doctors.
 */
import { Stack, Table, Title } from "@mantine/core";
import type { AnswerTimesView } from "../../statistics/schema.ts";
import { DoctorTable } from "./DoctorTable.tsx";
import { FigureBlock } from "./FigureBlock.tsx";
import { countText, statisticsTexts as t } from "./labels.ts";

const texts = {
  title: "Svarstid för kompletteringar",
  caption: "Svarstid för kompletteringar, jämfört med samma period föregående år",
  doctorCaption: "Svarstid för kompletteringar per läkare",
  group: "Patienter",
  answered: "Besvarade",
  open: "Obesvarade",
  median: "Median, dagar",
  lastYearMedian: "Förra året: median, dagar",
};

const days = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 });

/** A median: "dolt" when hidden with its count, "–" without answered ärenden. */
const medianText = (value: number | null, answered: number | null) =>
  answered === null ? t.hidden : value === null ? t.none : days.format(value);

function SexTable({ current, lastYear }: { current: AnswerTimesView; lastYear: AnswerTimesView }) {
  const rows = [
    [t.women, "women"],
    [t.men, "men"],
    [t.total, "total"],
  ] as const;
  return (
    <Table withTableBorder striped fz="sm" className="statistics-table">
      <caption>{texts.caption}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{texts.group}</Table.Th>
          <Table.Th scope="col">{texts.answered}</Table.Th>
          <Table.Th scope="col">{texts.open}</Table.Th>
          <Table.Th scope="col">{texts.median}</Table.Th>
          <Table.Th scope="col">{texts.lastYearMedian}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(([label, key]) => (
          <Table.Tr key={key}>
            <Table.Th scope="row" fw={500}>
              {label}
            </Table.Th>
            <Table.Td>{countText(current.answered[key])}</Table.Td>
            <Table.Td>{countText(current.open[key])}</Table.Td>
            <Table.Td>{medianText(current.medianDays[key], current.answered[key])}</Table.Td>
            <Table.Td>{medianText(lastYear.medianDays[key], lastYear.answered[key])}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function AnswerTimeSection({
  times,
  headingId,
}: {
  times: { current: AnswerTimesView; lastYear: AnswerTimesView };
  headingId: string;
}) {
  return (
    <Stack component="section" aria-labelledby={headingId} gap="lg">
      <Title order={3} id={headingId}>
        {texts.title}
      </Title>
      <FigureBlock figure="kompletteringAnswerTime">
        <Stack gap="md">
          <SexTable current={times.current} lastYear={times.lastYear} />
          {times.current.byDoctor.length > 0 && (
            <DoctorTable
              caption={texts.doctorCaption}
              rows={times.current.byDoctor}
              columns={[
                { header: texts.answered, cell: (row) => countText(row.answered) },
                { header: texts.open, cell: (row) => countText(row.open) },
                { header: texts.median, cell: (row) => medianText(row.medianDays, row.answered) },
              ]}
            />
          )}
        </Stack>
      </FigureBlock>
    </Stack>
  );
}
