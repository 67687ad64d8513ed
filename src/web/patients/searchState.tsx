/**
 * The patient search term lives in memory for the session, never in the page URL (no patient data
 * in URLs, history or server logs), and survives going to a patient and back.
 */
import { createContext, use, useMemo, useState, type ReactNode } from "react";

interface SearchState {
  /** What is in the search field. */
  draft: string;
  setDraft: (value: string) => void;
  /** What was last searched for. */
  term: string;
  submit: () => void;
  reset: () => void;
}

const SearchStateContext = createContext<SearchState | null>(null);

export function PatientSearchStateProvider({ children }: { children: ReactNode }) {
  const [draft, setDraft] = useState("");
  const [term, setTerm] = useState("");
  const value = useMemo<SearchState>(
    () => ({
      draft,
      setDraft,
      term,
      submit: () => setTerm(draft.trim()),
      reset: () => {
        setDraft("");
        setTerm("");
      },
    }),
    [draft, term],
  );
  return <SearchStateContext value={value}>{children}</SearchStateContext>;
}

export function usePatientSearchState(): SearchState {
  const state = use(SearchStateContext);
  if (!state) throw new Error("usePatientSearchState outside PatientSearchStateProvider");
  return state;
}
