import { describe, expect, it } from "vitest";
import { idleStage, timeLeftText } from "./idle.ts";

describe("the session's idle clock", () => {
  it("warns two minutes before an 8-hour idle time ends, and then says it has ended", () => {
    const minute = 60_000;
    expect(idleStage(477 * minute, 480)).toEqual({ stage: "active" });
    expect(idleStage(478 * minute, 480)).toEqual({ stage: "warning", secondsLeft: 120 });
    expect(idleStage(480 * minute - 1500, 480)).toEqual({ stage: "warning", secondsLeft: 2 });
    expect(idleStage(480 * minute, 480)).toEqual({ stage: "ended" });
  });

  it("warns at three quarters of a short idle time", () => {
    expect(idleStage(44_000, 1)).toEqual({ stage: "active" });
    expect(idleStage(45_000, 1)).toEqual({ stage: "warning", secondsLeft: 15 });
  });

  it("says the time left in Swedish words", () => {
    expect(timeLeftText(120)).toBe("2 minuter");
    expect(timeLeftText(65)).toBe("1 minut och 5 sekunder");
    expect(timeLeftText(1)).toBe("1 sekund");
  });
});
