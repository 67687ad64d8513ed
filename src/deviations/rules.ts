/**
 * Avvikelser (issue #11 item 3): categories, the workflow ny → under utredning → åtgärdad →
 * avslutad and what each step needs, and the statistics per category and month. Pure.
 */

export const deviationCategories = {
  FEL_GRAD: "Fel sjukskrivningsgrad",
  MISSAD_UPPFOLJNING: "Missad uppföljning",
  FORSENAT_INTYG: "Försenat intyg",
  KOMPLETTERING_SEN: "Komplettering inte besvarad i tid",
  VARDORSAKAD: "Sjukskrivning orsakad av vården",
  SAMTYCKE_SAKNAS: "Samtycke saknas",
  OVRIGT: "Övrigt",
} as const;
export type DeviationCategory = keyof typeof deviationCategories;
export const deviationCategoryIds = Object.keys(deviationCategories) as [
  DeviationCategory,
  ...DeviationCategory[],
];

export const deviationStatuses = {
  NY: "Ny",
  UNDER_UTREDNING: "Under utredning",
  ATGARDAD: "Åtgärdad",
  AVSLUTAD: "Avslutad",
} as const;
export type DeviationStatus = keyof typeof deviationStatuses;
export const deviationStatusIds = Object.keys(deviationStatuses) as [DeviationStatus, ...DeviationStatus[]];

/** The steps allowed from each status (åtgärdad can go back to utredning if the actions fell short). */
export const nextStatuses: Record<DeviationStatus, readonly DeviationStatus[]> = {
  NY: ["UNDER_UTREDNING"],
  UNDER_UTREDNING: ["ATGARDAD"],
  ATGARDAD: ["AVSLUTAD", "UNDER_UTREDNING"],
  AVSLUTAD: [],
};

export interface DeviationState {
  status: DeviationStatus;
  investigation: string;
  actions: readonly { doneOn: string | null }[];
}

/**
 * Why the step to `to` is not allowed now (Swedish, names the field), or null. Åtgärdad needs the
 * investigation written and at least one action, every one done.
 */
export function transitionProblem(
  state: DeviationState,
  to: DeviationStatus,
): { field: string; message: string } | null {
  if (!nextStatuses[state.status].includes(to)) {
    const allowed = nextStatuses[state.status].map((s) => deviationStatuses[s].toLowerCase());
    return {
      field: "status",
      message:
        allowed.length === 0
          ? `Avvikelsen är ${deviationStatuses[state.status].toLowerCase()} och kan inte ändra status.`
          : `Från ${deviationStatuses[state.status].toLowerCase()} kan avvikelsen bara bli ${allowed.join(" eller ")}.`,
    };
  }
  if (to === "ATGARDAD") {
    if (state.investigation.trim() === "") {
      return { field: "investigation", message: "Skriv utredningen innan avvikelsen markeras som åtgärdad." };
    }
    if (state.actions.length === 0) {
      return {
        field: "status",
        message: "Lägg till minst en åtgärd innan avvikelsen markeras som åtgärdad.",
      };
    }
    if (state.actions.some((a) => a.doneOn === null)) {
      return {
        field: "status",
        message: "Alla åtgärder ska vara genomförda innan avvikelsen markeras som åtgärdad.",
      };
    }
  }
  return null;
}

/** Closed deviations keep their content: only the history of an open one can grow. */
export const isOpen = (status: DeviationStatus) => status !== "AVSLUTAD";

export interface StatisticsRow {
  category: DeviationCategory;
  label: string;
  /** Count per month (ÅÅÅÅ-MM) of the period, in order. */
  months: number[];
  total: number;
  lexMaria: number;
}

/** The months from `from` to `to` (ÅÅÅÅ-MM, both included). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split("-").map(Number) as [number, number];
  const [endYear, endMonth] = to.split("-").map(Number) as [number, number];
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, "0")}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** The longest period the statistics cover (five years). */
export const MAX_STATISTICS_MONTHS = 60;

/** The last day (ÅÅÅÅ-MM-DD) of a month (ÅÅÅÅ-MM). */
export function lastDayOf(month: string): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, "0")}`;
}

/** Deviations per category and month of the period (by the day they happened). */
export function deviationStatistics(
  deviations: readonly { category: string; occurredOn: string; lexMaria: boolean }[],
  from: string,
  to: string,
): { months: string[]; rows: StatisticsRow[] } {
  const months = monthsBetween(from, to);
  const rows = deviationCategoryIds.map((category) => {
    const mine = deviations.filter(
      (d) => d.category === category && months.includes(d.occurredOn.slice(0, 7)),
    );
    return {
      category,
      label: deviationCategories[category],
      months: months.map((m) => mine.filter((d) => d.occurredOn.startsWith(m)).length),
      total: mine.length,
      lexMaria: mine.filter((d) => d.lexMaria).length,
    };
  });
  return { months, rows };
}
