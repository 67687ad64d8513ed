/**
 * Someone else saved while the user was writing (409): what is saved now beside what the user has
 * written, field by field, and the two ways on. The user's text stays in the form until they choose.
 */
import { Alert, Button, Group, Table, Text } from "@mantine/core";
import type { Ref } from "react";

export interface ConflictRow {
  field: string;
  label: string;
  saved: string;
  mine: string;
}

const texts = {
  savedNow: "Sparat nu",
  mine: "Din version",
  keepMine: "Spara min version",
  useSaved: "Läs in den sparade versionen",
};

export function ConflictComparison(props: {
  title: string;
  body: string;
  /** Heading of the first column ("Fråga", "Uppgift"). */
  fieldHeader: string;
  rows: ConflictRow[];
  /** Shown instead of the table when nothing differs. */
  noDifferences: string;
  /** False when the saved version can no longer be changed (only reloading remains). */
  mayKeepMine?: boolean;
  onKeepMine: () => void;
  onUseSaved: () => void;
  busy: boolean;
  ref?: Ref<HTMLDivElement>;
}) {
  const { rows, mayKeepMine = true } = props;
  return (
    <Alert
      ref={props.ref}
      tabIndex={-1}
      role="alert"
      color="orange"
      variant="outline"
      title={props.title}
      styles={{ title: { color: "var(--mantine-color-black)", fontSize: "var(--mantine-font-size-md)" } }}
    >
      <Text fz="sm">{props.body}</Text>
      {rows.length === 0 ? (
        <Text fz="sm" mt="sm">
          {props.noDifferences}
        </Text>
      ) : (
        <Table mt="sm" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{props.fieldHeader}</Table.Th>
              <Table.Th scope="col">{texts.savedNow}</Table.Th>
              <Table.Th scope="col">{texts.mine}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.field}>
                <Table.Th scope="row">{row.label}</Table.Th>
                <Table.Td style={{ whiteSpace: "pre-line" }}>{row.saved}</Table.Td>
                <Table.Td style={{ whiteSpace: "pre-line" }} fw={600}>
                  {row.mine}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group mt="md">
        {mayKeepMine && (
          <Button onClick={props.onKeepMine} loading={props.busy}>
            {texts.keepMine}
          </Button>
        )}
        <Button variant="outline" onClick={props.onUseSaved}>
          {texts.useSaved}
        </Button>
      </Group>
    </Alert>
  );
}
