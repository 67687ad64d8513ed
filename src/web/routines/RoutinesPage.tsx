/**
 * Rutiner och lathund: the unit's routine library. Each user sees what they still have to read
 * (a new version asks again), an owner what is due for review; the chief and MLU write routines
 * and adopt the region's.
 */
import { Anchor, Button, Container, Group, List, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { useAdoptRoutine, useRoutineLibrary, type RoutineSummary } from "../api/routines.ts";
import { useSession } from "../app/session.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { FirstDaySection } from "../introduction/FirstDaySection.tsx";
import { SubstitutesSection } from "../introduction/SubstitutesSection.tsx";
import { RoutineForm } from "./RoutineForm.tsx";
import { LinkList, RoutineTable } from "./RoutineLists.tsx";

const texts = {
  title: "Rutiner och lathund",
  loading: "Hämtar rutinerna …",
  toRead: "Att läsa och bekräfta",
  toReadIntro: "Rutiner för din roll som du inte har bekräftat i sin senaste version.",
  toReview: "Att revidera",
  toReviewIntro: "Du äger de här rutinerna och revisionsdatumet har passerat.",
  library: "Enhetens rutiner",
  empty: "Enheten har inga rutiner ännu.",
  caption: "Enhetens rutiner med ämne, ägare, revisionsdatum och din bekräftelse",
  offered: "Regionens rutiner att anta",
  offeredCaption: "Regionens rutiner som enheten inte har antagit",
  adopt: (r: RoutineSummary) => `Anta «${r.title}»`,
  adopted: "Anta",
  newRoutine: "Ny rutin",
  newHeading: "Ny rutin",
};

export function RoutinesPage() {
  const library = useRoutineLibrary();
  const me = useSession();
  const adopt = useAdoptRoutine();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const data = library.data;
  return (
    <Container component="main" size="lg" py="md">
      <PageTitle title={texts.title} />
      {library.isPending && <Loading label={texts.loading} />}
      {library.isError && <ErrorAlert error={library.error} />}
      {data && (
        <Stack gap="lg">
          <FirstDaySection />
          <LinkList
            heading={texts.toRead}
            intro={texts.toReadIntro}
            routines={data.routines.filter((r) => r.mustRead && r.myState !== "CONFIRMED")}
          />
          <LinkList
            heading={texts.toReview}
            intro={texts.toReviewIntro}
            routines={data.routines.filter((r) => r.reviewDue && r.owner.id === me.user.id)}
          />
          <Stack gap="xs" component="section" aria-labelledby="rutiner-bibliotek">
            <Group justify="space-between">
              <Title order={2} id="rutiner-bibliotek">
                {texts.library}
              </Title>
              {(data.canManage || data.canWriteRegional) && !creating && (
                <Button onClick={() => setCreating(true)}>{texts.newRoutine}</Button>
              )}
            </Group>
            {creating && (
              <section aria-labelledby="ny-rutin">
                <Title order={3} id="ny-rutin">
                  {texts.newHeading}
                </Title>
                <RoutineForm
                  routine={null}
                  library={data}
                  onDone={(saved) => (saved ? navigate(`/rutiner/${saved.id}`) : setCreating(false))}
                />
              </section>
            )}
            {data.routines.length === 0 ? (
              <Text>{texts.empty}</Text>
            ) : (
              <RoutineTable routines={data.routines} caption={texts.caption} />
            )}
          </Stack>
          {data.offered.length > 0 && (
            <Stack gap="xs" component="section" aria-labelledby="rutiner-regionen">
              <Title order={2} id="rutiner-regionen">
                {texts.offered}
              </Title>
              {adopt.isError && <ErrorAlert error={adopt.error} />}
              <List>
                {data.offered.map((r) => (
                  <List.Item key={r.id}>
                    <Group gap="sm">
                      <Anchor component={Link} to={`/rutiner/${r.id}`}>
                        {r.title}
                      </Anchor>
                      <Text fz="sm">{r.topicLabel}</Text>
                      {data.canManage && (
                        <Button
                          size="xs"
                          variant="light"
                          aria-label={texts.adopt(r)}
                          loading={adopt.isPending && adopt.variables?.id === r.id}
                          onClick={() => adopt.mutate({ id: r.id, adopt: true })}
                        >
                          {texts.adopted}
                        </Button>
                      )}
                    </Group>
                  </List.Item>
                ))}
              </List>
            </Stack>
          )}
          {data.canManage && <SubstitutesSection />}
        </Stack>
      )}
    </Container>
  );
}
