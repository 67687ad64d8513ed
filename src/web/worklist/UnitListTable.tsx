/**
 * The unit list table: sortable column headers (aria-sort on the sorted one) that stay in view while
 * the compact rows scroll under them, one row per case, the patient's name links to the patient
 * page, and the risk score opens a row listing each flag with the facts that raised it. Rows are
 * memoised: typing in the filter does not redraw them.
 */
import { Anchor, Badge, Table, Text, UnstyledButton } from "@mantine/core";
import { memo, useState } from "react";
import { Link } from "react-router";
import { sysselsattningLabels } from "../../certificates/rules/labels.ts";
import type { SysselsattningType } from "../../certificates/rules/draft.ts";
import type { SortColumn, UnitListRow } from "../api/worklist.ts";
import { dateLabel, sexLabel } from "../format.ts";
import { teamStatuses } from "../../traceability/rules.ts";
import { columnLabels } from "./columns.ts";
import { CoordinatorStatusCell } from "./CoordinatorStatusCell.tsx";
import { RiskDetails } from "./RiskDetails.tsx";
import type { ListSort } from "./filters.ts";

const texts = {
  caption: (from: number, to: number, total: number) => `Pågående sjukfall, rad ${from}–${to} av ${total}`,
  hidden: "Dold",
  openPatient: (row: number) => `Öppna patienten på rad ${row}`,
  ongoing: "Pågående",
  ended: "Avslutat",
  noGrade: "–",
  openArenden: (n: number) => `${n} öppna`,
  noArenden: "Inga",
  riskNone: "Ingen",
  riskButton: (level: string, score: number) => `${level} (${score} p)`,
  fmbYes: (limit: number | null) => (limit ? `Ja (rek. högst ${limit} d)` : "Ja"),
  fmbNo: "Nej",
  noDoctor: "–",
  sortHint: "Sortera",
};

const levelLabels = { INGEN: "Ingen", LAG: "Låg", FORHOJD: "Förhöjd", HOG: "Hög" } as const;
// Text says the level; colour only repeats it (all shades meet 4.5:1 on white).
const levelColors = { INGEN: "gray.8", LAG: "gray.8", FORHOJD: "red.9", HOG: "red.9" } as const;

interface Props {
  rows: UnitListRow[];
  columns: SortColumn[];
  sort: ListSort;
  onSort: (column: SortColumn) => void;
  hidePersonal: boolean;
  offset: number;
  total: number;
  /** The rehabkoordinator sets the coordinator status in the row. */
  canSetStatus: boolean;
}

