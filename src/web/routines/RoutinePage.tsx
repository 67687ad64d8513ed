/**
 * One routine: its text (Markdown, rendered safely), "Jag har läst och förstått" for the current
 * version, its versions, and for the chief who has not confirmed it; editing for those who may.
 */
import { Alert, Anchor, Button, Container, Group, List, Stack, Text, Title } from "@mantine/core";
import { useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { roles, isRole } from "../../access/policy.ts";
import { useConfirmRoutine, useRoutine, useRoutineLibrary } from "../api/routines.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { dateTimeLabel } from "../format.ts";
import { Markdown } from "./Markdown.tsx";
import { RoutineForm } from "./RoutineForm.tsx";
import { StaffConfirmations } from "./StaffConfirmations.tsx";

const texts = {
  pageTitle: "Rutin",
  loading: "Hämtar rutinen …",
  back: "Alla rutiner",
  meta: "Om rutinen",
  topic: "Ämne",
  owner: "Ägare",
  review: "Revideras senast",
  due: "(revision försenad)",
  version: "Version",
  readers: "Ska läsas av",
  regional: "Regiongemensam rutin",
  confirm: "Jag har läst och förstått",
  confirmed: (at: string, version: number) => `Du bekräftade version ${version} ${dateTimeLabel(at)}.`,
  newVersion: "Rutinen har ändrats sedan du bekräftade den. Läs den nya versionen och bekräfta igen.",
  justConfirmed: "Tack, din bekräftelse är sparad.",
  edit: "Ändra rutinen",
  editHeading: "Ändra rutinen",
  versions: "Versioner",
  versionLine: (v: number, at: string, by: string) => `Version ${v}, ${dateTimeLabel(at)}, ${by}`,
};

export function RoutinePage() {
  const { id = "" } = useParams();
  const routine = useRoutine(id);
  const library = useRoutineLibrary();
  const confirm = useConfirmRoutine(id);
  const [editing, setEditing] = useState(false);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const r = routine.data;
  const roleNames = (r?.roles ?? []).map((role) => (isRole(role) ? roles[role] : role)).join(", ");
  return (
    <Container component="main" size="md" py="md">
      <Anchor component={Link} to="/rutiner" fz="sm">
        {texts.back}
      </Anchor>
      {routine.isPending && <Loading label={texts.loading} />}
      {routine.isError && <ErrorAlert error={routine.error} />}
      {r && (
        <Stack gap="md">
          <PageTitle title={texts.pageTitle}>{r.title}</PageTitle>
          <section aria-label={texts.meta}>
            <Text fz="sm">
              {texts.topic}: {r.topicLabel} · {texts.owner}: {r.owner.name} · {texts.review}: {r.reviewDate}{" "}
              {r.reviewDue ? texts.due : ""} · {texts.version} {r.textVersion}
              {r.regional ? ` · ${texts.regional}` : ""}
            </Text>
            <Text fz="sm">
              {texts.readers}: {roleNames}
            </Text>
          </section>
          {editing && library.data ? (
            <section aria-labelledby="andra-rutin">
              <Title order={2} id="andra-rutin">
                {texts.editHeading}
              </Title>
              <RoutineForm routine={r} library={library.data} onDone={() => setEditing(false)} />
            </section>
          ) : (
            <article>
              <Markdown source={r.body} />
            </article>
          )}
          {r.myState === "NEW_VERSION" && r.inLibrary && (
            <Alert color="orange" variant="light">
              {texts.newVersion}
            </Alert>
          )}
          {confirm.isError && <ErrorAlert error={confirm.error} />}
          {r.inLibrary && r.confirmedAt === null && (
            <Group>
              <Button
                loading={confirm.isPending}
                onClick={() =>
                  confirm.mutate(r.textVersion, {
                    onSuccess: () => requestAnimationFrame(() => statusRef.current?.focus()),
                  })
                }
              >
                {texts.confirm}
              </Button>
            </Group>
          )}
          <Text ref={statusRef} tabIndex={-1} role="status" fw={500}>
            {r.confirmedAt
              ? `${confirm.isSuccess ? `${texts.justConfirmed} ` : ""}${texts.confirmed(r.confirmedAt, r.textVersion)}`
              : ""}
          </Text>
          {r.canEdit && !editing && (
            <Group>
              <Button variant="light" onClick={() => setEditing(true)}>
                {texts.edit}
              </Button>
            </Group>
          )}
          {r.staff && <StaffConfirmations staff={r.staff} />}
          <section aria-labelledby="rutin-versioner">
            <Title order={2} id="rutin-versioner" mb="xs">
              {texts.versions}
            </Title>
            <List>
              {r.versions.map((v) => (
                <List.Item key={v.textVersion}>
                  {texts.versionLine(v.textVersion, v.savedAt, v.savedBy)}
                </List.Item>
              ))}
            </List>
          </section>
        </Stack>
      )}
    </Container>
  );
}
