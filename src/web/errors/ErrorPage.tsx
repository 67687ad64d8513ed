/** The error boundary of the router: whatever failed while showing a page ends here. */
import { Anchor, Button, Container, Group, Stack, Text } from "@mantine/core";
import { useEffect } from "react";
import { isRouteErrorResponse, Link, useRouteError } from "react-router";
import { ApiError } from "../api/client.ts";
import { PageTitle } from "../components/PageTitle.tsx";
import { NotFoundPage } from "./NotFoundPage.tsx";

const texts = {
  title: "Något gick fel",
  body: "Sidan kunde inte visas. Försök igen; om felet kvarstår, kontakta supporten och berätta vad du gjorde.",
  retry: "Ladda om sidan",
  home: "Till startsidan",
};

export function ErrorPage({ standalone = false }: { standalone?: boolean }) {
  const error = useRouteError();
  useEffect(() => console.error(error), [error]);
  const notFound =
    (isRouteErrorResponse(error) && error.status === 404) ||
    (error instanceof ApiError && error.status === 404);
  const content = notFound ? (
    <NotFoundPage />
  ) : (
    <Stack gap="md">
      <PageTitle title={texts.title} />
      <Text>{error instanceof ApiError ? error.message : texts.body}</Text>
      <Group>
        <Button onClick={() => window.location.reload()}>{texts.retry}</Button>
        <Anchor component={Link} to="/">
          {texts.home}
        </Anchor>
      </Group>
    </Stack>
  );
  if (!standalone) return content;
  return (
    <Container size="sm" component="main" py="xl">
      {content}
    </Container>
  );
}
