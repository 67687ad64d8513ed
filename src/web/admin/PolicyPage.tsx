/** The role → capability policy with the justification of each grant (read-only). */
import { NativeSelect, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { usePolicy } from "../api/org.ts";
import type { Policy } from "../api/types.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageTitle } from "../components/PageTitle.tsx";

const texts = {
  title: "Behörighetspolicy",
  intro:
    "Vad varje roll får göra på en vårdenhet, och varför. Behörighet följer behov, inte titel; policyn kan granskas av alla.",
  filter: "Visa roll",
  allRoles: "Alla roller",
  caption: "Roller, behörigheter och motiveringar",
  role: "Roll",
  capability: "Behörighet",
  justification: "Motivering",
  loading: "Hämtar policyn …",
};

export function PolicyPage() {
  const policy = usePolicy();
  return (
    <Stack gap="md">
      <PageTitle title={texts.title} />
      <Text maw={720}>{texts.intro}</Text>
      {policy.isPending && <Loading label={texts.loading} />}
      {policy.isError && <ErrorAlert error={policy.error} />}
      {policy.data && <PolicyTable policy={policy.data} />}
    </Stack>
  );
}

function PolicyTable({ policy }: { policy: Policy }) {
  const [role, setRole] = useState("");
  const capabilityLabel = new Map(policy.capabilities.map((c) => [c.id, c.label]));
  const shownRoles = policy.roles.filter((r) => !role || r.id === role);

  return (
    <>
      <NativeSelect
        label={texts.filter}
        value={role}
        onChange={(event) => setRole(event.currentTarget.value)}
        data={[
          { value: "", label: texts.allRoles },
          ...policy.roles.map((r) => ({ value: r.id, label: r.label })),
        ]}
        maw={360}
      />
      <Table.ScrollContainer minWidth={720}>
        <Table withTableBorder withColumnBorders highlightOnHover={false} className="grouped-table">
          <Table.Caption className="visually-hidden">{texts.caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{texts.role}</Table.Th>
              <Table.Th scope="col">{texts.capability}</Table.Th>
              <Table.Th scope="col">{texts.justification}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          {/* One row group per role: the role is said once, as the header of its group. */}
          {shownRoles.map((r) => {
            const ofRole = policy.grants.filter((grant) => grant.role === r.id);
            return (
              <Table.Tbody key={r.id}>
                {ofRole.map((grant, index) => (
                  <Table.Tr key={grant.capability}>
                    {index === 0 && (
                      <Table.Th scope="rowgroup" rowSpan={ofRole.length} style={{ verticalAlign: "top" }}>
                        {r.label}
                      </Table.Th>
                    )}
                    <Table.Td>{capabilityLabel.get(grant.capability) ?? grant.capability}</Table.Td>
                    <Table.Td>{grant.justification}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            );
          })}
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
