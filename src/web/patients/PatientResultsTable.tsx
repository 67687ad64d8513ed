/** Search results: one row per patient, the name links to the patient page. */
import { Anchor, Table } from "@mantine/core";
import { Link } from "react-router";
import type { PatientSummary } from "../api/types.ts";
import { ageLabel, sexLabel } from "../format.ts";

const texts = {
  caption: "Sökresultat",
  personnummer: "Personnummer",
  name: "Namn",
  sex: "Kön",
  age: "Ålder",
  listed: "Listad här",
  yes: "Ja",
  no: "Nej",
};

export function PatientResultsTable({ patients }: { patients: PatientSummary[] }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped>
        <Table.Caption className="visually-hidden">{texts.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{texts.personnummer}</Table.Th>
            <Table.Th scope="col">{texts.name}</Table.Th>
            <Table.Th scope="col">{texts.sex}</Table.Th>
            <Table.Th scope="col">{texts.age}</Table.Th>
            <Table.Th scope="col">{texts.listed}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {patients.map((patient) => (
            <Table.Tr key={patient.id}>
              <Table.Td ff="monospace">{patient.personnummer}</Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/patienter/${patient.id}`}
                  fs={patient.protectedIdentity ? "italic" : undefined}
                  data-patient-link
                >
                  {patient.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{sexLabel(patient.sex)}</Table.Td>
              <Table.Td>{ageLabel(patient.age)}</Table.Td>
              <Table.Td>{patient.listed ? texts.yes : texts.no}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
