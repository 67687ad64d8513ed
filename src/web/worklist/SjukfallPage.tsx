/**
 * Pågående sjukfall (PRODUCT §5.3): the unit's ongoing cases for the rehabkoordinator, a doctor's
 * own cases for the doctor. A working surface at full width: counts split total / kvinnor / män in
 * the heading row, one summary line (free text, "N av M visas", the active filters as removable
 * chips) with the filter panel folded away, and compact rows under sticky headers. Sorting,
 * filtering and paging are done by the server; the browser draws one page at a time.
 */
import { Anchor, Button, Group, Stack, Switch, Text } from "@mantine/core";
import { useCallback, useId, useMemo, useState } from "react";
import { Link } from "react-router";
import { can, useSession } from "../app/session.tsx";
import {
  downloadUnitListExport,
  useUnitDoctors,
  useUnitList,
  type ExportFormat,
  type SortColumn,
} from "../api/worklist.ts";
import { DownloadButtons } from "../components/DownloadButtons.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { useColumnHelp } from "./ColumnHelp.tsx";
import { useColumns } from "./ColumnChooser.tsx";
import { FilterPanel } from "./FilterPanel.tsx";
import { FilterSummary } from "./FilterSummary.tsx";
import { emptyFilter, filterChips, nextSort, toQuery } from "./filters.ts";
import { UnitListTable } from "./UnitListTable.tsx";
import { Counts, Pager } from "./ListParts.tsx";
import { useListView } from "./viewState.ts";

const texts = {
  unitTitle: "Pågående sjukfall",
  ownTitle: "Mina pågående sjukfall",
  unitIntro: "Enhetens alla pågående sjukfall i dag.",
  ownIntro: "Sjukfall där du har signerat det senaste intyget.",
  loading: "Hämtar sjukfallen …",
  hidePersonal: "Dölj personuppgifter",
  hidePersonalHint: "För delad skärm: namn och personnummer döljs i tabellen.",
  export: { csv: "CSV", xlsx: "Excel", pdf: "PDF" } as Record<ExportFormat, string>,
  exportOpen: "Exportera",
  exportLabel: (f: string) => `Exportera ${f}`,
  exportNote: "Exporten innehåller personuppgifter och filtren som gäller nu. Varje export loggas.",
  exportNoteHidden:
    "Exporten innehåller filtren som gäller nu men inte namn och personnummer. Varje export loggas.",
  review: "Genomgång av pågående sjukskrivningar",
};

export function SjukfallPage() {
  const me = useSession();
  const unitScope = can(me, "cases.list");
  const { view, setView, changeFilter } = useListView(`${me.user.id}:${me.unit?.id ?? ""}`);
  const { columns, chooser } = useColumns();
  const help = useColumnHelp();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  // Moves when filters are cleared from the summary line: the typed fields restart their drafts.
  const [generation, setGeneration] = useState(0);
  const filterPanelId = useId();
  const exportId = useId();
  const query = useMemo(
    () => ({ ...toQuery(view.filter, view.sort), limit: String(view.pageSize), offset: String(view.offset) }),
    [view.filter, view.sort, view.pageSize, view.offset],
  );
  const list = useUnitList(query);
  const doctors = useUnitDoctors(unitScope);
  const data = list.data;
  const chips = useMemo(
    () => filterChips(view.filter, (id) => doctors.data?.find((d) => d.id === id)?.name),
    [view.filter, doctors.data],
  );

  const onSort = useCallback(
    (column: SortColumn) => setView((v) => ({ ...v, sort: nextSort(v.sort, column), offset: 0 })),
    [setView],
  );
  const onRemove = useCallback(
    (patch: Parameters<typeof changeFilter>[0]) => {
      setGeneration((g) => g + 1);
      changeFilter(patch);
    },
    [changeFilter],
  );
  const onClear = useCallback(() => onRemove(emptyFilter), [onRemove]);
  const total = data?.counts.total ?? 0;

  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <div>
          <PageTitle title={unitScope ? texts.unitTitle : texts.ownTitle} />
          <Text mt={-12} fz="sm">
            {unitScope ? texts.unitIntro : texts.ownIntro}{" "}
            <Anchor component={Link} to="/genomgang" fz="sm">
              {texts.review}
            </Anchor>
          </Text>
        </div>
        {data && <Counts counts={data.counts} unfiltered={data.unfiltered} />}
      </Group>

      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <FilterSummary
          panelId={filterPanelId}
          open={filtersOpen}
          onToggle={() => setFiltersOpen((o) => !o)}
          chips={chips}
          filter={view.filter}
          onChange={onRemove}
          onApplyText={changeFilter}
          onClear={onClear}
          generation={generation}
          counts={data ? { shown: total, of: data.unfiltered.total } : null}
          fetching={list.isFetching}
        />
        <Group align="flex-end" gap="sm">
          <Switch
            label={texts.hidePersonal}
            title={texts.hidePersonalHint}
            checked={view.hidePersonal}
            onChange={(e) => {
              const hidePersonal = e.currentTarget.checked;
              setView((v) => ({ ...v, hidePersonal }));
            }}
            mb={8}
          />
          {help.button}
          {chooser}
          <Button
            variant="default"
            size="sm"
            onClick={() => setExportOpen((o) => !o)}
            aria-expanded={exportOpen}
            aria-controls={exportOpen ? exportId : undefined}
          >
            {texts.exportOpen}
          </Button>
        </Group>
      </Group>

      {filtersOpen && (
        <FilterPanel
          id={filterPanelId}
          filter={view.filter}
          onChange={changeFilter}
          generation={generation}
          doctors={unitScope ? (doctors.data ?? []) : null}
        />
      )}
      {help.panel}
      {exportOpen && (
        <div id={exportId}>
          <DownloadButtons
            formats={texts.export}
            labelOf={texts.exportLabel}
            note={view.hidePersonal ? texts.exportNoteHidden : texts.exportNote}
            noteWidth={520}
            download={(format) =>
              downloadUnitListExport(toQuery(view.filter, view.sort), format, view.hidePersonal)
            }
          />
        </div>
      )}

      {list.isPending && <Loading label={texts.loading} />}
      {list.isError && <ErrorAlert error={list.error} />}
      {data && data.rows.length > 0 && (
        <UnitListTable
          rows={data.rows}
          columns={columns}
          sort={view.sort}
          onSort={onSort}
          hidePersonal={view.hidePersonal}
          offset={data.offset}
          total={total}
          canSetStatus={can(me, "coordination.write")}
        />
      )}
      {data && total > 0 && (
        <Pager
          offset={data.offset}
          shown={data.rows.length}
          total={total}
          pageSize={view.pageSize}
          onPage={(offset, pageSize) => setView((v) => ({ ...v, offset, pageSize }))}
        />
      )}
    </Stack>
  );
}
