/**
 * Export buttons, one per file format: the one being made shows busy, the others wait; the file's
 * name is announced when it is downloaded, and a failure is shown and takes focus.
 */
import { Button, Group, Stack, Text } from "@mantine/core";
import { useId, useRef, useState } from "react";
import { ErrorAlert } from "./ErrorAlert.tsx";

const texts = {
  title: "Exportera",
  exported: (name: string) => `Filen ${name} är nedladdad.`,
  exporting: "Exporterar …",
};

export function DownloadButtons<Format extends string>({
  formats,
  labelOf,
  note,
  download,
  noteWidth = 460,
}: {
  /** The button text of each format, in button order. */
  formats: Record<Format, string>;
  /** The accessible name of a format's button. */
  labelOf: (formatText: string) => string;
  note: string;
  /** Downloads the file and answers its name. */
  download: (format: Format) => Promise<string>;
  noteWidth?: number;
}) {
  const id = useId();
  const [busy, setBusy] = useState<Format | null>(null);
  const [done, setDone] = useState("");
  const [error, setError] = useState<unknown>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  const run = async (format: Format) => {
    setBusy(format);
    setError(null);
    setDone("");
    try {
      setDone(texts.exported(await download(format)));
    } catch (e) {
      setError(e);
      requestAnimationFrame(() => errorRef.current?.focus());
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap={4} component="section" aria-labelledby={id}>
      <Text fw={500} fz="sm" id={id}>
        {texts.title}
      </Text>
      <Group gap="xs">
        {(Object.keys(formats) as Format[]).map((format) => (
          <Button
            key={format}
            variant="outline"
            size="sm"
            loading={busy === format}
            disabled={busy !== null && busy !== format}
            onClick={() => void run(format)}
            aria-label={labelOf(formats[format])}
          >
            {formats[format]}
          </Button>
        ))}
      </Group>
      <Text fz="xs" maw={noteWidth}>
        {note}
      </Text>
      <Text role="status" fz="sm" aria-live="polite">
        {busy ? texts.exporting : done}
      </Text>
      {error !== null && <ErrorAlert ref={errorRef} error={error} />}
    </Stack>
  );
}
