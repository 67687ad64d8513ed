/**
 * The patient's sick-leave cases on the unit as a timeline: one list item per case, newest first,
 * each with its facts, grade periods, certificates, checkpoints and open ärenden in text. The bar
 * drawn beside it is decoration (aria-hidden): everything it shows is also in the text.
 */
import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useElementSize } from "@mantine/hooks";
import { Fragment } from "react";
import { Link } from "react-router";
import { usePatientSjukfall, type CaseArende, type PatientCase } from "../api/cases.ts";
import { deadlineOf } from "../arenden/deadline.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { countLabel, dateLabel } from "../format.ts";
import { gradeLabel, timelineSegments } from "./timeline.ts";

const texts = {
  title: "Sjukfall",
  intro: (gap: number) =>
    `Sjukfall på den här vårdenheten, senaste först. Intyg med högst ${gap} dagars uppehåll räknas till samma sjukfall.`,
  loading: "Hämtar sjukfallen …",
  empty: "Patienten har inga sjukfall på den här vårdenheten.",
  caseHeading: (c: PatientCase) =>
    `Sjukfall ${dateLabel(c.start)} – ${dateLabel(c.end)}${c.ongoing ? " (pågående)" : " (avslutat)"}`,
  ongoing: "Pågående",
  ended: "Avslutat",
  length: "Längd",
  days: (n: number) => `${countLabel(n, "dag", "dagar")} med intyg (även kommande intygsdagar)`,
  dayToday: "Dag i sjukfallet i dag",
  dayTodayEnded: "Avslutat",
  longerThan30: "Längre än 30 dagar",
  yes: "Ja",
  no: "Nej",
  currentGrade: "Aktuell grad",
  noCurrentGrade: "Ingen pågående period",
  diagnoses: "Diagnoser",
  doctor: "Läkare",
  grades: "Sjukskrivningsgrad per period",
  period: "Period",
  grade: "Grad",
  certificate: "Intyg",
  certificates: "Intyg i sjukfallet",
  certificateLink: (from: string | null, to: string | null) => `Intyg ${dateLabel(from)} – ${dateLabel(to)}`,
  anchor: "senast signerat",
  checkpoints: "Kontrollpunkter",
  reached: "passerad",
  upcoming: "kommande",
  day: (n: number) => `Dag ${n}`,
  arenden: "Öppna ärenden",
  noArenden: "Inga öppna ärenden.",
  otherArenden: "Öppna ärenden utanför sjukfallen",
  received: (date: string) => `mottaget ${date}`,
  noDeadline: "inget sista svarsdatum",
  settings: "Inställningar för sjukfall",
};

export function SjukfallSection({ patientId }: { patientId: string }) {
  const sjukfall = usePatientSjukfall(patientId);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="sjukfall">
      <Title order={2} id="sjukfall" fz="h3" mb={4}>
        {texts.title}
      </Title>
      {sjukfall.isPending && <Loading label={texts.loading} />}
      {sjukfall.isError && <ErrorAlert error={sjukfall.error} />}
      {sjukfall.data && (
        <>
          <Text mb="sm">
            {texts.intro(sjukfall.data.settings.gap)}{" "}
            <Anchor component={Link} to="/installningar/sjukfall">
              {texts.settings}
            </Anchor>
          </Text>
          {sjukfall.data.cases.length === 0 ? (
            <Text>{texts.empty}</Text>
          ) : (
            <Stack component="ol" gap="md" p={0} m={0} style={{ listStyle: "none" }}>
              {sjukfall.data.cases.map((c, index) => (
                <CaseItem
                  key={`${c.start}-${index}`}
                  sjukfall={c}
                  today={sjukfall.data.today}
                  headingId={`sjukfall-${index}`}
                />
              ))}
            </Stack>
          )}
          {sjukfall.data.otherArenden.length > 0 && (
            <>
              <Title order={3} fz="h4" mt="md">
                {texts.otherArenden}
              </Title>
              <ArendeList arenden={sjukfall.data.otherArenden} />
            </>
          )}
        </>
      )}
    </Paper>
  );
}

