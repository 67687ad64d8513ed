import { describe, expect, it } from "vitest";
import {
  caseContaining,
  countingCertificates,
  patientHistory,
  unitList,
  type SjukfallCertificate,
} from "./engine.ts";

/** A counting 100 % certificate of patient P on unit U1; `span` is "MM-DD>MM-DD" in 2016. */
function cert(id: string, span: string | [string, number][], extra: Partial<SjukfallCertificate> = {}) {
  const spans: [string, number][] = typeof span === "string" ? [[span, 100]] : span;
  return {
    id,
    patient: "P",
    unit: "U1",
    doctor: "D1",
    signed: "2016-01-01T10:00:00",
    diagnosis: "M545",
    periods: spans.map(([s, grade]) => {
      const [from, to] = s.split(">");
      return { from: `2016-${from}`, to: `2016-${to}`, grade };
    }),
    ...extra,
  } satisfies SjukfallCertificate;
}

const ids = (certs: SjukfallCertificate[]) => certs.map((c) => c.id);

describe("the contract's example (gap 5, today 2016-02-16)", () => {
  it("joins 02-01→02-10 and 02-12→02-20 into one case of 19 days", () => {
    const certs = [cert("c1", "02-01>02-10"), cert("c2", "02-12>02-20", { signed: "2016-02-11T09:00:00" })];
    expect(unitList(certs, { today: "2016-02-16", gap: 5 })).toEqual([
      {
        patient: "P",
        unit: "U1",
        start: "2016-02-01",
        end: "2016-02-20",
        days: 19,
        certificates: ["c1", "c2"],
        anchor: "c2",
        currentGrade: 100,
        grades: [100],
        diagnoses: ["M545"],
        doctor: "D1",
      },
    ]);
  });

  it("does not list 02-01→02-14 and 02-18→02-25: today falls in a gap", () => {
    const certs = [cert("c1", "02-01>02-14"), cert("c2", "02-18>02-25")];
    expect(unitList(certs, { today: "2016-02-16", gap: 5 })).toEqual([]);
  });

  it("uses gap 5 and afterEnd 0 by default", () => {
    expect(
      unitList([cert("c1", "02-01>02-10"), cert("c2", "02-16>02-20")], { today: "2016-02-16" }),
    ).toHaveLength(1);
    expect(unitList([cert("c1", "02-01>02-15")], { today: "2016-02-16" })).toEqual([]);
  });
});

describe("joining certificates into a case", () => {
  const today = "2016-02-18";

  it("joins when exactly `gap` days are empty, not when gap + 1 are", () => {
    const joined = unitList([cert("a", "02-01>02-10"), cert("b", "02-16>02-20")], { today, gap: 5 });
    expect(joined[0]).toMatchObject({ start: "2016-02-01", certificates: ["a", "b"], days: 15 });
    const apart = unitList([cert("a", "02-01>02-10"), cert("b", "02-17>02-20")], { today, gap: 5 });
    expect(apart[0]).toMatchObject({ start: "2016-02-17", certificates: ["b"], days: 4 });
  });

  it("with gap 0 joins only certificates that touch", () => {
    expect(
      unitList([cert("a", "02-01>02-17"), cert("b", "02-18>02-20")], { today, gap: 0 })[0]!.certificates,
    ).toEqual(["a", "b"]);
    expect(
      unitList([cert("a", "02-01>02-16"), cert("b", "02-18>02-20")], { today, gap: 0 })[0]!.certificates,
    ).toEqual(["b"]);
  });

  it("compares with the latest end so far: a long certificate keeps a later one after a contained short one", () => {
    const certs = [cert("long", "01-01>02-10"), cert("short", "01-05>01-08"), cert("next", "02-14>02-20")];
    const [found] = unitList(certs, { today, gap: 5 });
    expect(found).toMatchObject({
      start: "2016-01-01",
      end: "2016-02-20",
      certificates: ["long", "short", "next"],
    });
    expect(found!.days).toBe(41 + 7);
  });

  it("walks backward past a contained certificate too", () => {
    const certs = [cert("long", "01-01>02-10"), cert("short", "01-02>01-03"), cert("now", "02-12>02-20")];
    expect(unitList(certs, { today, gap: 1 })[0]!.certificates).toEqual(["long", "short", "now"]);
  });

  it("includes future certificates that join", () => {
    const certs = [cert("now", "02-10>02-20"), cert("later", [["02-24>03-10", 50]])];
    const [found] = unitList(certs, { today, gap: 5 });
    expect(found).toMatchObject({ end: "2016-03-10", certificates: ["now", "later"], days: 11 + 16 });
  });

  it("counts a day shared by two certificates once", () => {
    const [found] = unitList([cert("a", "02-01>02-10"), cert("b", "02-10>02-20")], { today, gap: 5 });
    expect(found).toMatchObject({ start: "2016-02-01", end: "2016-02-20", days: 20 });
  });

  it("does not count empty days between certificates, and counts every grade as a full day", () => {
    const certs = [cert("a", [["02-01>02-05", 25]]), cert("b", [["02-09>02-20", 50]])];
    expect(unitList(certs, { today, gap: 5 })[0]!.days).toBe(5 + 12);
  });

  it("never joins certificates of different units or patients", () => {
    const certs = [
      cert("a", "02-01>02-20"),
      cert("b", "02-10>02-25", { unit: "U2" }),
      cert("c", "02-15>02-28", { patient: "Q" }),
    ];
    expect(unitList(certs, { today, gap: 5 }).map((c) => [c.unit, c.patient, c.certificates])).toEqual([
      ["U1", "P", ["a"]],
      ["U1", "Q", ["c"]],
      ["U2", "P", ["b"]],
    ]);
  });
});

