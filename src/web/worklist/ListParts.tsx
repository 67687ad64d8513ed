/** The unit list's counts split by sex (in the heading row) and its pager (below the table). */
import { Button, Group, NativeSelect, Text } from "@mantine/core";
import type { SexCounts } from "../api/worklist.ts";
import { pageSizes } from "./viewState.ts";

const texts = {
  counts: "Antal sjukfall",
  total: "Totalt",
  women: "Kvinnor",
  men: "Män",
  ofAll: (c: SexCounts) => `av ${c.total} utan filter (kvinnor ${c.women}, män ${c.men})`,
  pageSize: "Rader per sida",
  rows: (from: number, to: number) => `Rad ${from}–${to}`,
  previous: "Föregående sida",
  next: "Nästa sida",
};

export function Counts({ counts, unfiltered }: { counts: SexCounts; unfiltered: SexCounts }) {
  const filtered = counts.total !== unfiltered.total;
  const figures = [
    ["total", texts.total, counts.total],
    ["women", texts.women, counts.women],
    ["men", texts.men, counts.men],
  ] as const;
  return (
    <section aria-label={texts.counts} className="list-counts">
      <dl data-counts>
        {figures.map(([key, label, value]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd data-count={key}>{value}</dd>
          </div>
        ))}
      </dl>
      {filtered && <Text fz="xs">{texts.ofAll(unfiltered)}</Text>}
    </section>
  );
}

export function Pager({
  offset,
  shown,
  total,
  pageSize,
  onPage,
}: {
  offset: number;
  shown: number;
  total: number;
  pageSize: number;
  onPage: (offset: number, pageSize: number) => void;
}) {
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap">
      <Group align="flex-end" gap="md">
        <NativeSelect
          label={texts.pageSize}
          size="xs"
          value={String(pageSize)}
          onChange={(e) => onPage(0, Number(e.currentTarget.value))}
          data={pageSizes.map(String)}
          w={120}
        />
        <Text fz="sm" pb={4}>
          {texts.rows(offset + 1, offset + shown)}
        </Text>
      </Group>
      <Group gap="xs">
        <Button
          variant="default"
          size="xs"
          disabled={offset === 0}
          onClick={() => onPage(Math.max(0, offset - pageSize), pageSize)}
        >
          {texts.previous}
        </Button>
        <Button
          variant="default"
          size="xs"
          disabled={offset + pageSize >= total}
          onClick={() => onPage(offset + pageSize, pageSize)}
        >
          {texts.next}
        </Button>
      </Group>
    </Group>
  );
}
