/** Building blocks the coordination panels share: facts lists, date fields and consent refusals. */
import { Alert, Button, Text, TextInput, type TextInputProps } from "@mantine/core";
import { Fragment, type ReactNode, type Ref } from "react";
import type { ConsentKind } from "../../coordination/rules.ts";
import { ApiError } from "../api/client.ts";
import type { UserRef } from "../api/coordination.ts";

const texts = {
  refusalTitle: "Samtycke saknas",
  recordConsent: "Registrera samtycke",
  dateHint: "ÅÅÅÅ-MM-DD",
  unknownUser: "okänd användare",
};

export function Facts({ facts }: { facts: [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {facts.map(([term, value]) => (
        <Fragment key={term}>
          <dt>{term}</dt>
          <dd style={{ whiteSpace: "pre-line" }}>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

export function userName(user: UserRef | null): string {
  return user?.name ?? texts.unknownUser;
}

/** A date typed as ÅÅÅÅ-MM-DD (the hint is the field's description, so screen readers hear it). */
export function DateField(props: Omit<TextInputProps, "onChange"> & { onChange: (value: string) => void }) {
  const { onChange, description, ...rest } = props;
  return (
    <TextInput
      placeholder="ÅÅÅÅ-MM-DD"
      description={description ?? texts.dateHint}
      maw={320}
      autoComplete="off"
      {...rest}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}

export function isConsentRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code === "CONSENT_REQUIRED";
}

/**
 * The server refused a step for lack of consent: its message, and the way to the consent form
 * (with the missing kind chosen) for users who may record consent.
 */
export function ConsentRefusalAlert(props: {
  message: string;
  kind: ConsentKind;
  onRecordConsent: ((kind: ConsentKind) => void) | null;
  /** Instead of a button: a link (e.g. from another page). */
  link?: ReactNode;
  ref?: Ref<HTMLDivElement>;
}) {
  const { message, kind, onRecordConsent, link, ref } = props;
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      color="red"
      variant="light"
      title={texts.refusalTitle}
      role="alert"
      my="sm"
    >
      <Text>{message}</Text>
      {onRecordConsent && (
        <Button color="blue.9" size="sm" mt="sm" onClick={() => onRecordConsent(kind)}>
          {texts.recordConsent}
        </Button>
      )}
      {link}
    </Alert>
  );
}
