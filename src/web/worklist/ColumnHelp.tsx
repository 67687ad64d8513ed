/**
 * "Om kolumnerna": what each column of the unit list means, as Rehabstöd's description of its
 * table headings. A disclosure, so it costs the list no room until asked for.
 */
import { Button, Paper, Text } from "@mantine/core";
import { Fragment, useId, useState } from "react";
import { columnDescriptions, columnLabels, columnOrder } from "./columns.ts";

const texts = {
  open: "Om kolumnerna",
  title: "Tabellens kolumner",
};

export function ColumnHelpButton({
  open,
  onToggle,
  panelId,
}: {
  open: boolean;
  onToggle: () => void;
  panelId: string;
}) {
  return (
    <Button
      variant="default"
      size="sm"
      onClick={onToggle}
      aria-expanded={open}
      aria-controls={open ? panelId : undefined}
    >
      {texts.open}
    </Button>
  );
}

export function ColumnHelpPanel({ id }: { id: string }) {
  const titleId = useId();
  return (
    <Paper withBorder p="sm" id={id} component="section" aria-labelledby={titleId}>
      <Text fw={700} fz="sm" mb={6} id={titleId}>
        {texts.title}
      </Text>
      <dl className="facts column-help">
        {columnOrder.map((column) => (
          <Fragment key={column}>
            <dt>{columnLabels[column]}</dt>
            <dd>{columnDescriptions[column]}</dd>
          </Fragment>
        ))}
      </dl>
    </Paper>
  );
}

/** The button and, below the summary line, the panel: the page places both. */
export function useColumnHelp() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return {
    button: <ColumnHelpButton open={open} onToggle={() => setOpen((o) => !o)} panelId={panelId} />,
    panel: open ? <ColumnHelpPanel id={panelId} /> : null,
  };
}
