/**
 * Pågående sjukfall (PRODUCT §5.3): the unit's ongoing cases for the rehabkoordinator, a doctor's
 * own cases for the doctor. Counts split total / kvinnor / män, filters, sortable columns, the
 * column choice saved per user, "Dölj personuppgifter" for shared screens, export with the filters.
 */
import { Anchor, Button, Group, NativeSelect, Paper, Stack, Switch, Text } from "@mantine/core";
import { useCallback, useMemo } from "react";
import { Link } from "react-router";
import { can, useSession } from "../app/session.tsx";
import {
  downloadUnitListExport,
  useUnitDoctors,
  useUnitList,
  type ExportFormat,
  type SexCounts,
  type SortColumn,
} from "../api/worklist.ts";
import { DownloadButtons } from "../components/DownloadButtons.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { useColumns } from "./ColumnChooser.tsx";
import { FilterPanel } from "./FilterPanel.tsx";
import { activeFilterCount, emptyFilter, nextSort, toQuery } from "./filters.ts";
import { UnitListTable } from "./UnitListTable.tsx";
import { pageSizes, useListView } from "./viewState.ts";

const texts = {
  unitTitle: "Pågående sjukfall",
  ownTitle: "Mina pågående sjukfall",
  unitIntro: "Enhetens alla pågående sjukfall i dag.",
  ownIntro: "Sjukfall där du har signerat det senaste intyget.",
  loading: "Hämtar sjukfallen …",
  counts: "Antal sjukfall",
  total: "Totalt",
  women: "Kvinnor",
  men: "Män",
  ofAll: (c: SexCounts) => `av ${c.total} utan filter (kvinnor ${c.women}, män ${c.men})`,
  hidePersonal: "Dölj personuppgifter",
  hidePersonalHint: "För delad skärm, t.ex. på teammöten: namn och personnummer döljs i tabellen.",
  export: { csv: "CSV", xlsx: "Excel", pdf: "PDF" } as Record<ExportFormat, string>,
  exportLabel: (f: string) => `Exportera ${f}`,
  exportNote: "Exporten innehåller personuppgifter och filtren som gäller nu. Varje export loggas.",
  exportNoteHidden:
    "Exporten innehåller filtren som gäller nu men inte namn och personnummer. Varje export loggas.",
  none: "Inga sjukfall matchar filtret.",
  pageSize: "Rader per sida",
  showing: (from: number, to: number, total: number) => `Visar ${from}–${to} av ${total}`,
  previous: "Föregående sida",
  next: "Nästa sida",
  updating: "Uppdaterar …",
  review: "Genomgång av pågående sjukskrivningar",
};

