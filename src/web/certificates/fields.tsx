/** Building blocks of the certificate form: where each FK question lives, and a labelled group. */
import { Fieldset, Text } from "@mantine/core";
import type { ReactNode } from "react";

/** The element id of an FK question ("33.2" → "falt-33-2"): error links and focus go there. */
export function anchorId(field: string): string {
  return `falt-${field.replace(/\./g, "-")}`;
}

export function errorId(field: string): string {
  return `${anchorId(field)}-fel`;
}

/** Moves the focus to the question: the element itself when it takes focus, else its first input. */
export function focusField(field: string) {
  const element = document.getElementById(anchorId(field));
  if (!element) return;
  const target = element.matches("input, textarea, select, button")
    ? element
    : element.querySelector<HTMLElement>("input:not([type=hidden]), textarea, select, button");
  element.scrollIntoView({ block: "center" });
  (target ?? element).focus();
}

/** A question answered with several inputs (checkboxes, radios, rows): a fieldset with its error. */
export function FieldGroup(props: {
  field: string;
  legend: string;
  description?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  children: ReactNode;
}) {
  const { field, legend, description, error, required, children } = props;
  const descriptionId = `${anchorId(field)}-beskrivning`;
  const describedBy = [description ? descriptionId : null, error ? errorId(field) : null]
    .filter(Boolean)
    .join(" ");
  return (
    <Fieldset
      id={anchorId(field)}
      variant="unstyled"
      aria-describedby={describedBy || undefined}
      legend={
        <Text component="span" fw={600} fz="sm">
          {legend}
          {required && (
            <Text component="span" c="var(--mantine-color-error)" aria-hidden>
              {" *"}
            </Text>
          )}
        </Text>
      }
    >
      {description && (
        <Text id={descriptionId} fz="sm" c="dimmed" mb="xs">
          {description}
        </Text>
      )}
      {children}
      {error && (
        <Text id={errorId(field)} fz="sm" c="var(--mantine-color-error)" mt={4}>
          {error}
        </Text>
      )}
    </Fieldset>
  );
}
