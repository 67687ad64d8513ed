/**
 * "Kvinnor och män per diagnosgrupp": the ongoing cases by diagnosis group, and the equality
 * indicator — where women and men in the same group are sick-listed for different lengths or
 * grades. A large difference is marked with words ("Stor skillnad"), never colour alone.
 */
import { Badge, Stack, Table, Text, Title } from "@mantine/core";
import type { FurtherFiguresView } from "../../statistics/schema.ts";
import { FigureBlock } from "./FigureBlock.tsx";
import { statisticsTexts as t } from "./labels.ts";
import { SplitChart } from "./NowSection.tsx";
import { SplitTable } from "./SplitTable.tsx";

const texts = {
  title: "Kvinnor och män per diagnosgrupp",
  group: "Diagnosgrupp",
  caption: "Pågående sjukfall per diagnosgrupp",
  equalityCaption: "Skillnad mellan kvinnor och män inom samma diagnosgrupp (kvinnor − män)",
  cases: (n: number) => `${n} fall`,
  median: "Medianlängd, dagar",
  grade: "Medelgrad, %",
  lengthDifference: "Skillnad i längd, dagar",
  gradeDifference: "Skillnad i grad, procentenheter",
  large: "Stor skillnad",
  notCompared: "För få fall för jämförelse",
  none: "Inga pågående sjukfall.",
};

const signed = (value: number | null) =>
  value === null ? t.none : `${value > 0 ? "+" : ""}${value.toLocaleString("sv-SE")}`;

function Difference({
  value,
  flagged,
  comparable,
}: {
  value: number | null;
  flagged: boolean;
  comparable: boolean;
}) {
  if (!comparable) return <>{texts.notCompared}</>;
  return (
    <>
      {signed(value)}{" "}
      {flagged && (
        <Badge color="red.9" variant="filled" size="sm">
          {texts.large}
        </Badge>
      )}
    </>
  );
}

type Sex = FurtherFiguresView["equality"][number]["women"];
const perSex = (figures: Sex) =>
  figures === null
    ? t.none
    : `${texts.cases(figures.cases)}; ${figures.medianDays ?? t.none} d; ${figures.meanGrade ?? t.none} %`;

function EqualityTable({ rows }: { rows: FurtherFiguresView["equality"] }) {
  const perSexShown = rows.some((row) => row.women !== null);
  return (
    <Table withTableBorder striped fz="sm">
      <caption>{texts.equalityCaption}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{texts.group}</Table.Th>
          {perSexShown && (
            <Table.Th scope="col">{`${t.women}: fall; ${texts.median.toLowerCase()}; ${texts.grade.toLowerCase()}`}</Table.Th>
          )}
          {perSexShown && (
            <Table.Th scope="col">{`${t.men}: fall; ${texts.median.toLowerCase()}; ${texts.grade.toLowerCase()}`}</Table.Th>
          )}
          <Table.Th scope="col">{texts.lengthDifference}</Table.Th>
          <Table.Th scope="col">{texts.gradeDifference}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key} data-flagged={row.lengthFlagged || row.gradeFlagged || undefined}>
            <Table.Th scope="row" fw={500}>
              {row.label}
            </Table.Th>
            {perSexShown && <Table.Td>{perSex(row.women)}</Table.Td>}
            {perSexShown && <Table.Td>{perSex(row.men)}</Table.Td>}
            <Table.Td>
              <Difference
                value={row.lengthDifference}
                flagged={row.lengthFlagged}
                comparable={row.comparable}
              />
            </Table.Td>
            <Table.Td>
              <Difference
                value={row.gradeDifference}
                flagged={row.gradeFlagged}
                comparable={row.comparable}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function EqualitySection({ further, headingId }: { further: FurtherFiguresView; headingId: string }) {
  const groups = further.ongoingByGroup.map((row) => ({ label: row.label, current: row }));
  return (
    <Stack component="section" aria-labelledby={headingId} gap="lg">
      <Title order={3} id={headingId}>
        {texts.title}
      </Title>
      {groups.length === 0 ? (
        <Text fz="sm">{texts.none}</Text>
      ) : (
        <>
          <FigureBlock
            figure="ongoingByGroup"
            chart={
              <SplitChart
                title={texts.caption}
                rows={groups.map((g) => ({ label: g.label, counts: g.current }))}
              />
            }
          >
            <SplitTable caption={texts.caption} groupHeader={texts.group} rows={groups} />
          </FigureBlock>
          <FigureBlock figure="equality">
            <EqualityTable rows={further.equality} />
          </FigureBlock>
        </>
      )}
    </Stack>
  );
}
