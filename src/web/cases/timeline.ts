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
  /** The label's line under the bar (0 first): labels that would overlap take the next line. */
  lane: number;
}

/** About how wide a tick label is drawn (10 px text), in px. */
const labelPx = (label: string) => label.length * 6 + 8;

/** Puts each label on the first line where it does not touch the one before it (bar `widthPx` wide). */
function laneTicks(ticks: Omit<Tick, "lane">[], widthPx: number): Tick[] {
  const laneEnds: number[] = [];
  return [...ticks]
    .sort((a, b) => a.left - b.left)
    .map((tick) => {
      let lane = laneEnds.findIndex((end) => end <= tick.left);
      if (lane === -1) lane = laneEnds.push(0) - 1;
      laneEnds[lane] = tick.left + (labelPx(tick.label) / Math.max(widthPx, 1)) * 100;
      return { ...tick, lane };
    });
}

/**
 * Grade periods and checkpoint/today ticks as percentages of the case's span (start to end), the
 * ticks' labels on lines so that none overlaps on a bar `widthPx` wide.
 */
export function timelineSegments(
  c: Pick<PatientCase, "start" | "end" | "grades" | "checkpoints">,
  today?: string,
  widthPx = 720,
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
  const marks: Omit<Tick, "lane">[] = c.checkpoints
    .filter((p) => p.withinCase && p.day > 1)
    .map((p) => ({ key: p.kind, label: `dag ${p.day}`, left: at(p.date), today: false }));
  if (today && today >= c.start && today <= c.end) {
    marks.push({ key: "today", label: "i dag", left: at(today), today: true });
  }
  const ticks = laneTicks(marks, widthPx);
  return { segments, ticks, lanes: Math.max(1, ...ticks.map((t) => t.lane + 1)) };
}
