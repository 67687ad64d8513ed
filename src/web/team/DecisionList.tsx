/**
 * The decisions about one patient: owner, date and the task each became, and (samverkan) the
 * samverkansmöte where it is followed up, which the rehabkoordinator may choose at any time.
 */
import { Anchor, List, NativeSelect, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { useLinkSamverkan } from "../api/team.ts";
import type { AgendaItem, TeamDecision } from "../../team/schema.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";

const texts = {
  title: "Beslut",
  none: "Inga beslut.",
  line: (d: TeamDecision) =>
    `${d.text} – ${d.outcomeLabel.toLowerCase()}, ansvarig ${d.responsibleName}, senast ${d.dueDate}.`,
  task: "Uppgiften",
  followUp: "Följs upp i samverkansmöte",
  noFollowUp: "Inget samverkansmöte",
  failed: "Samverkansmötet kunde inte kopplas",
};

export function DecisionList({ item, editable }: { item: AgendaItem; editable: boolean }) {
  return (
    <Stack gap={4}>
      <Text fw={600}>{texts.title}</Text>
      {item.decisions.length === 0 ? (
        <Text fz="sm">{texts.none}</Text>
      ) : (
        <List spacing="xs" fz="sm">
          {item.decisions.map((d) => (
            <List.Item key={d.id}>
              {texts.line(d)}{" "}
              {d.taskId && (
                <Anchor component={Link} to="/uppgifter" fz="sm">
                  {texts.task}
                </Anchor>
              )}
              <SamverkanChoice decision={d} item={item} editable={editable} />
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function SamverkanChoice({
  decision,
  item,
  editable,
}: {
  decision: TeamDecision;
  item: AgendaItem;
  editable: boolean;
}) {
  const link = useLinkSamverkan(decision.id);
  if (!editable || item.samverkansmoten.length === 0) {
    return decision.samverkan ? (
      <Text fz="sm">
        {texts.followUp}: {decision.samverkan.kindLabel} {decision.samverkan.date}
      </Text>
    ) : null;
  }
  return (
    <>
      <NativeSelect
        size="xs"
        maw={360}
        label={texts.followUp}
        data={[
          { value: "", label: texts.noFollowUp },
          ...item.samverkansmoten.map((s) => ({ value: s.id, label: `${s.kindLabel} ${s.date}` })),
        ]}
        value={decision.samverkan?.id ?? ""}
        disabled={link.isPending}
        onChange={(e) =>
          link.mutate({ version: decision.version, samverkanMeetingId: e.currentTarget.value || null })
        }
      />
      {link.isError && <ErrorAlert error={link.error} title={texts.failed} />}
    </>
  );
}
