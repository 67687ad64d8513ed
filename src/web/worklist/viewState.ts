/**
 * The unit list's view (filters, sort, page, columns hidden or not) kept in memory for the session,
 * per user and unit: going to a patient and back finds the list as it was. Never in the URL or in
 * storage, since the free text may hold a name.
 */
import { useCallback, useState } from "react";
import { defaultSort, emptyFilter, type ListFilter, type ListSort } from "./filters.ts";

export interface ListView {
  filter: ListFilter;
  sort: ListSort;
  offset: number;
  pageSize: number;
  hidePersonal: boolean;
}

export const pageSizes = [50, 100, 250, 500];

const initialView: ListView = {
  filter: emptyFilter,
  sort: defaultSort,
  offset: 0,
  pageSize: 100,
  hidePersonal: false,
};

const remembered = new Map<string, ListView>();

function sameFilter(a: ListFilter, b: ListFilter): boolean {
  return (Object.keys(a) as (keyof ListFilter)[]).every((key) => {
    const x = a[key];
    const y = b[key];
    return Array.isArray(x) && Array.isArray(y)
      ? x.length === y.length && x.every((v, i) => v === y[i])
      : x === y;
  });
}

export function useListView(key: string) {
  const [view, setViewState] = useState<ListView>(() => remembered.get(key) ?? initialView);
  const setView = useCallback(
    (update: (view: ListView) => ListView) =>
      setViewState((current) => {
        const next = update(current);
        remembered.set(key, next);
        return next;
      }),
    [key],
  );
  const changeFilter = useCallback(
    (patch: Partial<ListFilter>) =>
      setView((v) => {
        const filter = { ...v.filter, ...patch };
        // A filter that changes nothing keeps the page (the typed fields re-apply after a pause).
        return sameFilter(filter, v.filter) ? v : { ...v, filter, offset: 0 };
      }),
    [setView],
  );
  return { view, setView, changeFilter };
}
