/** The rehabkoordinator's start: what it was before (the patient search) and the unit's situation below it. */
import { Stack } from "@mantine/core";
import { PatientSearchPage } from "../patients/PatientSearchPage.tsx";
import { UnitSituationPanel } from "./UnitSituationPanel.tsx";

export function CoordinatorStart() {
  return (
    <Stack gap="xl">
      <PatientSearchPage />
      <UnitSituationPanel />
    </Stack>
  );
}
