/** The period of the statistics: from and to month (inclusive) and the time series' division. */
import { Button, Group, NativeSelect, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import type { PeriodKind, StatisticsQuery } from "../api/statistics.ts";
import { statisticsTexts } from "./labels.ts";

const texts = {
  legend: "Period",
  from: "Från månad",
  to: "Till månad",
  by: "Dela in per",
  show: "Visa",
  monthHint: "ÅÅÅÅ-MM",
};

const kinds: PeriodKind[] = ["month", "quarter", "year"];

export function PeriodPicker({
  value,
  onChange,
}: {
  value: StatisticsQuery;
  onChange: (q: StatisticsQuery) => void;
}) {
  const [draft, setDraft] = useState(value);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(draft);
  };
  return (
    <form onSubmit={submit} aria-label={texts.legend}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          type="month"
          label={texts.from}
          description={texts.monthHint}
          value={draft.from}
          onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
          required
        />
        <TextInput
          type="month"
          label={texts.to}
          description={texts.monthHint}
          value={draft.to}
          onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
          required
        />
        <NativeSelect
          label={texts.by}
          value={draft.by}
          data={kinds.map((kind) => ({ value: kind, label: statisticsTexts.by[kind] }))}
          onChange={(e) => setDraft({ ...draft, by: e.currentTarget.value as PeriodKind })}
        />
        <Button type="submit">{texts.show}</Button>
      </Group>
    </form>
  );
}
