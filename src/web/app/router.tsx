/** The pages and who may see them. Paths are Swedish and never carry patient data. */
import { lazy, Suspense, type ComponentType } from "react";
import { Center } from "@mantine/core";
import { createBrowserRouter, Outlet } from "react-router";
// The start page links to the admin sections: the admin shell stays in the first chunk.
import { AdminIndex, AdminLayout } from "../admin/AdminLayout.tsx";
import { LoginPage } from "../auth/LoginPage.tsx";
import { ErrorPage } from "../errors/ErrorPage.tsx";
import { NotFoundPage } from "../errors/NotFoundPage.tsx";
import { Loading } from "../components/Loading.tsx";
import { RequireCapability, RequireSession } from "./guards.tsx";
import { Layout } from "./Layout.tsx";
import { StartPage } from "./StartPage.tsx";

/**
 * Each page area is its own chunk, loaded when first visited: the first page needs only the shell
 * (login, layout, start page), not every screen of the app.
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const CertificatePage = page(() => import("../certificates/CertificatePage.tsx"), "CertificatePage");
const PolicyPage = page(() => import("../admin/PolicyPage.tsx"), "PolicyPage");
const UnitsPage = page(() => import("../admin/UnitsPage.tsx"), "UnitsPage");
const UsersPage = page(() => import("../admin/UsersPage.tsx"), "UsersPage");
const SjukfallSettingsPage = page(() => import("../cases/SjukfallSettingsPage.tsx"), "SjukfallSettingsPage");
const SamtalPage = page(() => import("../coordination/SamtalPage.tsx"), "SamtalPage");
const PatientDocumentPage = page(() => import("../rehabplan/PatientDocumentPage.tsx"), "PatientDocumentPage");
const ImportPage = page(() => import("../imports/ImportPage.tsx"), "ImportPage");
const NewPatientPage = page(() => import("../patients/NewPatientPage.tsx"), "NewPatientPage");
const PatientPage = page(() => import("../patients/PatientPage.tsx"), "PatientPage");
const PatientSearchPage = page(() => import("../patients/PatientSearchPage.tsx"), "PatientSearchPage");
const AktualiseringPage = page(() => import("../tasks/AktualiseringPage.tsx"), "AktualiseringPage");
const TasksPage = page(() => import("../tasks/TasksPage.tsx"), "TasksPage");
const SjukfallPage = page(() => import("../worklist/SjukfallPage.tsx"), "SjukfallPage");
const GenomgangPage = page(() => import("../review/GenomgangPage.tsx"), "GenomgangPage");
const IncidentPage = page(() => import("../audit/IncidentPage.tsx"), "IncidentPage");
const StatisticsPage = page(() => import("../statistics/StatisticsPage.tsx"), "StatisticsPage");
const UnderlagQueuePage = page(() => import("../underlag/UnderlagQueuePage.tsx"), "UnderlagQueuePage");
const TraceabilityPage = page(() => import("../traceability/TraceabilityPage.tsx"), "TraceabilityPage");
const TeamPage = page(() => import("../team/TeamPage.tsx"), "TeamPage");
const MeetingPage = page(() => import("../team/MeetingPage.tsx"), "MeetingPage");
const RoutinesPage = page(() => import("../routines/RoutinesPage.tsx"), "RoutinesPage");
const RoutinePage = page(() => import("../routines/RoutinePage.tsx"), "RoutinePage");
const DeviationsPage = page(() => import("../deviations/DeviationsPage.tsx"), "DeviationsPage");
const DeviationPage = page(() => import("../deviations/DeviationPage.tsx"), "DeviationPage");

/** While a page's code loads: announced as a status (a bare Loader's aria-label on a span is not). */
function PageLoading() {
  return (
    <Center py="xl">
      <Loading label="Sidan laddas …" />
    </Center>
  );
}

