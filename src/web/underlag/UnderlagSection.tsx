/** The patient page's "Underlag från andra professioner": requests and answers, and asking for one. */
import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useRef, useState } from "react";
import { usePatientUnderlag } from "../api/underlag.ts";
import { can, useSession } from "../app/session.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { AnswerAction } from "./AnswerForm.tsx";
import { RequestForm } from "./RequestForm.tsx";
import { UnderlagCard } from "./UnderlagCard.tsx";

const texts = {
  title: "Underlag från andra professioner",
  ask: "Begär underlag",
  loading: "Hämtar underlag …",
  none: "Inga underlag är begärda för patienten.",
  sent: "Begäran är skickad till professionens kö.",
  answered: "Svaret är sparat.",
};

export function UnderlagSection({ patientId }: { patientId: string }) {
  const me = useSession();
  const list = usePatientUnderlag(patientId);
  const [asking, setAsking] = useState(false);
  const [answering, setAnswering] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const headingRef = useRef<HTMLHeadingElement>(null);
  const done = (message: string) => {
    setStatus(message);
    headingRef.current?.focus();
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="underlag">
      <Group justify="space-between" mb="sm">
        <Title order={2} id="underlag" fz="h3" ref={headingRef} tabIndex={-1}>
          {texts.title}
        </Title>
        {can(me, "underlag.request") && !asking && (
          <Button variant="outline" size="sm" onClick={() => (setStatus(""), setAsking(true))}>
            {texts.ask}
          </Button>
        )}
      </Group>
      <Text role="status" fw={600}>
        {status}
      </Text>
      {asking && (
        <RequestForm
          patientId={patientId}
          onDone={(saved) => {
            setAsking(false);
            if (saved) done(texts.sent);
          }}
        />
      )}
      {list.isPending && <Loading label={texts.loading} />}
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data && list.data.underlag.length === 0 && <Text mt="sm">{texts.none}</Text>}
      <Stack gap="sm" mt="sm">
        {list.data?.underlag.map((u) => (
          <UnderlagCard
            key={u.id}
            underlag={u}
            headingLevel={3}
            actions={
              <AnswerAction
                headingLevel={4}
                underlag={u}
                roles={me.roles}
                open={answering === u.id}
                onOpen={() => (setStatus(""), setAnswering(u.id))}
                onDone={(saved) => {
                  setAnswering(null);
                  if (saved) done(texts.answered);
                }}
              />
            }
          />
        ))}
      </Stack>
    </Paper>
  );
}
