/**
 * Komplettering follow-up: sent certificates, those Försäkringskassan asked to complete and the
 * share, for women, men and in total; per doctor as far as the user may see; per FK question.
 */
import { Stack, Table, Text, Title } from "@mantine/core";
import type { StatisticsResponse, UnitFigures } from "../api/statistics.ts";
import { BarChart } from "./BarChart.tsx";
import { DoctorTable } from "./DoctorTable.tsx";
import { FigureBlock } from "./FigureBlock.tsx";
import { countText, rateText, statisticsTexts as t } from "./labels.ts";
import { SplitTable } from "./SplitTable.tsx";

const texts = {
  title: (from: string, to: string) => `Kompletteringar (intyg skickade ${from} – ${to})`,
  certificates: "Intyg",
  rateCaption: "Andel intyg med komplettering, jämfört med samma period föregående år",
  share: "Andel",
  sent: "Skickade intyg",
  withKomplettering: "Med komplettering",
  doctorCaption: "Komplettering per läkare",
  ownNote: "Du ser din egen andel bredvid enhetens. Andra läkares andelar visas för chef och MLU.",
  question: "Fråga i intyget",
  questionChart: "Kompletteringar per fråga",
  noQuestions: "Inga kompletteringar i perioden.",
};

function RateTable({
  current,
  lastYear,
  suppressed,
}: {
  current: UnitFigures;
  lastYear: UnitFigures;
  suppressed: boolean;
}) {
  const rows = [
    [t.women, "women"],
    [t.men, "men"],
    [t.total, "total"],
  ] as const;
  return (
    <Table withTableBorder striped fz="sm" className="statistics-table">
      <caption>{texts.rateCaption}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{texts.certificates}</Table.Th>
          <Table.Th scope="col">{texts.share}</Table.Th>
          <Table.Th scope="col">{`${t.lastYearShort}: ${texts.share.toLowerCase()}`}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(([label, key]) => (
          <Table.Tr key={key}>
            <Table.Th scope="row" fw={500}>
              {label}
            </Table.Th>
            <Table.Td>{rateText(current.kompletteringar.rate[key], suppressed)}</Table.Td>
            <Table.Td>{rateText(lastYear.kompletteringar.rate[key], suppressed)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function QuestionFigure({ rows }: { rows: UnitFigures["kompletteringar"]["byQuestion"] }) {
  if (rows.length === 0) return <Text fz="sm">{texts.noQuestions}</Text>;
  const label = (row: (typeof rows)[number]) => `${row.question} ${row.label}`;
  const chart = (
    <BarChart
      title={texts.questionChart}
      description={rows.map((r) => `${label(r)}: ${countText(r.count)}`).join("; ")}
      series={[{ label: t.count, style: "solid" }]}
      groups={rows.map((r) => ({ label: r.label, values: [r.count] }))}
    />
  );
  return (
    <FigureBlock figure="kompletteringarByQuestion" chart={chart}>
      <Table withTableBorder striped fz="sm" className="statistics-table">
        <caption>{texts.questionChart}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{texts.question}</Table.Th>
            <Table.Th scope="col">{t.count}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.question}>
              <Table.Th scope="row" fw={500}>
                {label(row)}
              </Table.Th>
              <Table.Td>{countText(row.count)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </FigureBlock>
  );
}

export function KompletteringSection({
  current,
  lastYear,
  doctors,
  suppressed,
  headingId,
}: {
  current: UnitFigures;
  lastYear: UnitFigures;
  doctors: StatisticsResponse["doctors"];
  suppressed: boolean;
  headingId: string;
}) {
  const k = current.kompletteringar;
  return (
    <Stack component="section" aria-labelledby={headingId} gap="lg">
      <Title order={3} id={headingId}>
        {texts.title(current.from, current.to)}
      </Title>
      <FigureBlock figure="kompletteringarSent">
        <SplitTable
          caption={texts.sent}
          groupHeader={texts.certificates}
          rows={[{ label: texts.sent, current: k.sent, lastYear: lastYear.kompletteringar.sent }]}
        />
      </FigureBlock>
      <FigureBlock figure="kompletteringarWithKomplettering">
        <SplitTable
          caption={texts.withKomplettering}
          groupHeader={texts.certificates}
          rows={[
            {
              label: texts.withKomplettering,
              current: k.withKomplettering,
              lastYear: lastYear.kompletteringar.withKomplettering,
            },
          ]}
        />
      </FigureBlock>
      <FigureBlock figure="kompletteringarRate">
        <RateTable current={current} lastYear={lastYear} suppressed={suppressed} />
      </FigureBlock>
      {doctors !== "NONE" && (
        <FigureBlock figure="kompletteringarByDoctor">
          {doctors === "OWN" && <Text fz="sm">{texts.ownNote}</Text>}
          {k.byDoctor.length > 0 && (
            <DoctorTable
              caption={texts.doctorCaption}
              rows={k.byDoctor}
              columns={[
                { header: texts.sent, cell: (row) => countText(row.sent) },
                { header: texts.withKomplettering, cell: (row) => countText(row.withKomplettering) },
                { header: texts.share, cell: (row) => rateText(row.rate, suppressed) },
              ]}
            />
          )}
        </FigureBlock>
      )}
      <QuestionFigure rows={k.byQuestion} />
    </Stack>
  );
}
