/**
 * Says which answers the last change removed because their questions are hidden now (FK 7804 v2
 * never sends them), and offers to undo the change. Announced politely; it stays in view at the
 * bottom of the window until the next change, undo or dismissal.
 */
import { Button, CloseButton, Group, Paper, Text } from "@mantine/core";
import { labelWithId } from "./describe.ts";

const texts = {
  removed: (count: number) =>
    count === 1
      ? "Svaret på en fråga som inte längre visas togs bort:"
      : `Svaren på ${count} frågor som inte längre visas togs bort:`,
  undo: "Ångra",
  dismiss: "Stäng meddelandet",
};

export function HiddenAnswersNotice(props: { fields: string[]; onUndo: () => void; onDismiss: () => void }) {
  const { fields, onUndo, onDismiss } = props;
  return (
    <Paper
      withBorder
      shadow="md"
      p="md"
      pos="sticky"
      bottom={16}
      style={{ zIndex: 10 }}
      aria-labelledby="dolda-svar-rubrik"
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div role="status" aria-live="polite">
          <Text id="dolda-svar-rubrik" fw={600} fz="sm">
            {texts.removed(fields.length)}
          </Text>
          <Text fz="sm">{fields.map(labelWithId).join("; ")}</Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          <Button variant="outline" size="sm" onClick={onUndo}>
            {texts.undo}
          </Button>
          <CloseButton aria-label={texts.dismiss} onClick={onDismiss} />
        </Group>
      </Group>
    </Paper>
  );
}
