/**
 * "/": a doctor starts on their open ärenden from Försäkringskassan; the chief and the regional
 * analyst on the statistics overview; the rehabkoordinator on the patient search with the unit's
 * situation (women and men side by side) below it; other roles go to the first area their role
 * opens.
 */
import { Anchor, Stack, Text } from "@mantine/core";
import { lazy } from "react";
import { Link, Navigate } from "react-router";
import { adminSections } from "../admin/AdminLayout.tsx";
import { MyArendenSection } from "../arenden/MyArendenSection.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { MyTasksSection } from "../tasks/MyTasksSection.tsx";
import { can, useSession } from "./session.tsx";

const texts = {
  title: "Välkommen till Samsyn",
  doctorTitle: "Start",
  searchPatients: "Sök patient",
  nothing: "Din roll på den här vårdenheten ger ännu inte tillgång till någon del av Samsyn.",
};

export function StartPage() {
  const me = useSession();
  if (can(me, "arende.answer") && can(me, "certificate.sign")) return <DoctorStart />;
  const statistics = can(me, "statistics.unit", "statistics.region");
  if (statistics && (me.roles.includes("ENHETSCHEF") || me.roles.includes("REGIONANALYTIKER")))
    return <Navigate to="/statistik" replace />;
  if (statistics && me.roles.includes("REHABKOORDINATOR") && can(me, "patient.search"))
    return <CoordinatorStart />;
  if (can(me, "patient.search")) return <Navigate to="/patienter" replace />;
  if (adminSections(me).length > 0) return <Navigate to="/administration" replace />;
  return (
    <Stack>
      <PageTitle title={texts.title} />
      <Text>{texts.nothing}</Text>
    </Stack>
  );
}

// Its own chunk: the first page of other roles does not carry the search and the statistics.
const CoordinatorStart = lazy(() =>
  import("../statistics/CoordinatorStart.tsx").then((m) => ({ default: m.CoordinatorStart })),
);

function DoctorStart() {
  const me = useSession();
  return (
    <Stack gap="lg">
      <PageTitle title={texts.doctorTitle} />
      {can(me, "patient.search") && (
        <Anchor component={Link} to="/patienter" mt={-12}>
          {texts.searchPatients}
        </Anchor>
      )}
      {can(me, "task.work") && <MyTasksSection />}
      <MyArendenSection />
    </Stack>
  );
}
