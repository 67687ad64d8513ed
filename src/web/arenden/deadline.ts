/** How a last answer date reads in text (never colour alone): when it is, and whether it is late. */
import { dateLabel } from "../format.ts";

export interface Deadline {
  text: string;
  overdue: boolean;
  /** Due today or within two days. */
  soon: boolean;
}

export function deadlineOf(lastAnswerDate: string | null, daysToDeadline: number | null): Deadline | null {
  if (!lastAnswerDate || daysToDeadline === null) return null;
  const date = dateLabel(lastAnswerDate);
  if (daysToDeadline < 0) {
    const days = -daysToDeadline;
    return {
      text: `Försenat: sista svarsdag ${date} (${days} ${days === 1 ? "dag" : "dagar"} sedan)`,
      overdue: true,
      soon: false,
    };
  }
  if (daysToDeadline === 0) return { text: `Sista svarsdag i dag, ${date}`, overdue: false, soon: true };
  return {
    text: `Sista svarsdag ${date} (om ${daysToDeadline} ${daysToDeadline === 1 ? "dag" : "dagar"})`,
    overdue: false,
    soon: daysToDeadline <= 2,
  };
}
