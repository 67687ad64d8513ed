/**
 * The unit list's filters, opened from the summary line. Checkboxes, chips and selects apply at
 * once; age and end date apply when the user pauses typing (and only when valid), so typing never
 * redraws the table. The free text is in the summary line (`SearchField`).
 */
import { Checkbox, Chip, Group, NativeSelect, Paper, SimpleGrid, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { memo, useEffect, useMemo, useState } from "react";
import { sysselsattningLabels } from "../../certificates/rules/labels.ts";
import chapterFile from "../../reference/icd10/diagnoskapitel.txt?raw";
import { parseChapters } from "../../reference/icd10/parse.ts";
import { coordinatorStatuses, type LengthBucketId } from "../../worklist/rules.ts";
import { teamStatusIds, teamStatuses } from "../../traceability/rules.ts";
import { checkRanges, lengthBuckets, type ListFilter, type RangeField } from "./filters.ts";

const texts = {
  title: "Filter",
  over30: "Mer än 30 dagar",
  risk: "Förhöjd risk (minst 2 poäng)",
  openArenden: "Öppna ärenden",
  fmbExceeded: "Längre än FMB rekommenderar",
  length: "Längd på sjukfallet",
  chapter: "Diagnoskapitel",
  doctor: "Läkare",
  sex: "Kön",
  sysselsattning: "Sysselsättning",
  status: "Status",
  teamStatus: "Teamstatus",
  all: "Alla",
  women: "Kvinnor",
  men: "Män",
  ongoing: "Pågående",
  ended: "Avslutade",
  ageMin: "Ålder från",
  ageMax: "Ålder till",
  endFrom: "Slutdatum från",
  endTo: "Slutdatum till",
  years: "år",
  coordinatorStatus: "Koordinatorstatus",
};

const chapters = parseChapters(chapterFile);

type Typed = Pick<ListFilter, RangeField>;

interface Props {
  id: string;
  filter: ListFilter;
  onChange: (patch: Partial<ListFilter>) => void;
  /** Moves when a filter is cleared from outside (chips, "Rensa filter"): the typed drafts restart. */
  generation: number;
  doctors: { id: string; name: string }[] | null;
}

export const FilterPanel = memo(function FilterPanel({ id, filter, onChange, generation, doctors }: Props) {
  const chapterOptions = useMemo(
    () => [
      { value: "", label: texts.all },
      ...chapters.map((c) => ({ value: c.id, label: `${c.id} ${c.title}` })),
    ],
    [],
  );
  const doctorOptions = useMemo(
    () => [{ value: "", label: texts.all }, ...(doctors ?? []).map((d) => ({ value: d.id, label: d.name }))],
    [doctors],
  );

  return (
    <Paper withBorder p="sm" component="section" aria-label={texts.title} id={id}>
      <Group gap="lg" wrap="wrap">
        <Checkbox
          label={texts.over30}
          checked={filter.over30}
          onChange={(e) => onChange({ over30: e.currentTarget.checked })}
        />
        <Checkbox
          label={texts.risk}
          checked={filter.risk}
          onChange={(e) => onChange({ risk: e.currentTarget.checked })}
        />
        <Checkbox
          label={texts.openArenden}
          checked={filter.openArenden}
          onChange={(e) => onChange({ openArenden: e.currentTarget.checked })}
        />
        <Checkbox
          label={texts.fmbExceeded}
          checked={filter.fmbExceeded}
          onChange={(e) => onChange({ fmbExceeded: e.currentTarget.checked })}
        />
      </Group>

      <fieldset className="plain-fieldset" style={{ border: 0, padding: 0, margin: "0.75rem 0 0" }}>
        <Text component="legend" fw={500} fz="sm" mb={6}>
          {texts.length}
        </Text>
        <Chip.Group
          multiple
          value={filter.length}
          onChange={(value) => onChange({ length: value as LengthBucketId[] })}
        >
          <Group gap="xs">
            {lengthBuckets.map((b) => (
              <Chip key={b.id} value={b.id} size="sm" variant="outline">
                {b.label}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </fieldset>

      <SimpleGrid cols={{ base: 1, sm: 2, md: 4, xl: 6 }} mt="sm" spacing="sm">
        <TypedFields key={generation} initial={filter} onApply={onChange} />
        <NativeSelect
          label={texts.chapter}
          value={filter.chapter}
          onChange={(e) => onChange({ chapter: e.currentTarget.value })}
          data={chapterOptions}
        />
        {doctors && (
          <NativeSelect
            label={texts.doctor}
            value={filter.doctor}
            onChange={(e) => onChange({ doctor: e.currentTarget.value })}
            data={doctorOptions}
          />
        )}
        <NativeSelect
          label={texts.sex}
          value={filter.sex}
          onChange={(e) => onChange({ sex: e.currentTarget.value as ListFilter["sex"] })}
          data={[
            { value: "", label: texts.all },
            { value: "F", label: texts.women },
            { value: "M", label: texts.men },
          ]}
        />
        <NativeSelect
          label={texts.sysselsattning}
          value={filter.sysselsattning}
          onChange={(e) => onChange({ sysselsattning: e.currentTarget.value })}
          data={[
            { value: "", label: texts.all },
            ...Object.entries(sysselsattningLabels).map(([value, label]) => ({ value, label })),
          ]}
        />
        <NativeSelect
          label={texts.status}
          value={filter.status}
          onChange={(e) => onChange({ status: e.currentTarget.value as ListFilter["status"] })}
          data={[
            { value: "", label: texts.all },
            { value: "ONGOING", label: texts.ongoing },
            { value: "ENDED", label: texts.ended },
          ]}
        />
        <NativeSelect
          label={texts.teamStatus}
          value={filter.teamStatus}
          onChange={(e) => onChange({ teamStatus: e.currentTarget.value as ListFilter["teamStatus"] })}
          data={[
            { value: "", label: texts.all },
            ...teamStatusIds.map((value) => ({ value, label: teamStatuses[value] })),
          ]}
        />
        <NativeSelect
          label={texts.coordinatorStatus}
          value={filter.coordinatorStatus}
          onChange={(e) =>
            onChange({ coordinatorStatus: e.currentTarget.value as ListFilter["coordinatorStatus"] })
          }
          data={[
            { value: "", label: texts.all },
            ...Object.entries(coordinatorStatuses).map(([value, label]) => ({ value, label })),
          ]}
        />
      </SimpleGrid>
    </Paper>
  );
});

/** Age and end date: drafts of their own, applied after a pause when valid. */
function TypedFields({
  initial,
  onApply,
}: {
  initial: Typed;
  onApply: (patch: Partial<ListFilter>) => void;
}) {
  const [draft, setDraft] = useState<Typed>({
    ageMin: initial.ageMin,
    ageMax: initial.ageMax,
    endFrom: initial.endFrom,
    endTo: initial.endTo,
  });
  const [settled] = useDebouncedValue(draft, 350);
  const errors = useMemo(() => checkRanges(settled), [settled]);

  useEffect(() => {
    if (Object.keys(checkRanges(settled)).length === 0) onApply(settled);
  }, [settled, onApply]);

  const set = (field: keyof Typed) => (event: React.ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setDraft((d) => ({ ...d, [field]: value }));
  };

  return (
    <>
      <Group grow align="flex-start" gap="xs">
        <TextInput
          label={texts.ageMin}
          inputMode="numeric"
          rightSection={<Text fz="xs">{texts.years}</Text>}
          value={draft.ageMin}
          onChange={set("ageMin")}
          error={errors.ageMin}
        />
        <TextInput
          label={texts.ageMax}
          inputMode="numeric"
          rightSection={<Text fz="xs">{texts.years}</Text>}
          value={draft.ageMax}
          onChange={set("ageMax")}
          error={errors.ageMax}
        />
      </Group>
      <Group grow align="flex-start" gap="xs">
        <TextInput
          label={texts.endFrom}
          type="date"
          value={draft.endFrom}
          onChange={set("endFrom")}
          error={errors.endFrom}
        />
        <TextInput
          label={texts.endTo}
          type="date"
          value={draft.endTo}
          onChange={set("endTo")}
          error={errors.endTo}
        />
      </Group>
    </>
  );
}
