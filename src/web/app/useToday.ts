/**
 * The web app's "today": the server's calendar day in Europe/Stockholm, from the session (the
 * server's clock, which SAMSYN_NOW moves), never the browser's own clock, so that a rule checked
 * in the browser and on the server agrees on the day. The session is read again within minutes
 * (its stale time), so a page left open over midnight moves on with it.
 */
import { useSession } from "./session.tsx";

export function useToday(): string {
  return useSession().today;
}
