/**
 * "/": a doctor starts on their open ärenden from Försäkringskassan; other roles go to the first
 * area their role opens.
 */
import { Anchor, Stack, Text } from "@mantine/core";
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
  if (can(me, "patient.search")) return <Navigate to="/patienter" replace />;
  if (adminSections(me).length > 0) return <Navigate to="/administration" replace />;
  return (
    <Stack>
      <PageTitle title={texts.title} />
      <Text>{texts.nothing}</Text>
    </Stack>
  );
}

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
