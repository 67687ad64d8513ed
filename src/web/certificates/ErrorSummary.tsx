/**
 * What stands between the draft and a signature, at the top of the form: every error with a link
 * that moves the focus to its question. After a refused signature the summary takes the focus.
 */
import { Alert, Anchor, List, Text } from "@mantine/core";
import type { Ref } from "react";
import type { CheckIssue, CheckWarning } from "../api/certificates.ts";
import { labelWithId } from "./describe.ts";
import { anchorId, focusField } from "./fields.tsx";

const texts = {
  title: (count: number) =>
    count === 1
      ? "1 uppgift behöver rättas innan intyget kan signeras"
      : `${count} uppgifter behöver rättas innan intyget kan signeras`,
  refusedTitle: "Intyget kan inte signeras ännu",
  server:
    "Serverns bedömning vid senaste sparningen skiljer sig från webbläsarens. Serverns bedömning gäller:",
  warnings: "Att tänka på",
};

export function IssueList({ issues }: { issues: CheckIssue[] }) {
  return (
    <List fz="sm" spacing={4} mt="xs">
      {issues.map((issue, index) => (
        <List.Item key={`${issue.field}-${index}`}>
          <Anchor
            href={`#${anchorId(issue.field)}`}
            fz="sm"
            onClick={(event) => {
              event.preventDefault();
              focusField(issue.field);
            }}
          >
            {labelWithId(issue.field)}
          </Anchor>
          {`: ${issue.message}`}
        </List.Item>
      ))}
    </List>
  );
}

export function ErrorSummary(props: {
  errors: CheckIssue[];
  serverErrors: CheckIssue[] | null;
  refused: boolean;
  ref?: Ref<HTMLDivElement>;
}) {
  const { errors, serverErrors, refused, ref } = props;
  const count = errors.length || serverErrors?.length || 0;
  if (count === 0) return null;
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      role={refused ? "alert" : "region"}
      color="red"
      variant="outline"
      styles={{ title: { color: "var(--mantine-color-black)" } }}
      title={refused ? texts.refusedTitle : texts.title(count)}
    >
      {refused && <Text fz="sm">{texts.title(count)}</Text>}
      {errors.length > 0 && <IssueList issues={errors} />}
      {serverErrors && serverErrors.length > 0 && (
        <>
          <Text fz="sm" mt="sm" fw={600}>
            {texts.server}
          </Text>
          <IssueList issues={serverErrors} />
        </>
      )}
    </Alert>
  );
}

export function WarningSummary({ warnings }: { warnings: CheckWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <Alert
      role="status"
      color="yellow"
      variant="outline"
      title={texts.warnings}
      styles={{ title: { color: "var(--mantine-color-black)" } }}
    >
      <List fz="sm" spacing={4}>
        {warnings.map((warning) => (
          <List.Item key={warning.code}>{warning.message}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
