/** The pages and who may see them. Paths are Swedish and never carry patient data. */
import { createBrowserRouter, Outlet } from "react-router";
import { AdminIndex, AdminLayout } from "../admin/AdminLayout.tsx";
import { CertificatePage } from "../certificates/CertificatePage.tsx";
import { PolicyPage } from "../admin/PolicyPage.tsx";
import { UnitsPage } from "../admin/UnitsPage.tsx";
import { UsersPage } from "../admin/UsersPage.tsx";
import { LoginPage } from "../auth/LoginPage.tsx";
import { SjukfallSettingsPage } from "../cases/SjukfallSettingsPage.tsx";
import { SamtalPage } from "../coordination/SamtalPage.tsx";
import { ErrorPage } from "../errors/ErrorPage.tsx";
import { ImportPage } from "../imports/ImportPage.tsx";
import { NotFoundPage } from "../errors/NotFoundPage.tsx";
import { NewPatientPage } from "../patients/NewPatientPage.tsx";
import { PatientPage } from "../patients/PatientPage.tsx";
import { PatientSearchPage } from "../patients/PatientSearchPage.tsx";
import { RequireCapability, RequireSession } from "./guards.tsx";
import { Layout } from "./Layout.tsx";
import { StartPage } from "./StartPage.tsx";
import { AktualiseringPage } from "../tasks/AktualiseringPage.tsx";
import { TasksPage } from "../tasks/TasksPage.tsx";
import { SjukfallPage } from "../worklist/SjukfallPage.tsx";
import { GenomgangPage } from "../review/GenomgangPage.tsx";
import { IncidentPage } from "../audit/IncidentPage.tsx";

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
              element: <Outlet />,
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
                  path: "patienter/:id/kartlaggning/:samtalId",
                  element: (
                    <RequireCapability anyOf={["coordination.read"]}>
                      <SamtalPage />
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
                    <RequireCapability anyOf={["certificate.import"]}>
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
