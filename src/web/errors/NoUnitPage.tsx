/** The user works on no unit: either has no assignment at all, or has to pick one. */
import { Stack, Text } from "@mantine/core";
import type { Me } from "../api/types.ts";
import { UnitChoiceList } from "../app/UnitSwitcher.tsx";
import { PageTitle } from "../components/PageTitle.tsx";

const texts = {
  title: "Ingen vårdenhet vald",
  noAssignmentTitle: "Inget medarbetaruppdrag",
  choose: "Välj vilken vårdenhet du arbetar på. Du ser bara den enhetens patienter.",
  noAssignment:
    "Du har inget medarbetaruppdrag på någon vårdenhet just nu. Kontakta din enhetschef eller systemadministratören om du behöver ett.",
};

export function NoUnitPage({ me }: { me: Me }) {
  return (
    <Stack gap="md" maw={560}>
      <PageTitle title={me.units.length > 0 ? texts.title : texts.noAssignmentTitle} />
      {me.units.length > 0 ? (
        <>
          <Text>{texts.choose}</Text>
          <UnitChoiceList me={me} />
        </>
      ) : (
        <Text>{texts.noAssignment}</Text>
      )}
    </Stack>
  );
}
