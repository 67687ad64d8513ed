/** The role → capability policy with the justification of each grant (read-only). */
import { NativeSelect, Stack, Table, Text, Title } from "@mantine/core";
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
  rulesTitle: "Vem får ge vilka roller",
  rulesIntro: "Ingen får ge, ändra eller ta bort sina egna uppdrag eller inloggningsuppgifter.",
  rulesCaption: "Regler för att ge roller",
  holder: "Den som har behörigheten",
  where: "Var",
  scopeUnit: "Den egna enheten",
  scopeRegion: "Alla enheter i regionen",
  roles: "Får ge rollerna",
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
      {policy.data && <AssignmentRules policy={policy.data} />}
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

/** Separation of duties: which capability lets its holder give which roles, and where. */
function AssignmentRules({ policy }: { policy: Policy }) {
  const capabilityLabel = new Map(policy.capabilities.map((c) => [c.id, c.label]));
  const roleLabel = new Map(policy.roles.map((r) => [r.id, r.label]));
  return (
    <Stack gap="xs" component="section" aria-labelledby="assignment-rules-title">
      <Title order={2} size="h3" id="assignment-rules-title">
        {texts.rulesTitle}
      </Title>
      <Text maw={720}>{texts.rulesIntro}</Text>
      <Table.ScrollContainer minWidth={720}>
        <Table withTableBorder withColumnBorders>
          <Table.Caption className="visually-hidden">{texts.rulesCaption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{texts.holder}</Table.Th>
              <Table.Th scope="col">{texts.where}</Table.Th>
              <Table.Th scope="col">{texts.roles}</Table.Th>
              <Table.Th scope="col">{texts.justification}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {policy.assignmentRules.map((rule) => (
              <Table.Tr key={rule.by}>
                <Table.Th scope="row">{capabilityLabel.get(rule.by) ?? rule.by}</Table.Th>
                <Table.Td>{rule.scope === "region" ? texts.scopeRegion : texts.scopeUnit}</Table.Td>
                <Table.Td>{rule.roles.map((r) => roleLabel.get(r) ?? r).join(", ")}</Table.Td>
                <Table.Td>{rule.justification}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
