/** "Just nu": ongoing cases today, by length and by grade, women and men side by side. */
import { Stack, Table, Title } from "@mantine/core";
import type { FurtherFiguresView } from "../../statistics/schema.ts";
import type { UnitFigures } from "../api/statistics.ts";
import { dateLabel } from "../format.ts";
import { BarChart, type ChartSeries } from "./BarChart.tsx";
import { FigureBlock } from "./FigureBlock.tsx";
import { bucketLabel, countText, gradeLabel, statisticsTexts as t } from "./labels.ts";
import { SplitTable, type Counts } from "./SplitTable.tsx";

const texts = {
  title: (today: string) => `Just nu (${dateLabel(today)})`,
  lengthGroup: "Längd",
  gradeGroup: "Sjukskrivningsgrad",
  ongoingGroup: "Pågående sjukfall",
  lastYearNote: (day: string) => `jämfört med ${dateLabel(day)}`,
  sjuktalCaption: "Pågående sjukfall per 1 000 listade patienter i dag",
  noListing: "ingen listning",
  chartDescription: (rows: string) => `Kvinnor och män per grupp: ${rows}. Samma siffror finns i tabellen.`,
};

export const sexSeries: ChartSeries[] = [
  { label: t.women, style: "solid" },
  { label: t.men, style: "striped" },
];

/** The chart's description spells out every bar, so the image alone is not the only source. */
export function describeRows(rows: { label: string; counts: Counts }[]): string {
  return rows
    .map(
      (r) =>
        `${r.label}: ${t.women.toLowerCase()} ${countText(r.counts.women)}, ${t.men.toLowerCase()} ${countText(r.counts.men)}`,
    )
    .join("; ");
}

export function SplitChart({ title, rows }: { title: string; rows: { label: string; counts: Counts }[] }) {
  return (
    <BarChart
      title={title}
      description={texts.chartDescription(describeRows(rows))}
      series={sexSeries}
      groups={rows.map((r) => ({ label: r.label, values: [r.counts.women, r.counts.men] }))}
    />
  );
}

const perMille = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function SjuktalTable({
  sjuktal,
  suppressed,
}: {
  sjuktal: FurtherFiguresView["sjuktal"];
  suppressed: boolean;
}) {
  const text = (value: number | null) =>
    value === null ? (suppressed ? t.hidden : texts.noListing) : perMille.format(value);
  return (
    <Table withTableBorder striped fz="sm" maw={560}>
      <caption>{texts.sjuktalCaption}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t.women}</Table.Th>
          <Table.Th scope="col">{t.men}</Table.Th>
          <Table.Th scope="col">{t.total}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        <Table.Tr>
          <Table.Td>{text(sjuktal.women)}</Table.Td>
          <Table.Td>{text(sjuktal.men)}</Table.Td>
          <Table.Td>{text(sjuktal.total)}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

export function NowSection({
  current,
  lastYear,
  sjuktal,
  suppressed,
  headingId,
}: {
  current: UnitFigures;
  lastYear: UnitFigures;
  sjuktal: FurtherFiguresView["sjuktal"];
  suppressed: boolean;
  headingId: string;
}) {
  const lengths = current.ongoingByLength.map((row, i) => ({
    label: bucketLabel(row.bucket),
    current: row,
    lastYear: lastYear.ongoingByLength[i],
  }));
  const grades = current.ongoingByGrade.map((row, i) => ({
    label: gradeLabel(row.grade),
    current: row,
    lastYear: lastYear.ongoingByGrade[i],
  }));
  return (
    <Stack component="section" aria-labelledby={headingId} gap="lg">
      <Title order={3} id={headingId}>
        {texts.title(current.today)}
      </Title>
      <FigureBlock figure="ongoing">
        <SplitTable
          caption={`${texts.ongoingGroup}, ${texts.lastYearNote(lastYear.today)}`}
          groupHeader={t.count}
          rows={[{ label: texts.ongoingGroup, current: current.ongoing, lastYear: lastYear.ongoing }]}
        />
      </FigureBlock>
      <FigureBlock figure="sjuktal">
        <SjuktalTable sjuktal={sjuktal} suppressed={suppressed} />
      </FigureBlock>
      <FigureBlock
        figure="ongoingByLength"
        chart={
          <SplitChart
            title={texts.lengthGroup}
            rows={lengths.map((r) => ({ label: r.label, counts: r.current }))}
          />
        }
      >
        <SplitTable
          caption={`${texts.lengthGroup}, ${texts.lastYearNote(lastYear.today)}`}
          groupHeader={texts.lengthGroup}
          rows={lengths}
        />
      </FigureBlock>
      <FigureBlock
        figure="ongoingByGrade"
        chart={
          <SplitChart
            title={texts.gradeGroup}
            rows={grades.map((r) => ({ label: r.label, counts: r.current }))}
          />
        }
      >
        <SplitTable
          caption={`${texts.gradeGroup}, ${texts.lastYearNote(lastYear.today)}`}
          groupHeader={texts.gradeGroup}
          rows={grades}
        />
      </FigureBlock>
    </Stack>
  );
}
