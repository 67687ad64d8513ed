/**
 * Which columns the unit list shows: the user's choice, saved on the server (per user, follows
 * them to any computer). The chooser is a disclosure with one checkbox per column.
 */
import { Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { useId, useState, type ReactNode } from "react";
import { useSaveWorklistColumns, useWorklistPreferences, type SortColumn } from "../api/worklist.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { columnLabels, columnOrder, defaultColumns, requiredColumns, shownColumns } from "./columns.ts";

const texts = {
  choose: "Välj kolumner",
  legend: "Kolumner i tabellen",
  required: "(visas alltid)",
  reset: "Standardkolumner",
  saving: "Sparar kolumnvalet …",
  saved: "Kolumnvalet är sparat.",
};

export function useColumns(): { columns: SortColumn[]; chooser: ReactNode } {
  const preferences = useWorklistPreferences();
  const save = useSaveWorklistColumns();
  const columns = shownColumns(save.isPending ? save.variables : preferences.data?.columns);
  return {
    columns,
    chooser: <ColumnChooser columns={columns} save={save} />,
  };
}

function ColumnChooser({
  columns,
  save,
}: {
  columns: SortColumn[];
  save: ReturnType<typeof useSaveWorklistColumns>;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const toggle = (column: SortColumn, on: boolean) => {
    const next = on ? [...columns, column] : columns.filter((c) => c !== column);
    save.mutate(columnOrder.filter((c) => next.includes(c)));
  };
  return (
    <Stack gap={4} pos="relative">
      <Button
        variant="default"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
      >
        {texts.choose}
      </Button>
      {open && (
        <Paper withBorder p="sm" maw={520} id={panelId}>
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" fw={600} fz="sm" mb={6}>
              {texts.legend}
            </Text>
            <SimpleGrid cols={2} spacing={6}>
              {columnOrder.map((column) => {
                const required = requiredColumns.includes(column);
                return (
                  <Checkbox
                    key={column}
                    label={required ? `${columnLabels[column]} ${texts.required}` : columnLabels[column]}
                    checked={columns.includes(column)}
                    disabled={required}
                    onChange={(e) => toggle(column, e.currentTarget.checked)}
                  />
                );
              })}
            </SimpleGrid>
          </fieldset>
          <Group justify="space-between" mt="sm">
            <Button
              variant="subtle"
              size="xs"
              onClick={() => save.mutate(null)}
              disabled={columns.join() === shownColumns(defaultColumns).join()}
            >
              {texts.reset}
            </Button>
            <Text role="status" fz="xs" aria-live="polite">
              {save.isPending ? texts.saving : save.isSuccess ? texts.saved : ""}
            </Text>
          </Group>
          {save.isError && <ErrorAlert error={save.error} />}
        </Paper>
      )}
    </Stack>
  );
}
