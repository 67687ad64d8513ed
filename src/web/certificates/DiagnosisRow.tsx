/**
 * One diagnosis row of question 6: an ICD-10-SE typeahead on the code (code or words, debounced,
 * arrow keys + Enter to choose) that fills the code and the diagnosis text.
 */
import { Autocomplete, Group, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { keys } from "../api/keys.ts";
import { minDiagnosisSearchLength, useDiagnosisSearch } from "../api/reference.ts";
import type { FormDiagnosis } from "./formDraft.ts";

const texts = {
  code: (index: number) => (index === 0 ? "Huvuddiagnos, kod" : `Diagnos ${index + 1}, kod`),
  codeHint: "Skriv kod eller sökord och välj i listan.",
  text: (index: number) => (index === 0 ? "Huvuddiagnos, text" : `Diagnos ${index + 1}, text`),
  searching: "Söker …",
  nothing: "Inga diagnoser matchar.",
};

export function DiagnosisRow(props: {
  index: number;
  value: FormDiagnosis;
  update: (change: (current: FormDiagnosis) => FormDiagnosis) => void;
  onBlur: () => void;
  error?: string | undefined;
  id?: string | undefined;
  required?: boolean;
}) {
  const { index, value, update, onBlur, error, id, required } = props;
  const queryClient = useQueryClient();
  const [term] = useDebouncedValue(value.kod, 250);
  const search = useDiagnosisSearch(term);
  const options = search.data ?? [];
  const titles = new Map(options.map((d) => [d.code, d.title]));
  const searchable = term.trim().length >= minDiagnosisSearchLength;

  return (
    <Group align="flex-start" gap="sm" wrap="wrap">
      <Autocomplete
        id={id}
        w={{ base: "100%", sm: 240 }}
        label={texts.code(index)}
        description={index === 0 ? texts.codeHint : undefined}
        withAsterisk={required}
        value={value.kod}
        onChange={(kod) => update((current) => ({ ...current, kod }))}
        onBlur={onBlur}
        data={options.map((d) => d.code)}
        // The server has already filtered on code and words.
        filter={({ options: all }) => all}
        limit={15}
        onOptionSubmit={(code) => {
          const title = titles.get(code);
          if (title === undefined) return;
          queryClient.setQueryData(keys.diagnosis(code), { code, title });
          update(() => ({ kod: code, text: title }));
        }}
        renderOption={({ option }) => (
          <span>
            <Text component="span" fw={600}>
              {option.value}
            </Text>{" "}
            {titles.get(option.value)}
          </span>
        )}
        comboboxProps={{ withinPortal: true }}
        autoComplete="off"
        error={error}
        aria-busy={searchable && search.isFetching ? true : undefined}
      />
      <TextInput
        style={{ flex: 1, minWidth: 240 }}
        label={texts.text(index)}
        withAsterisk={required}
        value={value.text}
        onChange={(event) => {
          const text = event.currentTarget.value;
          update((current) => ({ ...current, text }));
        }}
        onBlur={onBlur}
        mt={index === 0 ? 0 : undefined}
      />
    </Group>
  );
}
