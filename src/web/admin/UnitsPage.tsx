/** Vårdenheter: the region's units, create and change (capability region.units). */
import { Button, Group, Modal, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useUnits } from "../api/org.ts";
import type { Unit } from "../api/types.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { UnitForm } from "./UnitForm.tsx";

const texts = {
  title: "Vårdenheter",
  intro: "Regionens vårdenheter (hälsocentraler). Ändringar loggas.",
  create: "Ny vårdenhet",
  createTitle: "Ny vårdenhet",
  editTitle: (name: string) => `Ändra ${name}`,
  edit: "Ändra",
  editLabel: (name: string) => `Ändra ${name}`,
  loading: "Hämtar vårdenheter …",
  caption: "Vårdenheter",
  id: "Id",
  name: "Namn",
  address: "Adress",
  phone: "Telefon",
  status: "Status",
  active: "Aktiv",
  inactive: "Inaktiv",
  actions: "Åtgärder",
};

type Editing = { kind: "create" } | { kind: "edit"; unit: Unit } | null;

export function UnitsPage() {
  const units = useUnits();
  const [editing, setEditing] = useState<Editing>(null);
  const close = () => setEditing(null);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <PageTitle title={texts.title} />
        <Button onClick={() => setEditing({ kind: "create" })}>{texts.create}</Button>
      </Group>
      <Text>{texts.intro}</Text>
      {units.isPending && <Loading label={texts.loading} />}
      {units.isError && <ErrorAlert error={units.error} />}
      {units.data && <UnitsTable units={units.data} onEdit={(unit) => setEditing({ kind: "edit", unit })} />}
      <Modal
        opened={editing !== null}
        onClose={close}
        title={editing?.kind === "edit" ? texts.editTitle(editing.unit.name) : texts.createTitle}
        size="lg"
      >
        {editing && <UnitForm unit={editing.kind === "edit" ? editing.unit : null} onDone={close} />}
      </Modal>
    </Stack>
  );
}

function UnitsTable({ units, onEdit }: { units: Unit[]; onEdit: (unit: Unit) => void }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped withTableBorder>
        <Table.Caption className="visually-hidden">{texts.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{texts.id}</Table.Th>
            <Table.Th scope="col">{texts.name}</Table.Th>
            <Table.Th scope="col">{texts.address}</Table.Th>
            <Table.Th scope="col">{texts.phone}</Table.Th>
            <Table.Th scope="col">{texts.status}</Table.Th>
            <Table.Th scope="col">{texts.actions}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {units.map((unit) => (
            <Table.Tr key={unit.id}>
              <Table.Td ff="monospace">{unit.id}</Table.Td>
              <Table.Td>{unit.name}</Table.Td>
              <Table.Td>
                {unit.postalAddress}, {unit.postalCode} {unit.town}
              </Table.Td>
              <Table.Td>{unit.phone}</Table.Td>
              <Table.Td>{unit.active ? texts.active : <strong>{texts.inactive}</strong>}</Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="outline"
                  onClick={() => onEdit(unit)}
                  aria-label={texts.editLabel(unit.name)}
                >
                  {texts.edit}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
