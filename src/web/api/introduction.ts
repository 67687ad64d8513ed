/** The substitutes' introduction: the user's first-day checklist, ticking it, the chief's overview. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { MyIntroduction, UnitIntroductions } from "../../introduction/schema.ts";
import { request } from "./client.ts";
import { routineKeys } from "./routines.ts";

export type { MyIntroduction, UnitIntroductions };

export function useMyIntroduction() {
  return useQuery({
    queryKey: [...routineKeys.introduction, "mine"],
    queryFn: () => request<MyIntroduction>("GET", "/api/introduktion"),
  });
}

export function useUnitIntroductions(enabled: boolean) {
  return useQuery({
    queryKey: [...routineKeys.introduction, "unit"],
    queryFn: () => request<UnitIntroductions>("GET", "/api/introduktion/enheten"),
    enabled,
    // The chief's look at named staff is logged: no refetch behind the user's back.
    refetchOnWindowFocus: false,
  });
}

export function useTickContacts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (done: boolean) =>
      request<MyIntroduction>("POST", "/api/introduktion/bockar", { body: { item: "KONTAKTER", done } }),
    onSuccess: (saved) => client.setQueryData([...routineKeys.introduction, "mine"], saved),
  });
}