describe("active days", () => {
  const between = cert("split", [
    ["02-01>02-05", 100],
    ["02-10>02-20", 50],
  ]);

  it("a day between two of a certificate's own periods is not covered", () => {
    expect(unitList([between], { today: "2016-02-07" })).toEqual([]);
    expect(unitList([between], { today: "2016-02-12" })[0]).toMatchObject({ currentGrade: 50, days: 5 + 11 });
  });

  it("current grade is the grade of the anchor's period covering today", () => {
    expect(unitList([between], { today: "2016-02-03" })[0]!.currentGrade).toBe(100);
  });

  it("grades are all grades in time order, consecutive repeats collapsed", () => {
    const certs = [
      cert("a", [
        ["02-01>02-05", 100],
        ["02-06>02-10", 50],
      ]),
      cert("b", [["02-11>02-20", 50]]),
      cert("c", [["02-21>02-28", 100]]),
    ];
    expect(unitList(certs, { today: "2016-02-12" })[0]!.grades).toEqual([100, 50, 100]);
  });
});

describe("the anchor", () => {
  it("is the active certificate signed last, not the one ending last", () => {
    const certs = [
      cert("early", [["02-01>02-28", 100]], { signed: "2016-02-01T08:00:00", doctor: "D1" }),
      cert("late", [["02-10>02-20", 50]], { signed: "2016-02-10T08:00:00", doctor: "D2", diagnosis: "F432" }),
    ];
    expect(unitList(certs, { today: "2016-02-15" })[0]).toMatchObject({
      anchor: "late",
      currentGrade: 50,
      doctor: "D2",
      diagnoses: ["F432", "M545"],
      end: "2016-02-28",
    });
  });

  it("ignores a certificate signed later that is not active today", () => {
    const certs = [
      cert("now", "02-01>02-20", { signed: "2016-02-01T08:00:00" }),
      cert("future", "02-21>03-10", { signed: "2016-02-14T08:00:00" }),
    ];
    expect(unitList(certs, { today: "2016-02-15" })[0]).toMatchObject({ anchor: "now", end: "2016-03-10" });
  });

  it("on equal signing times is the greater id, whatever the input order", () => {
    const a = cert("a", "02-01>02-20");
    const b = cert("b", "02-05>02-25");
    expect(unitList([a, b], { today: "2016-02-15" })[0]!.anchor).toBe("b");
    expect(unitList([b, a], { today: "2016-02-15" })[0]!.anchor).toBe("b");
  });

  it("filters the unit list by the anchor's doctor", () => {
    const certs = [
      cert("a", "02-01>02-28", { doctor: "D1", signed: "2016-02-01T08:00:00" }),
      cert("b", "02-10>02-20", { doctor: "D2", signed: "2016-02-10T08:00:00" }),
    ];
    expect(unitList(certs, { today: "2016-02-15", doctor: "D1" })).toEqual([]);
    expect(unitList(certs, { today: "2016-02-15", doctor: "D2" })).toHaveLength(1);
    // After b has ended, a is the anchor again.
    expect(unitList(certs, { today: "2016-02-25", doctor: "D1" })[0]!.anchor).toBe("a");
  });
});