function CaseItem({
  sjukfall: c,
  today,
  headingId,
}: {
  sjukfall: PatientCase;
  today: string;
  headingId: string;
}) {
  const facts: [string, string][] = [
    [texts.length, texts.days(c.days)],
    [texts.dayToday, c.ongoing ? String(c.dayInCase) : texts.dayTodayEnded],
    [texts.longerThan30, c.longerThan30Days ? texts.yes : texts.no],
    [texts.currentGrade, c.currentGrade === null ? texts.noCurrentGrade : gradeLabel(c.currentGrade)],
    [texts.diagnoses, c.diagnoses.join(", ") || "–"],
    [texts.doctor, c.doctorName ?? "–"],
  ];
  const shownCheckpoints = visibleCheckpoints(c);
  return (
    <Paper component="li" withBorder p="md" aria-labelledby={headingId} data-testid="sjukfall">
      <Group gap="sm" mb="xs">
        <Title order={3} fz="h4" id={headingId}>
          {texts.caseHeading(c)}
        </Title>
        <Badge variant="outline" color={c.ongoing ? "blue.8" : "gray.7"} aria-hidden>
          {c.ongoing ? texts.ongoing : texts.ended}
        </Badge>
      </Group>
      <dl className="facts">
        {facts.map(([term, value]) => (
          <Fragment key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>

      <TimelineBar sjukfall={c} today={today} />

      <Title order={4} fz="h5" mt="sm">
        {texts.grades}
      </Title>
      <Table withTableBorder={false} maw={560}>
        <Table.Caption className="visually-hidden">{texts.grades}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{texts.period}</Table.Th>
            <Table.Th scope="col">{texts.grade}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.grades.map((g, index) => (
            <Table.Tr key={`${g.certificateId}-${index}`}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                {dateLabel(g.from)} – {dateLabel(g.to)}
              </Table.Td>
              <Table.Td>{gradeLabel(g.grade)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Title order={4} fz="h5" mt="sm">
        {texts.certificates}
      </Title>
      <ul>
        {c.certificates.map((cert) => (
          <li key={cert.id}>
            <Anchor component={Link} to={`/intyg/${cert.id}`}>
              {texts.certificateLink(cert.start, cert.end)}
            </Anchor>
            {` – ${cert.grades.map((g) => `${g} %`).join(", ")}, ${cert.diagnosis ?? "–"}, ${cert.statusLabel.toLowerCase()}`}
            {cert.doctorName ? `, ${cert.doctorName}` : ""}
            {cert.anchor ? ` (${texts.anchor})` : ""}
          </li>
        ))}
      </ul>

      <Title order={4} fz="h5" mt="sm">
        {texts.checkpoints}
      </Title>
      <ul>
        {shownCheckpoints.map((p) => (
          <li key={p.kind}>
            {`${texts.day(p.day)}, ${dateLabel(p.date)}: ${p.label} (${p.reached ? texts.reached : texts.upcoming})`}
          </li>
        ))}
      </ul>

      <Title order={4} fz="h5" mt="sm">
        {texts.arenden}
      </Title>
      {c.arenden.length === 0 ? <Text>{texts.noArenden}</Text> : <ArendeList arenden={c.arenden} />}
    </Paper>
  );
}

/** Checkpoints the case reaches, and for an ongoing case the next one ahead. */
function visibleCheckpoints(c: PatientCase) {
  const within = c.checkpoints.filter((p) => p.withinCase);
  const next = c.ongoing ? c.checkpoints.find((p) => !p.withinCase) : undefined;
  return next ? [...within, next] : within;
}

function ArendeList({ arenden }: { arenden: CaseArende[] }) {
  return (
    <ul>
      {arenden.map((a) => {
        const deadline = deadlineOf(a.lastAnswerDate, a.daysToDeadline);
        return (
          <li key={a.id}>
            {`${a.typeLabel}, ${texts.received(dateLabel(a.receivedDate))}, `}
            {deadline ? (
              <Text span fw={deadline.overdue ? 700 : undefined} c={deadline.overdue ? "red.9" : undefined}>
                {deadline.text}
              </Text>
            ) : (
              texts.noDeadline
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The case drawn to scale: grade periods as blocks, checkpoints and today as ticks, their labels
 * on as many lines as it takes for none to overlap at the bar's drawn width.
 */
function TimelineBar({ sjukfall: c, today }: { sjukfall: PatientCase; today: string }) {
  const { ref, width } = useElementSize();
  const { segments, ticks, lanes } = timelineSegments(c, today, width || 720);
  const barHeight = 26;
  const laneHeight = 13;
  return (
    <div
      ref={ref}
      aria-hidden
      style={{
        position: "relative",
        height: barHeight + 12 + lanes * laneHeight,
        margin: "8px 0 8px",
        maxWidth: 720,
      }}
    >
      <div
        style={{
          position: "absolute",
          inset: `0 0 auto 0`,
          height: barHeight,
          background: "var(--mantine-color-gray-1)",
          borderRadius: 4,
        }}
      />
      {segments.map((s, index) => (
        <div
          key={index}
          title={`${s.from} – ${s.to}: ${s.grade} %`}
          style={{
            position: "absolute",
            left: `${s.left}%`,
            width: `${s.width}%`,
            top: 0,
            height: barHeight,
            background: gradeFill(s.grade),
            border: "1px solid var(--mantine-color-blue-9)",
            color: s.grade >= 75 ? "white" : "var(--mantine-color-blue-9)",
            fontSize: 12,
            lineHeight: "24px",
            textAlign: "center",
            overflow: "hidden",
            whiteSpace: "nowrap",
          }}
        >
          {s.grade} %
        </div>
      ))}
      {ticks.map((t) => (
        <div
          key={t.key}
          data-tick={t.key}
          style={{
            position: "absolute",
            left: `${t.left}%`,
            top: t.today ? -4 : barHeight,
            // Down to the tick's own label line.
            height: (t.today ? barHeight + 4 : 0) + 10 + t.lane * laneHeight,
            borderLeft: t.today
              ? "2px dashed var(--mantine-color-red-9)"
              : "1px solid var(--mantine-color-gray-8)",
          }}
        >
          <span
            style={{
              position: "absolute",
              bottom: -laneHeight,
              left: 2,
              fontSize: 10,
              lineHeight: `${laneHeight}px`,
              whiteSpace: "nowrap",
            }}
          >
            {t.label}
          </span>
        </div>
      ))}
    </div>
  );
}

function gradeFill(grade: number): string {
  switch (grade) {
    case 100:
      return "var(--mantine-color-blue-9)";
    case 75:
      return "var(--mantine-color-blue-8)";
    case 50:
      return "repeating-linear-gradient(45deg, var(--mantine-color-blue-2), var(--mantine-color-blue-2) 4px, var(--mantine-color-blue-0) 4px, var(--mantine-color-blue-0) 8px)";
    default:
      return "var(--mantine-color-blue-0)";
  }
}