export function createRouter() {
  return createBrowserRouter([
    {
      errorElement: <ErrorPage standalone />,
      children: [
        { path: "/logga-in", element: <LoginPage /> },
        {
          element: (
            <RequireSession>
              <Layout />
            </RequireSession>
          ),
          children: [
            {
              // Inside the shell, so the header and navigation stay when a page fails.
              errorElement: <ErrorPage />,
              element: (
                <Suspense fallback={<PageLoading />}>
                  <Outlet />
                </Suspense>
              ),
              children: [
                { index: true, element: <StartPage /> },
                {
                  path: "patienter",
                  element: (
                    <RequireCapability anyOf={["patient.search"]}>
                      <PatientSearchPage />
                    </RequireCapability>
                  ),
                },
                {
                  path: "patienter/ny",
                  element: (
                    <RequireCapability anyOf={["patient.write"]}>
                      <NewPatientPage />
                    </RequireCapability>
                  ),
                },
                {
                  path: "installningar/sjukfall",
                  element: (
                    <RequireCapability anyOf={["patient.read", "unit.users"]}>
                      <SjukfallSettingsPage />
                    </RequireCapability>
                  ),
                },
                {
                  path: "patienter/:id",
                  element: (
                    <RequireCapability anyOf={["patient.read", "audit.review", "patient.log-extract"]}>
                      <PatientPage />
                    </RequireCapability>
                  ),
                },
                {
                  path: "sparbarhet",
                  element: (
                    <RequireCapability anyOf={["traceability.read"]}>
                      <TraceabilityPage />
                    </RequireCapability>
                  ),
                },
                {
                  path: "underlag",
                  element: (
                    <RequireCapability anyOf={["underlag.read"]}>
                      <UnderlagQueuePage />
                    </RequireCapability>
                  ),
                },
                {
                  path: "patienter/:id/kartlaggning/:samtalId",
                  element: (
                    <RequireCapability anyOf={["coordination.read"]}>
                      <SamtalPage />
                    </RequireCapability>
                  ),
                },
                {
                  path: "patienter/:id/rehabplan/:planId/patientversion",
                  element: (
                    <RequireCapability anyOf={["patientinfo.handout"]}>
                      <PatientDocumentPage />
                    </RequireCapability>
                  ),
                },
                {
                  path: "patienter/:id/broschyr",
                  element: (
                    <RequireCapability anyOf={["patientinfo.handout"]}>
                      <PatientDocumentPage />
                    </RequireCapability>
                  ),
                },
                {
                  path: "intyg/:id",
                  element: (
                    <RequireCapability anyOf={["patient.read"]}>
                      <CertificatePage />
                    </RequireCapability>
                  ),
                },
                {
                  path: "incidentutredning",
                  element: (
                    <RequireCapability anyOf={["audit.review"]}>
                      <IncidentPage />
                    </RequireCapability>
                  ),
                },
                {
                  path: "sjukfall",
                  element: (
                    <RequireCapability anyOf={["cases.list", "cases.list-own"]}>
                      <SjukfallPage />
                    </RequireCapability>
                  ),
                },
                {
                  path: "statistik",
                  element: (
                    <RequireCapability anyOf={["statistics.unit", "statistics.region"]}>
                      <StatisticsPage />
                    </RequireCapability>
                  ),
                },
                {
                  path: "rutiner",
                  element: (
                    <RequireCapability anyOf={["routine.read"]}>
                      <RoutinesPage />
                    </RequireCapability>
                  ),
                },
                {
                  path: "rutiner/:id",
                  element: (
                    <RequireCapability anyOf={["routine.read"]}>
                      <RoutinePage />
                    </RequireCapability>
                  ),
                },
                {
                  path: "avvikelser",
                  element: (
                    <RequireCapability anyOf={["deviation.report"]}>
                      <DeviationsPage />
                    </RequireCapability>
                  ),
                },
                {
                  path: "avvikelser/:id",
                  element: (
                    <RequireCapability anyOf={["deviation.report"]}>
                      <DeviationPage />
                    </RequireCapability>
                  ),
                },
                {
                  path: "uppgifter",
                  element: (
                    <RequireCapability anyOf={["task.work", "task.unit"]}>
                      <TasksPage />
                    </RequireCapability>
                  ),
                },
                {
                  path: "aktualisering",
                  element: (
                    <RequireCapability anyOf={["task.unit"]}>
                      <AktualiseringPage />
                    </RequireCapability>
                  ),
                },
                {
                  path: "team",
                  element: (
                    <RequireCapability anyOf={["team.overview"]}>
                      <TeamPage />
                    </RequireCapability>
                  ),
                },
                {
                  path: "team/moten/:id",
                  element: (
                    <RequireCapability anyOf={["team.read"]}>
                      <MeetingPage />
                    </RequireCapability>
                  ),
                },
                {
                  path: "genomgang",
                  element: (
                    <RequireCapability anyOf={["review.run", "review.unit", "handover.manage"]}>
                      <GenomgangPage />
                    </RequireCapability>
                  ),
                },
                {
                  path: "import",
                  element: (
                    <RequireCapability anyOf={["certificate.import", "population.import"]}>
                      <ImportPage />
                    </RequireCapability>
                  ),
                },
                {
                  path: "administration",
                  element: <AdminLayout />,
                  children: [
                    { index: true, element: <AdminIndex /> },
                    {
                      path: "enheter",
                      element: (
                        <RequireCapability anyOf={["region.units"]}>
                          <UnitsPage />
                        </RequireCapability>
                      ),
                    },
                    {
                      path: "anvandare",
                      element: (
                        <RequireCapability anyOf={["region.users", "unit.users"]}>
                          <UsersPage />
                        </RequireCapability>
                      ),
                    },
                    {
                      path: "behorigheter",
                      element: (
                        <RequireCapability anyOf={["policy.read"]}>
                          <PolicyPage />
                        </RequireCapability>
                      ),
                    },
                  ],
                },
                { path: "*", element: <NotFoundPage /> },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