describe("afterEnd", () => {
  const ended = [
    cert("a", "02-01>02-13", { signed: "2016-02-01T08:00:00" }),
    cert("b", "02-05>02-12", { signed: "2016-02-05T08:00:00" }),
  ];

  it("keeps an ended case in the list at most afterEnd days after its end", () => {
    expect(unitList(ended, { today: "2016-02-16", afterEnd: 2 })).toEqual([]);
    expect(unitList(ended, { today: "2016-02-16", afterEnd: 3 })[0]).toMatchObject({
      end: "2016-02-13",
      currentGrade: null,
    });
  });

  it("anchors an ended case on the certificate signed last among those active on its last day", () => {
    expect(unitList(ended, { today: "2016-02-16", afterEnd: 14 })[0]!.anchor).toBe("a");
    const bothToTheEnd = [...ended, cert("c", "02-10>02-13", { signed: "2016-02-11T08:00:00" })];
    expect(unitList(bothToTheEnd, { today: "2016-02-16", afterEnd: 14 })[0]!.anchor).toBe("c");
  });

  it("lists the active case, not a more recently ended case apart from it", () => {
    const certs = [cert("old", "02-01>02-10"), cert("new", "02-14>02-20")];
    expect(unitList(certs, { today: "2016-02-14", gap: 0, afterEnd: 14 })[0]!.certificates).toEqual(["new"]);
  });

  it("keeps listing during a gap's first afterEnd days", () => {
    const certs = [cert("a", "02-01>02-14"), cert("b", "02-18>02-25")];
    const [found] = unitList(certs, { today: "2016-02-16", gap: 5, afterEnd: 2 });
    expect(found).toMatchObject({
      anchor: "a",
      end: "2016-02-25",
      currentGrade: null,
      certificates: ["a", "b"],
    });
  });
});

describe("which certificates count", () => {
  it("leaves out revoked, smittbärarpenning and diagnosis-less certificates", () => {
    const certs = [
      cert("ok", "02-01>02-10"),
      cert("signed", "02-01>02-10", { status: "signed" }),
      cert("revoked", "02-01>02-10", { status: "revoked" }),
      cert("smitta", "02-01>02-10", { smittbararpenning: true }),
      cert("nodiagnosis", "02-01>02-10", { diagnosis: null }),
      cert("empty", "02-01>02-10", { diagnosis: " " }),
      cert("absent", "02-01>02-10", { diagnosis: undefined }),
    ];
    expect(ids(countingCertificates(certs))).toEqual(["ok", "signed"]);
  });

  it("leaves out a replaced or completed certificate", () => {
    const certs = [
      cert("a", "02-01>02-10"),
      cert("b", "02-01>02-10", { replaces: "a" }),
      cert("c", "02-11>02-20"),
      cert("d", "02-11>02-20", { completes: "c" }),
    ];
    expect(ids(countingCertificates(certs))).toEqual(["b", "d"]);
  });

  it("counts the original again when its replacement is revoked", () => {
    const certs = [cert("a", "02-01>02-10"), cert("b", "02-01>02-10", { replaces: "a", status: "revoked" })];
    expect(ids(countingCertificates(certs))).toEqual(["a"]);
  });

  it("counts only the last of a chain of replacements", () => {
    const certs = [
      cert("a", "02-01>02-10"),
      cert("b", "02-01>02-10", { replaces: "a" }),
      cert("c", "02-01>02-10", { replaces: "b" }),
    ];
    expect(ids(countingCertificates(certs))).toEqual(["c"]);
  });

  it("lets a smittbärarpenning replacement take the place of the original", () => {
    const certs = [
      cert("a", "02-01>02-10"),
      cert("b", "02-01>02-10", { replaces: "a", smittbararpenning: true }),
    ];
    expect(countingCertificates(certs)).toEqual([]);
  });

  it("ignores a certificate naming itself and unknown ids", () => {
    const certs = [
      cert("a", "02-01>02-10", { replaces: "a" }),
      cert("b", "02-01>02-10", { completes: "zzz" }),
    ];
    expect(ids(countingCertificates(certs))).toEqual(["a", "b"]);
  });

  it("does not list a patient whose only active certificate does not count", () => {
    const certs = [cert("a", "02-01>02-10"), cert("b", "02-11>02-28", { status: "revoked" })];
    expect(unitList(certs, { today: "2016-02-15" })).toEqual([]);
  });

  it("applies a replacement made on another unit", () => {
    const certs = [cert("a", "02-01>02-20"), cert("b", "02-01>02-20", { unit: "U2", replaces: "a" })];
    expect(unitList(certs, { today: "2016-02-15", unit: "U1" })).toEqual([]);
  });
});

