/**
 * A profession's queue of requests for underlag (the user's own profession first), by the date the
 * answer is wanted; each request links to the patient and is answered in place.
 */
import { Anchor, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { useRef, useState } from "react";
import { Link } from "react-router";
import { professionIds, professionOf, professions } from "../../underlag/rules.ts";
import { useUnderlagQueue, type QueueStatus } from "../api/underlag.ts";
import { useSession } from "../app/session.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { AnswerAction } from "./AnswerForm.tsx";
import { UnderlagCard } from "./UnderlagCard.tsx";

const texts = {
  title: "Underlag",
  intro: "Begäran om underlag om funktion och aktivitet, sorterade efter när svaret önskas.",
  profession: "Profession",
  allProfessions: "Alla professioner",
  status: "Visa",
  statuses: { OPEN: "Väntar på svar", ANSWERED: "Besvarade", ALL: "Alla" } satisfies Record<
    QueueStatus,
    string
  >,
  loading: "Hämtar kön …",
  empty: "Inga begäranden att visa.",
  patient: (name: string, pnr: string) => `${name}, ${pnr}`,
  answered: "Svaret är sparat.",
};

export function UnderlagQueuePage() {
  const me = useSession();
  const own = professionOf(me.roles);
  const [profession, setProfession] = useState<string>(own ?? "");
  const [status, setStatus] = useState<QueueStatus>("OPEN");
  const [answering, setAnswering] = useState<string | null>(null);
  const [saved, setSaved] = useState("");
  const queue = useUnderlagQueue(profession, status);
  const statusRef = useRef<HTMLParagraphElement>(null);

  return (
    <Stack gap="lg">
      <PageTitle title={texts.title}>{texts.title}</PageTitle>
      <Text>{texts.intro}</Text>
      <Group align="end">
        <NativeSelect
          label={texts.profession}
          value={profession}
          onChange={(e) => setProfession(e.currentTarget.value)}
          data={[
            { value: "", label: texts.allProfessions },
            ...professionIds.map((p) => ({ value: p, label: professions[p] })),
          ]}
        />
        <NativeSelect
          label={texts.status}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as QueueStatus)}
          data={(Object.keys(texts.statuses) as QueueStatus[]).map((s) => ({
            value: s,
            label: texts.statuses[s],
          }))}
        />
      </Group>
      <Text role="status" fw={600} ref={statusRef} tabIndex={-1}>
        {saved}
      </Text>
      {queue.isPending && <Loading label={texts.loading} />}
      {queue.isError && <ErrorAlert error={queue.error} />}
      {queue.data?.underlag.length === 0 && <Text>{texts.empty}</Text>}
      {queue.data?.underlag.map((u) => (
        <UnderlagCard
          key={u.id}
          underlag={u}
          headingLevel={2}
          patient={
            <Anchor component={Link} to={`/patienter/${u.patientId}`} fw={600}>
              {texts.patient(u.patientName, u.personnummer)}
            </Anchor>
          }
          actions={
            <AnswerAction
              headingLevel={3}
              underlag={u}
              roles={me.roles}
              open={answering === u.id}
              onOpen={() => (setSaved(""), setAnswering(u.id))}
              onDone={(didSave) => {
                setAnswering(null);
                if (didSave) {
                  setSaved(texts.answered);
                  statusRef.current?.focus();
                }
              }}
            />
          }
        />
      ))}
    </Stack>
  );
}
