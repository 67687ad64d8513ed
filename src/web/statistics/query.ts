/** The statistics' default period: the 12 months ending with the month of today, by month. */
import type { StatisticsQuery } from "../api/statistics.ts";

export function defaultQuery(today: string): StatisticsQuery {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const from = month === 12 ? `${year}-01` : `${year - 1}-${String(month + 1).padStart(2, "0")}`;
  return { from, to: today.slice(0, 7), by: "month" };
}
