/** A page that does not exist (or a patient of another unit: the server does not say which). */
import { Anchor, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { PageTitle } from "../components/PageTitle.tsx";

const texts = {
  title: "Sidan finns inte",
  body: "Sidan du försökte nå finns inte, eller så har du inte tillgång till den på den här vårdenheten.",
  home: "Till startsidan",
};

export function NotFoundPage({ title = texts.title, body = texts.body }: { title?: string; body?: string }) {
  return (
    <Stack gap="md">
      <PageTitle title={title} />
      <Text>{body}</Text>
      <Anchor component={Link} to="/">
        {texts.home}
      </Anchor>
    </Stack>
  );
}
