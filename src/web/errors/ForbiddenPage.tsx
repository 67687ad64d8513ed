/** The user's roles on this unit do not give access to the page. */
import { Stack, Text } from "@mantine/core";
import { PageTitle } from "../components/PageTitle.tsx";

const texts = {
  title: "Ingen behörighet",
  body: "Din roll på den här vårdenheten ger inte tillgång till sidan. Byt vårdenhet om du har flera uppdrag.",
};

export function ForbiddenPage() {
  return (
    <Stack gap="md">
      <PageTitle title={texts.title} />
      <Text>{texts.body}</Text>
    </Stack>
  );
}
