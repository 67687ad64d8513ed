/** Pure layout of a case on a timeline, and grades in words. */
import type { PatientCase } from "../api/cases.ts";

const gradeWords: Record<number, string> = {
  100: "helt nedsatt",
  75: "nedsatt med tre fjärdedelar",
  50: "nedsatt till hälften",
  25: "nedsatt med en fjärdedel",
};

/** "100 % (helt nedsatt)": the grade in text, never by colour alone. */
export function gradeLabel(grade: number): string {
  const words = gradeWords[grade];
  return words ? `${grade} % (${words})` : `${grade} %`;
}

const dayMs = 86_400_000;
const day = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / dayMs);

export interface Segment {
  from: string;
  to: string;
  grade: number;
  /** Percent of the bar. */
  left: number;
  width: number;
}

export interface Tick {
  key: string;
  label: string;
  left: number;
  today: boolean;
}

/** Grade periods and checkpoint/today ticks as percentages of the case's span (start to end). */
export function timelineSegments(
  c: Pick<PatientCase, "start" | "end" | "grades" | "checkpoints">,
  today?: string,
) {
  const first = day(c.start);
  const span = day(c.end) - first + 1;
  const at = (iso: string) => ((day(iso) - first) / span) * 100;
  const segments: Segment[] = c.grades.map((g) => ({
    from: g.from,
    to: g.to,
    grade: g.grade,
    left: at(g.from),
    width: ((day(g.to) - day(g.from) + 1) / span) * 100,
  }));
  const ticks: Tick[] = c.checkpoints
    .filter((p) => p.withinCase && p.day > 1)
    .map((p) => ({ key: p.kind, label: `dag ${p.day}`, left: at(p.date), today: false }));
  if (today && today >= c.start && today <= c.end) {
    ticks.push({ key: "today", label: "i dag", left: at(today), today: true });
  }
  return { segments, ticks };
}
