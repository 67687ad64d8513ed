/**
 * Socialstyrelsens försäkringsmedicinska beslutsstöd for the entered diagnoses: what to describe
 * as funktionsnedsättning and aktivitetsbegränsning, the typfall with recommended lengths, and the
 * case's total length against the most generous limit.
 */
import { Alert, Box, List, Paper, Stack, Text, Title } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { FmbAnswer } from "../api/reference.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";

const texts = {
  title: "Försäkringsmedicinskt beslutsstöd (FMB)",
  noCodes: "Ange en diagnos för att se Socialstyrelsens beslutsstöd.",
  loading: "Hämtar beslutsstöd …",
  noGuidance: "Det finns inget beslutsstöd för de angivna diagnoserna.",
  funktion: "Funktionsnedsättning",
  aktivitet: "Aktivitetsbegränsning",
  typfall: "Typfall",
  limit: (days: number) => `FMB rekommenderar högst ${days} dagar för diagnoserna.`,
  noLimit: "FMB anger ingen rekommenderad längd för diagnoserna.",
  total: (days: number) => `Sjukfallets totala längd med detta intyg: ${days} dagar.`,
  exceeded: (total: number, limit: number) =>
    `Sjukfallet (${total} dagar) är längre än FMB:s rekommendation (${limit} dagar). Motivera i fält 37.`,
  days: (days: number) => `Rekommenderad längd: högst ${days} dagar.`,
};

export function FmbPanel(props: {
  codes: string[];
  fmb: UseQueryResult<FmbAnswer>;
  totalDays: number | null;
}) {
  const { codes, fmb, totalDays } = props;
  const limit = fmb.data?.limitDays ?? null;
  const exceeded = limit !== null && totalDays !== null && totalDays > limit;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="fmb-rubrik">
      <Title order={2} fz="h4" id="fmb-rubrik" mb="sm">
        {texts.title}
      </Title>
      {codes.length === 0 && <Text fz="sm">{texts.noCodes}</Text>}
      {codes.length > 0 && fmb.isPending && fmb.fetchStatus !== "idle" && <Loading label={texts.loading} />}
      {fmb.isError && <ErrorAlert error={fmb.error} />}
      {fmb.data && codes.length > 0 && (
        <Stack gap="sm">
          <Box aria-live="polite">
            {totalDays !== null && <Text fz="sm">{texts.total(totalDays)}</Text>}
            <Text fz="sm">{limit !== null ? texts.limit(limit) : texts.noLimit}</Text>
            {exceeded && (
              <Alert
                role="note"
                color="yellow"
                variant="outline"
                mt="xs"
                p="xs"
                styles={{ message: { color: "inherit" } }}
              >
                {texts.exceeded(totalDays, limit)}
              </Alert>
            )}
          </Box>
          {fmb.data.guidance.length === 0 && <Text fz="sm">{texts.noGuidance}</Text>}
          {fmb.data.guidance.map((entry) => (
            <Box key={entry.code}>
              <Title order={3} fz="md">
                {entry.fmbCode} {entry.title}
              </Title>
              {entry.limitDays !== null && <Text fz="sm">{texts.days(entry.limitDays)}</Text>}
              {entry.funktionsnedsattning && (
                <>
                  <Title order={4} fz="sm" mt="xs">
                    {texts.funktion}
                  </Title>
                  <Text fz="sm" style={{ whiteSpace: "pre-line" }}>
                    {entry.funktionsnedsattning}
                  </Text>
                </>
              )}
              {entry.aktivitetsbegransning && (
                <>
                  <Title order={4} fz="sm" mt="xs">
                    {texts.aktivitet}
                  </Title>
                  <Text fz="sm" style={{ whiteSpace: "pre-line" }}>
                    {entry.aktivitetsbegransning}
                  </Text>
                </>
              )}
              {entry.typfall.length > 0 && (
                <>
                  <Title order={4} fz="sm" mt="xs">
                    {texts.typfall}
                  </Title>
                  <List fz="sm" spacing={4}>
                    {entry.typfall.map((t, i) => (
                      <List.Item key={i}>
                        {t.text}
                        {t.recommendation
                          ? ` – ${t.recommendation}`
                          : t.maxDays !== null
                            ? ` – ${texts.days(t.maxDays)}`
                            : ""}
                      </List.Item>
                    ))}
                  </List>
                </>
              )}
            </Box>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
