/** The app shell: skip link, header (product, user, unit, logout), navigation, main content. */
import { Box, Button, Container, Group, Text } from "@mantine/core";
import { useEffect, useRef, type RefObject } from "react";
import { NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { useLogout } from "../api/auth.ts";
import type { Me } from "../api/types.ts";
import { NoUnitPage } from "../errors/NoUnitPage.tsx";
import { adminCapabilities, can, useSession } from "./session.tsx";
import { UnitSwitcher } from "./UnitSwitcher.tsx";
import { IdleWarning } from "./IdleWarning.tsx";

const texts = {
  skipLink: "Hoppa till huvudinnehåll",
  product: "Samsyn",
  productTagline: "Sjukskrivningsprocessen",
  loggedInAs: "Inloggad som",
  logout: "Logga ut",
  mainNav: "Huvudmeny",
  patients: "Patienter",
  sjukfall: "Pågående sjukfall",
  tasks: "Uppgifter",
  aktualisering: "Aktualisering",
  underlag: "Underlag",
  traceability: "Spårbarhet",
  team: "Team",
  genomgang: "Genomgång",
  import: "Importera intyg",
  importListning: "Importera listning",
  incident: "Incidentutredning",
  routines: "Rutiner",
  deviations: "Avvikelser",
  statistics: "Statistik",
  administration: "Administration",
};

const mainId = "huvudinnehall";

/** Working surfaces that use the whole screen width (a wide table), not the reading width. */
const fullWidthPages = ["/sjukfall"];
const fullWidth = (pathname: string) => fullWidthPages.includes(pathname);

export function Layout() {
  const me = useSession();
  const mainRef = useRef<HTMLDivElement>(null);
  const { pathname } = useLocation();
  useFocusOnNavigation(mainRef);

  return (
    <>
      <a className="skip-link" href={`#${mainId}`}>
        {texts.skipLink}
      </a>
      <IdleWarning me={me} />
      <Header me={me} />
      <MainNav me={me} />
      <Container
        size="lg"
        fluid={fullWidth(pathname)}
        component="main"
        id={mainId}
        ref={mainRef}
        tabIndex={-1}
        py="lg"
      >
        {me.unit ? <Outlet /> : <NoUnitPage me={me} />}
      </Container>
    </>
  );
}

function Header({ me }: { me: Me }) {
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <Box component="header" className="app-header">
      <Container size="lg" py="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
          <Box>
            <Text component={NavLink} to="/" fw={700} fz="xl" c="white" td="none">
              {texts.product}
            </Text>
            <Text fz="sm" c="white">
              {texts.productTagline}
            </Text>
          </Box>
          <Group align="flex-end" gap="lg" wrap="wrap">
            <Box>
              <Text fz="xs" c="white">
                {texts.loggedInAs}
              </Text>
              <Text fz="sm" fw={600} c="white">
                {me.user.displayName}
                {me.user.title ? `, ${me.user.title}` : ""}
              </Text>
            </Box>
            <UnitSwitcher me={me} />
            <Button
              variant="white"
              size="xs"
              loading={logout.isPending}
              onClick={() => logout.mutate(undefined, { onSettled: () => navigate("/logga-in") })}
            >
              {texts.logout}
            </Button>
          </Group>
        </Group>
      </Container>
    </Box>
  );
}

function MainNav({ me }: { me: Me }) {
  if (!me.unit) return null;
  const links = [
    { to: "/patienter", label: texts.patients, show: can(me, "patient.search") },
    { to: "/sjukfall", label: texts.sjukfall, show: can(me, "cases.list", "cases.list-own") },
    { to: "/uppgifter", label: texts.tasks, show: can(me, "task.work", "task.unit") },
    { to: "/aktualisering", label: texts.aktualisering, show: can(me, "task.unit") },
    { to: "/underlag", label: texts.underlag, show: can(me, "underlag.read") },
    { to: "/sparbarhet", label: texts.traceability, show: can(me, "traceability.read") },
    { to: "/team", label: texts.team, show: can(me, "team.overview") },
    {
      to: "/genomgang",
      label: texts.genomgang,
      show: can(me, "review.run", "review.unit", "handover.manage"),
    },
    {
      to: "/import",
      label: can(me, "certificate.import") ? texts.import : texts.importListning,
      show: can(me, "certificate.import", "population.import"),
    },
    { to: "/statistik", label: texts.statistics, show: can(me, "statistics.unit", "statistics.region") },
    { to: "/incidentutredning", label: texts.incident, show: can(me, "audit.review") },
    { to: "/rutiner", label: texts.routines, show: can(me, "routine.read") },
    { to: "/avvikelser", label: texts.deviations, show: can(me, "deviation.report") },
    { to: "/administration", label: texts.administration, show: can(me, ...adminCapabilities) },
  ].filter((link) => link.show);
  if (links.length === 0) return null;
  return (
    <nav aria-label={texts.mainNav} className="app-nav">
      <Container size="lg">
        <Group gap={0} component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {links.map((link) => (
            <li key={link.to}>
              <NavLink to={link.to}>{link.label}</NavLink>
            </li>
          ))}
        </Group>
      </Container>
    </nav>
  );
}

/** After moving to another page, put focus on its heading, as a page load would for screen readers. */
function useFocusOnNavigation(mainRef: RefObject<HTMLDivElement | null>) {
  const { pathname } = useLocation();
  // The page the shell first showed keeps the browser's own focus handling.
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    const heading = mainRef.current?.querySelector<HTMLElement>("[data-page-title]");
    (heading ?? mainRef.current)?.focus();
  }, [pathname, mainRef]);
}
