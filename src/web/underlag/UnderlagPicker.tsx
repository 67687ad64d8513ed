/**
 * "Hämta från underlag" in the certificate editor: the patient's answered underlag, each taken into
 * questions 35 and 17 after what the doctor wrote, with the source (profession, who, date, method)
 * named in the text.
 */
import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { certificateTexts } from "../../underlag/rules.ts";
import { usePatientUnderlag, type Underlag } from "../api/underlag.ts";
import { can, useSession } from "../app/session.tsx";
import { dateLabel } from "../format.ts";

const texts = {
  title: "Hämta från underlag",
  intro:
    "Besvarade underlag från andra professioner. Texten läggs till efter det du skrivit i 35 och 17, med källan angiven.",
  take: (u: Underlag) =>
    `Hämta underlag från ${u.professionLabel.toLowerCase()} ${u.answer?.answeredBy.name ?? ""}`.trim(),
  taken: (u: Underlag) => `Underlaget från ${u.professionLabel.toLowerCase()} är infört i 35 och 17.`,
  item: (u: Underlag) =>
    `${u.professionLabel}, ${u.answer?.answeredBy.name ?? "okänd"}, besvarat ${dateLabel(u.answer?.answeredDate ?? null)}`,
};

export function UnderlagPicker(props: {
  patientId: string;
  onTake: (texts: { funktionsnedsattning: string; aktivitetsbegransning: string }) => void;
}) {
  const me = useSession();
  const mayRead = can(me, "underlag.read");
  const list = usePatientUnderlag(props.patientId, mayRead);
  const [taken, setTaken] = useState("");
  const answered = (list.data?.underlag ?? []).filter((u) => u.answer !== null);
  if (!mayRead || answered.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="hamta-underlag">
      <Title order={3} fz="h4" id="hamta-underlag" mb="xs">
        {texts.title}
      </Title>
      <Text fz="sm" mb="sm">
        {texts.intro}
      </Text>
      <Stack gap="xs">
        {answered.map((u) => (
          <Group key={u.id} justify="space-between" wrap="wrap">
            <Text fz="sm">{texts.item(u)}</Text>
            <Button
              size="xs"
              variant="outline"
              onClick={() => {
                const a = u.answer!;
                props.onTake(
                  certificateTexts({ ...a, profession: u.profession, answeredBy: a.answeredBy.name }),
                );
                setTaken(texts.taken(u));
              }}
            >
              {texts.take(u)}
            </Button>
          </Group>
        ))}
      </Stack>
      <Text role="status" fz="sm" fw={600} mt="xs">
        {taken}
      </Text>
    </Paper>
  );
}
