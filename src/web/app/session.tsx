/** The logged-in user for every page inside the app shell, and what they may do. */
import { createContext, use } from "react";
import type { Capability, Me } from "../api/types.ts";

export const SessionContext = createContext<Me | null>(null);

export function useSession(): Me {
  const me = use(SessionContext);
  if (!me) throw new Error("useSession outside a logged-in page");
  return me;
}

export function can(me: Me, ...anyOf: Capability[]): boolean {
  return anyOf.some((capability) => me.capabilities.includes(capability));
}

export const adminCapabilities: Capability[] = ["region.units", "region.users", "unit.users", "policy.read"];