export function SjukfallPage() {
  const me = useSession();
  const unitScope = can(me, "cases.list");
  const { view, setView, changeFilter } = useListView(`${me.user.id}:${me.unit?.id ?? ""}`);
  const { columns, chooser } = useColumns();
  const query = useMemo(
    () => ({
      ...toQuery(view.filter, view.sort),
      limit: String(view.pageSize),
      offset: String(view.offset),
    }),
    [view.filter, view.sort, view.pageSize, view.offset],
  );
  const list = useUnitList(query);
  const doctors = useUnitDoctors(unitScope);
  const data = list.data;

  const onSort = useCallback(
    (column: SortColumn) => setView((v) => ({ ...v, sort: nextSort(v.sort, column), offset: 0 })),
    [setView],
  );
  const onClear = useCallback(() => setView((v) => ({ ...v, filter: emptyFilter, offset: 0 })), [setView]);
  const total = data?.counts.total ?? 0;
  const title = unitScope ? texts.unitTitle : texts.ownTitle;

  return (
    <Stack gap="md">
      <div>
        <PageTitle title={title} />
        <Text mt={-8}>{unitScope ? texts.unitIntro : texts.ownIntro}</Text>
        <Anchor component={Link} to="/genomgang" display="inline-block" mt={4}>
          {texts.review}
        </Anchor>
      </div>

      {data && <Counts counts={data.counts} unfiltered={data.unfiltered} />}

      <FilterPanel
        filter={view.filter}
        activeCount={activeFilterCount(view.filter)}
        onChange={changeFilter}
        onClear={onClear}
        doctors={unitScope ? (doctors.data ?? []) : null}
      />

      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Switch
          label={texts.hidePersonal}
          description={texts.hidePersonalHint}
          checked={view.hidePersonal}
          onChange={(e) => {
            const hidePersonal = e.currentTarget.checked;
            setView((v) => ({ ...v, hidePersonal }));
          }}
          maw={420}
        />
        <Group align="flex-end" gap="md">
          {chooser}
          <ExportButtons filterQuery={toQuery(view.filter, view.sort)} hidePersonal={view.hidePersonal} />
        </Group>
      </Group>

      {list.isPending && <Loading label={texts.loading} />}
      {list.isError && <ErrorAlert error={list.error} />}
      {data && (
        <>
          <Text role="status" aria-live="polite" fz="sm">
            {list.isFetching
              ? texts.updating
              : total === 0
                ? texts.none
                : texts.showing(data.offset + 1, data.offset + data.rows.length, total)}
          </Text>
          {data.rows.length > 0 && (
            <UnitListTable
              rows={data.rows}
              columns={columns}
              sort={view.sort}
              onSort={onSort}
              hidePersonal={view.hidePersonal}
              offset={data.offset}
              total={total}
            />
          )}
          <Group justify="space-between" wrap="wrap">
            <NativeSelect
              label={texts.pageSize}
              value={String(view.pageSize)}
              onChange={(e) => {
                const pageSize = Number(e.currentTarget.value);
                setView((v) => ({ ...v, pageSize, offset: 0 }));
              }}
              data={pageSizes.map(String)}
              w={140}
            />
            <Group gap="xs">
              <Button
                variant="default"
                disabled={view.offset === 0}
                onClick={() => setView((v) => ({ ...v, offset: Math.max(0, v.offset - v.pageSize) }))}
              >
                {texts.previous}
              </Button>
              <Button
                variant="default"
                disabled={view.offset + view.pageSize >= total}
                onClick={() => setView((v) => ({ ...v, offset: v.offset + v.pageSize }))}
              >
                {texts.next}
              </Button>
            </Group>
          </Group>
        </>
      )}
    </Stack>
  );
}

function Counts({ counts, unfiltered }: { counts: SexCounts; unfiltered: SexCounts }) {
  const filtered = counts.total !== unfiltered.total;
  return (
    <section aria-label={texts.counts}>
      <dl data-counts style={{ display: "flex", gap: "1rem", flexWrap: "wrap", margin: 0 }}>
        {(
          [
            ["total", texts.total, counts.total],
            ["women", texts.women, counts.women],
            ["men", texts.men, counts.men],
          ] as const
        ).map(([key, label, value]) => (
          <Paper key={key} withBorder px="lg" py="xs" miw={130}>
            <Text component="dt" fz="sm" fw={500}>
              {label}
            </Text>
            <Text component="dd" fz={28} fw={700} m={0} data-count={key}>
              {value}
            </Text>
          </Paper>
        ))}
      </dl>
      {filtered && (
        <Text fz="sm" mt={4}>
          {texts.ofAll(unfiltered)}
        </Text>
      )}
    </section>
  );
}

function ExportButtons({
  filterQuery,
  hidePersonal,
}: {
  filterQuery: Record<string, string>;
  hidePersonal: boolean;
}) {
  return (
    <DownloadButtons
      formats={texts.export}
      labelOf={texts.exportLabel}
      note={hidePersonal ? texts.exportNoteHidden : texts.exportNote}
      noteWidth={380}
      download={(format) => downloadUnitListExport(filterQuery, format, hidePersonal)}
    />
  );
}