describe("unit mode", () => {
  const certs = [
    cert("u2", "02-01>02-20", { unit: "U2", patient: "A" }),
    cert("u1b", "02-01>02-20", { patient: "B" }),
    cert("u1a", "02-01>02-20", { patient: "A" }),
  ];

  it("computes every unit, ordered by unit then patient", () => {
    expect(unitList(certs, { today: "2016-02-10" }).map((c) => c.anchor)).toEqual(["u1a", "u1b", "u2"]);
  });

  it("computes one unit with `unit`", () => {
    expect(unitList(certs, { today: "2016-02-10", unit: "U2" }).map((c) => c.anchor)).toEqual(["u2"]);
  });
});

describe("patient history", () => {
  const certs = [
    cert("jan", "01-01>01-10"),
    cert("feb", "02-01>02-10"),
    cert("feb2", "02-12>02-14"),
    cert("mar", "03-01>03-10"),
    cert("other-unit", "01-05>01-20", { unit: "U2" }),
    cert("q", "02-01>02-05", { patient: "A" }),
  ];

  it("groups per unit, leaves out cases starting after today, newest first per patient", () => {
    const history = patientHistory(certs, { today: "2016-02-20" });
    expect(history.map((c) => [c.patient, c.unit, c.certificates])).toEqual([
      ["A", "U1", ["q"]],
      ["P", "U1", ["feb", "feb2"]],
      ["P", "U2", ["other-unit"]],
      ["P", "U1", ["jan"]],
    ]);
    expect(history.every((c) => c.currentGrade === null)).toBe(true);
  });

  it("shows a case that started today, with today's grade", () => {
    const history = patientHistory(certs, { today: "2016-03-01" });
    expect(history.find((c) => c.anchor === "mar")).toMatchObject({ currentGrade: 100, days: 10 });
  });

  it("validates the options", () => {
    expect(() => patientHistory(certs, { today: "2016-02-30" })).toThrow(RangeError);
    expect(() => patientHistory(certs, { today: "2016-02-20", gap: 91 })).toThrow(RangeError);
  });
});

describe("options", () => {
  it.each([
    { gap: -1 },
    { gap: 91 },
    { gap: 1.5 },
    { gap: Number.NaN },
    { afterEnd: 15 },
    { afterEnd: -1 },
    { today: "2016-2-1" },
    { today: "2016-02-30" },
  ])("rejects %o with a RangeError", (bad) => {
    expect(() => unitList([], { today: "2016-02-01", ...bad })).toThrow(RangeError);
  });

  it("accepts the limits", () => {
    expect(unitList([], { today: "2016-02-01", gap: 0, afterEnd: 0 })).toEqual([]);
    expect(unitList([], { today: "2016-02-01", gap: 90, afterEnd: 14 })).toEqual([]);
  });

  it("joins across 90 empty days with gap 90", () => {
    const certs = [cert("a", "01-01>01-01"), cert("b", "04-01>04-10")];
    expect(unitList(certs, { today: "2016-04-05", gap: 90 })[0]!.certificates).toEqual(["a", "b"]);
    expect(unitList(certs, { today: "2016-04-05", gap: 89 })[0]!.certificates).toEqual(["b"]);
  });
});

describe("caseContaining (FMB total length with a new draft)", () => {
  const history = [cert("a", "01-01>01-20"), cert("b", "01-22>02-05")];

  it("returns the case holding the certificate, future certificates included", () => {
    const draft = cert("draft", "02-08>02-21", { signed: "2016-02-07T12:00:00" });
    const found = caseContaining([...history, draft], "draft", { gap: 5 });
    expect(found).toMatchObject({
      start: "2016-01-01",
      end: "2016-02-21",
      days: 20 + 15 + 14,
      anchor: "draft",
    });
    expect(found!.currentGrade).toBeNull();
  });

  it("separates by the gap rule", () => {
    const draft = cert("draft", "02-20>02-28");
    expect(caseContaining([...history, draft], "draft", {})!.certificates).toEqual(["draft"]);
  });

  it("is null for an unknown or non-counting certificate", () => {
    expect(caseContaining(history, "nope", {})).toBeNull();
    const smitta = cert("s", "02-01>02-10", { smittbararpenning: true });
    expect(caseContaining([...history, smitta], "s", {})).toBeNull();
  });

  it("with today anchors as the unit list does", () => {
    const found = caseContaining(history, "a", { today: "2016-01-10" });
    expect(found).toMatchObject({ anchor: "a", currentGrade: 100, certificates: ["a", "b"] });
  });
});
