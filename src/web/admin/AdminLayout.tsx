/** Administration: the sections the user's capabilities open, each on its own page. */
import { Group } from "@mantine/core";
import { Navigate, NavLink, Outlet } from "react-router";
import type { Capability, Me } from "../api/types.ts";
import { can, useSession } from "../app/session.tsx";
import { ForbiddenPage } from "../errors/ForbiddenPage.tsx";

const texts = {
  nav: "Administration",
  units: "Vårdenheter",
  users: "Användare och uppdrag",
  policy: "Behörighetspolicy",
};

const sections: { to: string; label: string; anyOf: Capability[] }[] = [
  { to: "/administration/enheter", label: texts.units, anyOf: ["region.units"] },
  { to: "/administration/anvandare", label: texts.users, anyOf: ["region.users", "unit.users"] },
  { to: "/administration/behorigheter", label: texts.policy, anyOf: ["policy.read"] },
];

export function adminSections(me: Me) {
  return sections.filter((section) => can(me, ...section.anyOf));
}

export function AdminLayout() {
  const me = useSession();
  const available = adminSections(me);
  if (available.length === 0) return <ForbiddenPage />;
  return (
    <>
      {available.length > 1 && (
        <nav aria-label={texts.nav} className="sub-nav">
          <Group gap="lg" component="ul" mb="md" style={{ listStyle: "none", margin: 0, padding: 0 }}>
            {available.map((section) => (
              <li key={section.to}>
                <NavLink to={section.to}>{section.label}</NavLink>
              </li>
            ))}
          </Group>
        </nav>
      )}
      <Outlet />
    </>
  );
}

export function AdminIndex() {
  const me = useSession();
  const first = adminSections(me)[0];
  if (!first) return <ForbiddenPage />;
  return <Navigate to={first.to} replace />;
}
