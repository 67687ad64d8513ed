/**
 * Someone else saved the certificate while the user was writing. Shows, per question, what is
 * saved now and what the user has written, and lets the user choose: keep writing from the saved
 * version, or save their own version on top of it. Autosave waits until they choose.
 */
import { Alert, Button, Group, Table, Text } from "@mantine/core";
import type { Ref } from "react";
import type { CertificateDraft } from "../../certificates/rules/index.ts";
import type { SavedCertificate } from "../api/certificates.ts";
import { differences } from "./describe.ts";

const texts = {
  title: "Någon annan har ändrat intyget",
  body: "Intyget sparades av någon annan medan du skrev. Dina ändringar är inte sparade men finns kvar i formuläret. Jämför och välj hur du vill fortsätta.",
  notEditable: (status: string) =>
    `Intyget har nu status ${status.toLowerCase()} och kan inte längre ändras. Dina ändringar kan inte sparas i det här intyget.`,
  question: "Fråga",
  saved: "Sparat nu",
  mine: "Din version",
  same: "Inga skillnader i svaren.",
  keepMine: "Spara min version",
  useSaved: "Läs in den sparade versionen",
};

const statusLabel: Record<string, string> = {
  SIGNERAT: "Signerat",
  SKICKAT: "Skickat",
  MAKULERAT: "Makulerat",
};

export function ConflictAlert(props: {
  saved: SavedCertificate;
  mine: CertificateDraft;
  onKeepMine: () => void;
  onUseSaved: () => void;
  busy: boolean;
  ref?: Ref<HTMLDivElement>;
}) {
  const { saved, mine, onKeepMine, onUseSaved, busy, ref } = props;
  const rows = differences(saved.content ?? {}, mine);
  const editable = saved.status === "UTKAST" || saved.status === "KLAR_FOR_SIGNERING";
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      color="orange"
      variant="outline"
      title={texts.title}
      styles={{ title: { color: "var(--mantine-color-black)", fontSize: "var(--mantine-font-size-md)" } }}
    >
      <Text fz="sm">
        {editable ? texts.body : texts.notEditable(statusLabel[saved.status] ?? saved.status)}
      </Text>
      {rows.length === 0 ? (
        <Text fz="sm" mt="sm">
          {texts.same}
        </Text>
      ) : (
        <Table mt="sm" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{texts.question}</Table.Th>
              <Table.Th scope="col">{texts.saved}</Table.Th>
              <Table.Th scope="col">{texts.mine}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.field}>
                <Table.Th scope="row">{row.label}</Table.Th>
                <Table.Td style={{ whiteSpace: "pre-line" }}>{row.saved}</Table.Td>
                <Table.Td style={{ whiteSpace: "pre-line" }} fw={600}>
                  {row.mine}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group mt="md">
        {editable && (
          <Button onClick={onKeepMine} loading={busy}>
            {texts.keepMine}
          </Button>
        )}
        <Button variant="outline" onClick={onUseSaved}>
          {texts.useSaved}
        </Button>
      </Group>
    </Alert>
  );
}
