/**
 * The form both imports share: one file of at most 1 MB, checked in the browser before it is read
 * and sent; a problem is shown at the file input, which gets the focus. A refused upload is shown
 * in the form's error block.
 */
import { Button, FileInput, Stack } from "@mantine/core";
import { useRef, useState, type FormEvent } from "react";
import { FormErrorAlert } from "../components/FormErrorAlert.tsx";

const texts = {
  missingFile: "Välj en fil.",
  tooLarge: "Filen är större än 1 MB. Dela upp den i flera filer.",
};
const maxBytes = 1024 * 1024;

export function FileUploadForm(props: {
  label: string;
  description: string;
  accept: string;
  clearLabel: string;
  submitLabel: string;
  pending: boolean;
  /** The failed upload, if any, and what failed ("Filen lästes inte in"). */
  error: unknown;
  errorTitle: string;
  /** A new file was chosen (or the choice cleared): forget the previous result. */
  onChange: () => void;
  /** Sends the file's text, or returns why it cannot be sent. */
  onSubmit: (file: File, text: string) => string | null;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const fileRef = useRef<HTMLButtonElement>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    let message = !file ? texts.missingFile : file.size > maxBytes ? texts.tooLarge : null;
    if (file && !message) message = props.onSubmit(file, await file.text());
    setProblem(message);
    if (message) fileRef.current?.focus();
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md" maw={480}>
        <FileInput
          ref={fileRef}
          label={props.label}
          description={props.description}
          accept={props.accept}
          value={file}
          onChange={(value) => {
            setFile(value);
            setProblem(null);
            props.onChange();
          }}
          error={problem}
          clearable
          clearButtonProps={{ "aria-label": props.clearLabel }}
          required
        />
        <Button type="submit" loading={props.pending} w="fit-content">
          {props.submitLabel}
        </Button>
        <FormErrorAlert error={props.error} title={props.errorTitle} />
      </Stack>
    </form>
  );
}
