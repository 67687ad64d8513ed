/** Session data hooks: configuration, who is logged in, login, logout, unit switch. */
import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { isApiError, loginCsrfCookie, readCookie, request, setCsrfToken } from "./client.ts";
import { keys } from "./keys.ts";
import { clearAllDrafts } from "../components/formDrafts.ts";
import type { LoginRequest } from "../../auth/schema.ts";
import type { AuthConfig, Me } from "./types.ts";

export function useAuthConfig() {
  return useQuery({
    queryKey: keys.authConfig,
    queryFn: () => request<AuthConfig>("GET", "/api/auth/config"),
    staleTime: Infinity,
  });
}

/** The logged-in user, or null when there is no session. */
export function useMe() {
  return useQuery({
    queryKey: keys.me,
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await request<Me>("GET", "/api/auth/session");
        setCsrfToken(me.csrfToken);
        return me;
      } catch (error) {
        if (isApiError(error, 401)) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

export type Credentials = LoginRequest;

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) =>
      request<Me>("POST", "/api/auth/login", {
        body: credentials,
        csrfToken: readCookie(loginCsrfCookie),
      }),
    onSuccess: (me) => {
      // A draft left in the tab by someone else is never shown to this user.
      clearAllDrafts(me.user.id);
      sessionEnd = null;
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(keys.me, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request<void>("POST", "/api/auth/logout"),
    onSettled: () => forgetSession(queryClient, "logout"),
  });
}

/**
 * Whose page the login page may return to: anyone's while no session has ended in this tab (a
 * link opened before logging in); the user whose session expired (they log in again and go on
 * where they were); after a logout nobody's (null): the next user starts at their own start page,
 * never at the previous user's last page.
 */
let returnPathOwner: string | null | undefined;

/** Why the last session in the tab ended, for the login page: null after a logout or a login. */
let sessionEnd: "expired" | null = null;

export function sessionEndReason(): "expired" | null {
  return sessionEnd;
}

/** Where to go after logging in as `userId`: `from` when it is that user's to return to, else the start page. */
export function pathAfterLogin(userId: string, from: string | undefined): string {
  if (from === undefined) return "/";
  return returnPathOwner === undefined || returnPathOwner === userId ? from : "/";
}

/** Logged out or session expired: nothing of the user's data may stay in memory. */
export function forgetSession(queryClient: QueryClient, reason: "logout" | "expired" = "expired") {
  const me = queryClient.getQueryData<Me | null>(keys.me);
  returnPathOwner = reason === "expired" && me ? me.user.id : null;
  // Unsaved input stays for the user to log in again after a timeout; a logout takes it with it.
  if (reason === "logout") clearAllDrafts();
  sessionEnd = reason === "expired" && me ? "expired" : null;
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[1] !== "me" });
  queryClient.setQueryData(keys.me, null);
}

export function useSwitchUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (unitId: string) => request<Me>("PUT", "/api/auth/session/unit", { body: { unitId } }),
    onSuccess: async (me) => {
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(keys.me, me);
      // Everything else was read on the previous unit.
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== "auth" });
    },
  });
}
