/** The unit list's free text, in the summary line: applied when the user pauses typing. */
import { TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";

const texts = {
  label: "Sök i listan",
  hint: "Namn, personnummer, diagnos eller läkare",
};

export function SearchField({ initial, onApply }: { initial: string; onApply: (q: string) => void }) {
  const [draft, setDraft] = useState(initial);
  const [settled] = useDebouncedValue(draft, 350);
  useEffect(() => onApply(settled), [settled, onApply]);
  return (
    <TextInput
      label={texts.label}
      placeholder={texts.hint}
      type="search"
      size="sm"
      autoComplete="off"
      spellCheck={false}
      maxLength={100}
      value={draft}
      onChange={(e) => setDraft(e.currentTarget.value)}
      w={300}
    />
  );
}
