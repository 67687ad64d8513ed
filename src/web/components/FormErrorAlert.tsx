/**
 * The one error block above a form, after a submit that failed: the server's message (or the
 * form's own checks) and a link to every field with a problem, each named by its label. It is an
 * alert (announced) and takes the focus on each failed submit, so keyboard and screen-reader users
 * land on it and can follow a link to the field.
 *
 * The links need nothing from the form but the messages it shows at its fields: each field is
 * found as the invalid input (`aria-invalid`) described by that message, as Mantine renders it.
 */
import { Alert, Anchor, List, Text } from "@mantine/core";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { ApiError } from "../api/client.ts";
import { errorMessage } from "./ErrorAlert.tsx";
import { onlyFieldIssues } from "./fieldErrors.ts";

const texts = {
  fixErrors: "Rätta de markerade uppgifterna.",
};

interface FieldLink {
  id: string;
  label: string;
  message: string;
}

/** The invalid inputs near `from` whose error text is one of the messages, in the form's order. */
function fieldLinks(from: HTMLElement, messages: readonly string[]): FieldLink[] {
  const scope = from.closest("section, [role='dialog'], main") ?? document.body;
  const links: FieldLink[] = [];
  for (const input of scope.querySelectorAll<HTMLElement>("[aria-invalid='true'][id]")) {
    const described = (input.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
    const message = described
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? "")
      .find((text) => messages.includes(text));
    if (!message) continue;
    const labelled = (input as HTMLInputElement).labels?.[0]?.textContent ?? input.getAttribute("aria-label");
    links.push({ id: input.id, label: (labelled ?? "").replace(/\s*\*\s*$/, "").trim(), message });
  }
  return links;
}

/** Whether the form's own checks found something: a message, a flag, or a non-empty record. */
function foundSomething(attempt: unknown): boolean {
  if (typeof attempt === "object" && attempt !== null) return Object.keys(attempt).length > 0;
  return Boolean(attempt);
}

export function FormErrorAlert(props: {
  /** The failed submit's error (from the server), if any. */
  error: unknown;
  /** The messages the form shows at its fields (its own checks and the server's). */
  fieldErrors?: Partial<Record<string, string | undefined>>;
  /** What failed ("Ärendet kunde inte registreras"). */
  title: string;
  /** Says the failure in the form's own words instead of the server's message. */
  message?: string;
  /** What the form's own checks found at the last submit (a record, message or flag): refocuses. */
  attempt?: unknown;
}) {
  const { error, title, attempt } = props;
  const messages = Object.values(props.fieldErrors ?? {}).filter((m): m is string => !!m);
  const fieldNames = Object.keys(props.fieldErrors ?? {});
  const generalError = error !== null && error !== undefined && !onlyFieldIssues(error, fieldNames);
  const visible = messages.length > 0 || (error !== null && error !== undefined);
  const ref = useRef<HTMLDivElement>(null);
  const [links, setLinks] = useState<FieldLink[]>([]);
  const key = messages.join("\n");

  useLayoutEffect(() => {
    if (!ref.current) return;
    const found = fieldLinks(ref.current, key ? key.split("\n") : []);
    setLinks((current) => (JSON.stringify(current) === JSON.stringify(found) ? current : found));
  }, [key, visible]);

  // Only a new failure moves the focus (a new server error, or the form's own checks finding
  // something on submit), never typing in the form.
  useEffect(() => {
    if (error !== null && error !== undefined) ref.current?.focus();
  }, [error]);
  useEffect(() => {
    if (foundSomething(attempt)) ref.current?.focus();
  }, [attempt]);

  if (!visible) return null;
  // A message whose field was not found (e.g. a radio group) is still listed, without a link; so
  // are the server's issues that are no field of the form (e.g. the rows of a refused file).
  const issues = generalError && error instanceof ApiError ? error.issues.map((issue) => issue.message) : [];
  const unlinked = [...new Set([...messages, ...issues])].filter(
    (m) => m !== errorMessage(error) && !links.some((link) => link.message === m),
  );
  return (
    <Alert ref={ref} tabIndex={-1} color="red" variant="light" title={title} role="alert" my="sm">
      <Text fz="sm">{generalError ? (props.message ?? errorMessage(error)) : texts.fixErrors}</Text>
      {(links.length > 0 || unlinked.length > 0) && (
        <List fz="sm" spacing={2} mt="xs">
          {links.map((link) => (
            <List.Item key={link.id}>
              <Anchor
                href={`#${link.id}`}
                fz="sm"
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(link.id)?.focus();
                }}
              >
                {link.label || link.message}
              </Anchor>
              {link.label ? `: ${link.message}` : ""}
            </List.Item>
          ))}
          {unlinked.map((message) => (
            <List.Item key={message}>{message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
