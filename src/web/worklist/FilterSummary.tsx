/**
 * The unit list's summary line: the filter panel's toggle, the free text, "N av M visas" and each
 * active filter as a chip that removes it (keyboard: Tab to the chip, Enter or Space). After a
 * removal the focus goes to the next chip, or to the toggle when none is left.
 */
import { Button, Group, Text, UnstyledButton } from "@mantine/core";
import { useCallback, useLayoutEffect, useRef } from "react";
import type { FilterChip, ListFilter } from "./filters.ts";
import { SearchField } from "./SearchField.tsx";

const texts = {
  filters: (n: number) => (n === 0 ? "Filter" : `Filter (${n})`),
  shown: (n: number, of: number) => `${n} av ${of} visas`,
  updating: "Uppdaterar …",
  none: "Inga sjukfall matchar filtret.",
  chips: "Aktiva filter",
  remove: (label: string) => `Ta bort filtret ${label}`,
  clear: "Rensa filter",
};

interface Props {
  panelId: string;
  open: boolean;
  onToggle: () => void;
  chips: FilterChip[];
  filter: ListFilter;
  /** A chip removed (the typed drafts restart). */
  onChange: (patch: Partial<ListFilter>) => void;
  /** The free text applied after a pause in typing. */
  onApplyText: (patch: Partial<ListFilter>) => void;
  onClear: () => void;
  /** The search field restarts its draft when this moves (a chip or "Rensa filter" cleared it). */
  generation: number;
  counts: { shown: number; of: number } | null;
  fetching: boolean;
}

export function FilterSummary(props: Props) {
  const { panelId, open, onToggle, chips, filter, onChange, onApplyText, onClear, generation } = props;
  const { counts, fetching } = props;
  const applyText = useCallback((q: string) => onApplyText({ q }), [onApplyText]);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const chipsRef = useRef<HTMLUListElement>(null);

  // After a removal, once the chips are drawn without it: focus its successor, or the toggle.
  const focusAfterRemoval = useRef<number | null>(null);
  useLayoutEffect(() => {
    const index = focusAfterRemoval.current;
    if (index === null) return;
    focusAfterRemoval.current = null;
    const buttons = chipsRef.current?.querySelectorAll<HTMLButtonElement>("button") ?? [];
    (buttons[Math.min(index, buttons.length - 1)] ?? toggleRef.current)?.focus();
  }, [chips]);
  const remove = (index: number) => {
    focusAfterRemoval.current = index;
    onChange(chips[index]!.remove(filter));
  };

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SearchField key={generation} initial={filter.q} onApply={applyText} />
      <Button
        ref={toggleRef}
        variant={open ? "filled" : "default"}
        size="sm"
        onClick={onToggle}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
      >
        {texts.filters(chips.length)}
      </Button>
      <Text role="status" aria-live="polite" fz="sm" fw={600} py={6}>
        {statusText(fetching, counts)}
      </Text>
      {chips.length > 0 && (
        <>
          <ul ref={chipsRef} aria-label={texts.chips} className="filter-chips">
            {chips.map((chip, index) => (
              <li key={chip.key}>
                <UnstyledButton
                  className="filter-chip"
                  onClick={() => remove(index)}
                  aria-label={texts.remove(chip.label)}
                >
                  {chip.label} <span aria-hidden="true">×</span>
                </UnstyledButton>
              </li>
            ))}
          </ul>
          <Button variant="subtle" size="compact-sm" onClick={onClear}>
            {texts.clear}
          </Button>
        </>
      )}
    </Group>
  );
}

function statusText(fetching: boolean, counts: Props["counts"]): string {
  if (fetching) return texts.updating;
  if (counts === null) return "";
  return counts.shown === 0 ? texts.none : texts.shown(counts.shown, counts.of);
}
