import { describe, expect, it } from "vitest";
import { gradeLabel, timelineSegments } from "./timeline.ts";

describe("gradeLabel", () => {
  it("says the grade in words as well as in per cent", () => {
    expect(gradeLabel(100)).toBe("100 % (helt nedsatt)");
    expect(gradeLabel(25)).toBe("25 % (nedsatt med en fjärdedel)");
    expect(gradeLabel(40)).toBe("40 %");
  });
});

describe("timelineSegments", () => {
  const c = {
    start: "2026-11-01",
    end: "2026-11-20",
    grades: [
      { from: "2026-11-01", to: "2026-11-10", grade: 100, certificateId: "a" },
      { from: "2026-11-16", to: "2026-11-20", grade: 50, certificateId: "b" },
    ],
    checkpoints: [
      {
        day: 8,
        date: "2026-11-08",
        kind: "certificate-required",
        label: "",
        reached: true,
        withinCase: true,
      },
      { day: 15, date: "2026-11-15", kind: "fk-takes-over", label: "", reached: false, withinCase: true },
      {
        day: 30,
        date: "2026-11-30",
        kind: "rehab-coordinator",
        label: "",
        reached: false,
        withinCase: false,
      },
    ],
  };

  it("places periods to scale over the case's 20 days, gaps left empty", () => {
    const { segments } = timelineSegments(c);
    expect(segments.map((s) => [s.grade, s.left, s.width])).toEqual([
      [100, 0, 50],
      [50, 75, 25],
    ]);
  });

  it("marks the checkpoints inside the case and today", () => {
    const { ticks } = timelineSegments(c, "2026-11-11");
    expect(ticks.map((t) => [t.label, t.left])).toEqual([
      ["dag 8", 35],
      ["i dag", 50],
      ["dag 15", 70],
    ]);
    expect(timelineSegments(c, "2026-12-01").ticks.some((t) => t.today)).toBe(false);
  });

  it("never lets two labels overlap: a label too close to the one before takes the next line", () => {
    // A year-long case: day 8, day 15 and day 30 lie within a few per cent of each other.
    const long = {
      ...c,
      end: "2027-10-31",
      checkpoints: [8, 15, 30, 90, 180].map((d) => ({
        day: d,
        date: new Date(Date.UTC(2026, 10, d)).toISOString().slice(0, 10),
        kind: `dag-${d}`,
        label: "",
        reached: true,
        withinCase: true,
      })),
    };
    for (const width of [320, 720]) {
      const { ticks, lanes } = timelineSegments(long, "2026-11-20", width);
      const px = (t: { left: number }) => (t.left / 100) * width;
      for (const a of ticks) {
        for (const b of ticks) {
          if (a === b || a.lane !== b.lane || px(a) > px(b)) continue;
          expect(
            px(a) + a.label.length * 6 + 8,
            `${a.label} / ${b.label} at ${width} px`,
          ).toBeLessThanOrEqual(px(b));
        }
      }
      expect(lanes).toBeGreaterThan(1);
    }
  });
});
