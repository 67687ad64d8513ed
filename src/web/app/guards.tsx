/** Route guards: pages inside the shell need a session; some also a capability. */
import { Container } from "@mantine/core";
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { useMe } from "../api/auth.ts";
import type { Capability } from "../api/types.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { ForbiddenPage } from "../errors/ForbiddenPage.tsx";
import { PatientSearchStateProvider } from "../patients/searchState.tsx";
import { can, SessionContext, useSession } from "./session.tsx";

const texts = {
  checking: "Kontrollerar inloggningen …",
};

export function RequireSession({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return (
      <Container component="main" py="xl">
        <Loading label={texts.checking} />
      </Container>
    );
  }
  if (me.isError) {
    return (
      <Container component="main" py="xl">
        <ErrorAlert error={me.error} />
      </Container>
    );
  }
  if (!me.data)
    return (
      <Navigate
        to="/logga-in"
        replace
        state={{ from: `${location.pathname}${location.search}${location.hash}` }}
      />
    );
  return (
    <SessionContext value={me.data}>
      {/* Keyed by user and unit: a new user or unit starts with an empty search. */}
      <PatientSearchStateProvider key={`${me.data.user.id}:${me.data.unit?.id ?? ""}`}>
        {children}
      </PatientSearchStateProvider>
    </SessionContext>
  );
}

export function RequireCapability({ anyOf, children }: { anyOf: Capability[]; children: ReactNode }) {
  const me = useSession();
  return can(me, ...anyOf) ? children : <ForbiddenPage />;
}
