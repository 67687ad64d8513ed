/**
 * The regional analyst's overview: one row per unit of the region — ongoing cases and the share of
 * certificates with komplettering, women and men side by side — above each unit's own figures.
 */
import { Anchor, Table } from "@mantine/core";
import type { StatisticsResponse } from "../api/statistics.ts";
import { FigureBlock } from "./FigureBlock.tsx";
import { countText, rateText, statisticsTexts as t } from "./labels.ts";

const texts = {
  caption: "Regionens enheter: pågående sjukfall i dag och andel intyg med komplettering i perioden",
  unit: "Enhet",
  ongoing: (sex: string) => `Pågående: ${sex.toLowerCase()}`,
  rate: (sex: string) => `Komplettering: ${sex.toLowerCase()}`,
};

export function RegionOverview({
  answer,
  anchorOf,
}: {
  answer: StatisticsResponse;
  anchorOf: (unitId: string) => string;
}) {
  return (
    <FigureBlock figure="ongoing">
      <div style={{ overflowX: "auto" }} tabIndex={0} role="group" aria-label={texts.caption}>
        <Table withTableBorder striped fz="sm">
          <caption>{texts.caption}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{texts.unit}</Table.Th>
              {[t.women, t.men, t.total].map((sex) => (
                <Table.Th scope="col" key={`o-${sex}`}>
                  {texts.ongoing(sex)}
                </Table.Th>
              ))}
              {[t.women, t.men, t.total].map((sex) => (
                <Table.Th scope="col" key={`r-${sex}`}>
                  {texts.rate(sex)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {answer.units.map(({ unit, current }) => (
              <Table.Tr key={unit.id}>
                <Table.Th scope="row" fw={500}>
                  <Anchor href={`#${anchorOf(unit.id)}`}>{unit.name}</Anchor>
                </Table.Th>
                <Table.Td>{countText(current.ongoing.women)}</Table.Td>
                <Table.Td>{countText(current.ongoing.men)}</Table.Td>
                <Table.Td>{countText(current.ongoing.total)}</Table.Td>
                <Table.Td>{rateText(current.kompletteringar.rate.women, true)}</Table.Td>
                <Table.Td>{rateText(current.kompletteringar.rate.men, true)}</Table.Td>
                <Table.Td>{rateText(current.kompletteringar.rate.total, true)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </FigureBlock>
  );
}
