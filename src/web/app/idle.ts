/**
 * The session's idle clock as the browser sees it: the server ends a session after `idleMinutes`
 * without a request, so the user is warned before that and can stay, and the app notices when it
 * has happened (and then keeps the user's unsaved input for after the next login).
 */
export type IdleStage = { stage: "active" } | { stage: "warning"; secondsLeft: number } | { stage: "ended" };

/** The warning comes two minutes before the end, or at three quarters of a short idle time. */
export function warningMs(idleMs: number): number {
  return Math.min(2 * 60_000, idleMs / 4);
}

export function idleStage(sinceLastAnswerMs: number, idleMinutes: number): IdleStage {
  const idleMs = idleMinutes * 60_000;
  if (sinceLastAnswerMs >= idleMs) return { stage: "ended" };
  if (sinceLastAnswerMs >= idleMs - warningMs(idleMs)) {
    return { stage: "warning", secondsLeft: Math.ceil((idleMs - sinceLastAnswerMs) / 1000) };
  }
  return { stage: "active" };
}

/** "1 minut och 5 sekunder", "45 sekunder": the time left in words (read aloud by screen readers). */
export function timeLeftText(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const secondsText = `${rest} ${rest === 1 ? "sekund" : "sekunder"}`;
  if (minutes === 0) return secondsText;
  const minutesText = `${minutes} ${minutes === 1 ? "minut" : "minuter"}`;
  return rest === 0 ? minutesText : `${minutesText} och ${secondsText}`;
}
