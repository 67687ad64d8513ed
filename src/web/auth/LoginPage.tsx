/** Login: local password (demo/embedded mode) and/or SITHS through the region's identity provider. */
import {
  Alert,
  Box,
  Button,
  Container,
  Divider,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useRef, useState, type FormEvent } from "react";
import { Navigate, useLocation } from "react-router";
import { pathAfterLogin, sessionEndReason, useAuthConfig, useLogin, useMe } from "../api/auth.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { FormErrorAlert } from "../components/FormErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageTitle } from "../components/PageTitle.tsx";

const texts = {
  title: "Logga in",
  product: "Samsyn",
  intro: "Samsyn stöder vårdcentralens arbete med sjukskrivning och rehabilitering.",
  username: "Användarnamn",
  password: "Lösenord",
  submit: "Logga in",
  siths: "Logga in med SITHS",
  sithsHint: "Med SITHS-kort eller Mobilt SITHS via regionens inloggningstjänst.",
  or: "eller",
  missingUsername: "Ange användarnamn.",
  missingPassword: "Ange lösenord.",
  failedTitle: "Inloggningen misslyckades",
  demoTitle: "Demoläge",
  demoHint:
    "Logga in med ett av demokontona, till exempel rehab1 (rehabkoordinator), lakare1a (läkare), chef1 (enhetschef) eller admin (systemadministratör). Lösenordet är samsyn-demo för alla konton.",
  loadingConfig: "Hämtar inloggningssätt …",
  expiredTitle: "Du har loggats ut",
  expired:
    "Din inloggning har upphört, till exempel för att du inte har gjort något i Samsyn på en stund. Logga in igen för att fortsätta där du var: det du inte hann spara finns kvar.",
};

/** Why the identity provider's login did not end in a session (`/logga-in?fel=…`). */
const loginProblems: Record<string, string> = {
  "okand-anvandare":
    "Du är inte upplagd som användare i Samsyn. Kontakta systemförvaltningen för att få behörighet.",
  oidc: "Inloggningen via regionens inloggningstjänst avbröts eller kunde inte slutföras. Försök igen.",
};

export function LoginPage() {
  const config = useAuthConfig();
  const me = useMe();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const problem = loginProblems[new URLSearchParams(location.search).get("fel") ?? ""];

  if (me.data) return <Navigate to={pathAfterLogin(me.data.user.id, from)} replace />;
  return (
    <Box bg="gray.0" mih="100vh">
      <Container size={460} component="main" py={48}>
        <Text fw={700} fz={28} c="blue.9" mb={4}>
          {texts.product}
        </Text>
        <Text mb="lg">{texts.intro}</Text>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <PageTitle title={texts.title} />
          {!problem && sessionEndReason() === "expired" && (
            <Alert role="status" color="blue" variant="light" title={texts.expiredTitle} mb="md">
              {texts.expired}
            </Alert>
          )}
          {problem && (
            <Alert role="alert" color="red" variant="light" title={texts.failedTitle} mb="md">
              {problem}
            </Alert>
          )}
          {config.isPending && <Loading label={texts.loadingConfig} />}
          {config.isError && <ErrorAlert error={config.error} />}
          {config.data && (
            <Stack gap="lg">
              {config.data.passwordLogin && <PasswordLoginForm />}
              {config.data.passwordLogin && config.data.oidc && <Divider label={texts.or} />}
              {config.data.oidc && (
                <Stack gap={4}>
                  <Button component="a" href="/api/auth/oidc/start" variant="outline" fullWidth>
                    {texts.siths}
                  </Button>
                  <Text fz="sm">{texts.sithsHint}</Text>
                </Stack>
              )}
            </Stack>
          )}
        </Paper>
        {config.data?.mode === "demo" && (
          <Alert role="note" color="blue" variant="light" title={texts.demoTitle} mt="lg">
            {texts.demoHint}
          </Alert>
        )}
      </Container>
    </Box>
  );
}

function PasswordLoginForm() {
  const login = useLogin();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [missing, setMissing] = useState<{ username?: string; password?: string }>({});
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problems = {
      username: username.trim() ? undefined : texts.missingUsername,
      password: password ? undefined : texts.missingPassword,
    };
    setMissing(problems);
    if (problems.username) return usernameRef.current?.focus();
    if (problems.password) return passwordRef.current?.focus();
    // On success the page sees the session and goes on to where the user was headed.
    login.mutate({ username: username.trim(), password }, { onError: () => setPassword("") });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        {/* Missing fields take the focus themselves: the alert is the server's refusal only. */}
        <FormErrorAlert error={login.error} title={texts.failedTitle} />
        <TextInput
          ref={usernameRef}
          label={texts.username}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={username}
          onChange={(event) => setUsername(event.currentTarget.value)}
          error={missing.username}
        />
        <PasswordInput
          ref={passwordRef}
          label={texts.password}
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={missing.password}
        />
        <Button type="submit" loading={login.isPending} fullWidth>
          {texts.submit}
        </Button>
      </Stack>
    </form>
  );
}