export const UnitListTable = memo(function UnitListTable(props: Props) {
  const { rows, columns, sort, onSort, hidePersonal, offset, total, canSetStatus } = props;
  return (
    <div className="unit-list-scroll">
      <Table striped stickyHeader verticalSpacing={2} horizontalSpacing="xs" fz="sm" data-unit-list>
        <Table.Caption className="visually-hidden">
          {texts.caption(rows.length ? offset + 1 : 0, offset + rows.length, total)}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <SortHeader key={column} column={column} sort={sort} onSort={onSort} />
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => (
            <CaseRow
              key={`${row.patientId}:${row.start}`}
              row={row}
              number={offset + index + 1}
              columns={columns}
              hidePersonal={hidePersonal}
              canSetStatus={canSetStatus}
            />
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
});

function SortHeader({
  column,
  sort,
  onSort,
}: {
  column: SortColumn;
  sort: ListSort;
  onSort: (column: SortColumn) => void;
}) {
  const active = sort.column === column;
  const arrow = active ? (sort.order === "asc" ? "▲" : "▼") : "↕";
  return (
    <Table.Th scope="col" aria-sort={active ? (sort.order === "asc" ? "ascending" : "descending") : "none"}>
      <UnstyledButton
        onClick={() => onSort(column)}
        fw={700}
        fz="sm"
        className="sort-button"
        data-sort-column={column}
      >
        {columnLabels[column]}{" "}
        <span aria-hidden="true" style={{ opacity: active ? 1 : 0.6 }}>
          {arrow}
        </span>
      </UnstyledButton>
    </Table.Th>
  );
}

const nowrap = new Set<SortColumn>(["personnummer", "start", "end", "grade", "arenden", "risk"]);

const sysselsattning = (codes: string[]) =>
  codes.map((c) => sysselsattningLabels[c as SysselsattningType] ?? c).join(", ");

const CaseRow = memo(function CaseRow({
  row,
  number,
  columns,
  hidePersonal,
  canSetStatus,
}: {
  row: UnitListRow;
  number: number;
  columns: SortColumn[];
  hidePersonal: boolean;
  canSetStatus: boolean;
}) {
  const [riskOpen, setRiskOpen] = useState(false);
  const detailsId = `risk-${number}`;

  const cell = (column: SortColumn) => {
    switch (column) {
      case "name":
        return (
          <Anchor
            component={Link}
            to={`/patienter/${row.patientId}`}
            fs={row.protectedIdentity ? "italic" : undefined}
            data-patient-link
          >
            {hidePersonal ? (
              <>
                {texts.hidden}
                <span className="visually-hidden">{` – ${texts.openPatient(number)}`}</span>
              </>
            ) : (
              row.name
            )}
          </Anchor>
        );
      case "personnummer":
        return hidePersonal ? texts.hidden : row.personnummer;
      case "age":
        return row.age;
      case "sex":
        return sexLabel(row.sex);
      case "status":
        return row.status === "ONGOING" ? texts.ongoing : texts.ended;
      case "diagnosis":
        // One line: the code, then the title cut with an ellipsis (whole in `title` and to readers).
        return (
          <span className="diagnosis-cell" title={row.diagnosisTitle ?? undefined}>
            <Text span fw={600} fz="sm">
              {row.diagnosis}
            </Text>
            {row.diagnosisTitle && ` ${row.diagnosisTitle}`}
          </span>
        );
      case "sysselsattning":
        return sysselsattning(row.sysselsattning);
      case "start":
        return dateLabel(row.start);
      case "end":
        return dateLabel(row.end);
      case "days":
        return row.days;
      case "dayInCase":
        return row.dayInCase;
      case "certificateCount":
        return row.certificateCount;
      case "grade":
        return row.currentGrade === null ? texts.noGrade : `${row.currentGrade} %`;
      case "arenden":
        return row.openArenden > 0 ? (
          <Text span fw={700} fz="sm">
            {texts.openArenden(row.openArenden)}
          </Text>
        ) : (
          texts.noArenden
        );
      case "risk":
        return row.risk.flags.length === 0 ? (
          texts.riskNone
        ) : (
          <UnstyledButton
            onClick={() => setRiskOpen((open) => !open)}
            aria-expanded={riskOpen}
            aria-controls={riskOpen ? detailsId : undefined}
            className="risk-button"
          >
            <Badge
              component="span"
              size="sm"
              color={levelColors[row.risk.level]}
              variant={row.risk.level === "HOG" ? "filled" : "outline"}
              maw="none"
              // The whole level and score, never an ellipsis: the table scrolls sideways instead.
              styles={{
                root: { cursor: "pointer", textTransform: "none", minWidth: "max-content" },
                label: { overflow: "visible", textOverflow: "clip" },
              }}
            >
              {texts.riskButton(levelLabels[row.risk.level], row.risk.score)}
            </Badge>
          </UnstyledButton>
        );
      case "fmb":
        return row.fmbExceeded ? texts.fmbYes(row.fmbLimitDays) : texts.fmbNo;
      case "doctor":
        return row.doctorName ?? texts.noDoctor;
      case "teamStatus":
        return row.teamStatus ? teamStatuses[row.teamStatus] : texts.noDoctor;
      case "coordinatorStatus":
        return <CoordinatorStatusCell row={row} number={number} editable={canSetStatus} />;
    }
  };

  return (
    <>
      <Table.Tr data-row={number}>
        {columns.map((column) => (
          <Table.Td
            key={column}
            data-column={column}
            style={nowrap.has(column) ? { whiteSpace: "nowrap" } : undefined}
          >
            {cell(column)}
          </Table.Td>
        ))}
      </Table.Tr>
      {riskOpen && <RiskDetails id={detailsId} row={row} number={number} colSpan={columns.length} />}
    </>
  );
});
