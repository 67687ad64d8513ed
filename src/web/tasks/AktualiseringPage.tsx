/**
 * Aktualisering (PRODUCT §5.4, seed 000): every case longer than 30 days must end up decided. The
 * list is the unit's AKTUALISERA tasks; the decision itself is made on the patient page.
 */
import { Stack, Text } from "@mantine/core";
import { PageTitle } from "../components/PageTitle.tsx";
import { ScopeTasks } from "./TasksPage.tsx";

const texts = {
  title: "Aktualisering",
  intro:
    "Sjukfall som är längre än 30 dagar och ska bedömas för aktualisering i det multimodala teamet. " +
    "Öppna patienten och besluta: aktualisera i teamet, koordinera utan team eller ingen åtgärd. " +
    "När beslutet är sparat markeras uppgiften som klar.",
};

export function AktualiseringPage() {
  return (
    <Stack gap="md">
      <PageTitle title={texts.title} />
      <Text maw={760}>{texts.intro}</Text>
      <ScopeTasks scope="unit" kind="AKTUALISERA" />
    </Stack>
  );
}
