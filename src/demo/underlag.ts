/**
 * Underlag från andra professioner in the demo unit (issue #9 item 7): three of the unit's long
 * cases have a request — one to the fysioterapeut answered last week, one to the psykolog waiting
 * and late, one from telephone triage to the kurator due in a few days. The open ones have the task
 * the API creates for the profession's member. (The answered one has none: the loader writes a
 * table's rows with one column list, and the team's task rows set no status, so a done task cannot
 * be among them.) Pure and deterministic, dated from `today`.
 */
import { isoDate } from "../cases/days.ts";
import type { task, underlagRequest } from "../db/schema.ts";
import type { Random } from "./random.ts";
import type { TeamCandidate } from "./team.ts";
import { swedishTimestamp } from "./time.ts";

export type UnderlagDemoRecord =
  | { table: "underlagRequest"; row: typeof underlagRequest.$inferInsert }
  | { table: "task"; row: typeof task.$inferInsert };

interface Member {
  id: string;
  role: string;
}

type Profession = "FYSIOTERAPEUT" | "PSYKOLOG" | "KURATOR";

const requests: {
  profession: Profession;
  origin: "LAKARE" | "TELEFONTRIAGE";
  question: string;
  sickLeaveNeed: string;
  /** Asked this many days ago, wanted this many days after. */
  askedAgo: number;
  wantedIn: number;
  answer: { observations: string; funktion: string; aktivitet: string; methods: string } | null;
}[] = [
  {
    profession: "FYSIOTERAPEUT",
    origin: "LAKARE",
    question: "Hur påverkar ryggbesvären förmågan att lyfta, stå och sitta i arbetet som lagerarbetare?",
    sickLeaveNeed: "",
    askedAgo: 12,
    wantedIn: 7,
    answer: {
      observations: "Avlastande gång, stel och smärtpåverkad vid framåtböjning.",
      funktion: "Nedsatt rörlighet i ländryggen, flexion 30 grader; nedsatt uthållighet i bålmuskulaturen.",
      aktivitet: "Kan inte lyfta mer än 5 kg eller stå mer än 15 minuter i taget; sitter högst 30 minuter.",
      methods: "Rörlighetstest, lyfttest och Oswestry Disability Index (ODI).",
    },
  },
  {
    profession: "PSYKOLOG",
    origin: "LAKARE",
    question: "Hur påverkar utmattningen koncentration, minne och uthållighet i kognitivt arbete?",
    sickLeaveNeed: "",
    askedAgo: 10,
    wantedIn: 5,
    answer: null,
  },
  {
    profession: "KURATOR",
    origin: "TELEFONTRIAGE",
    question: "Samtal om belastning i arbetet och hemma; behöver bedömning av social funktion.",
    sickLeaveNeed: "Orkar inte gå till arbetet sedan en vecka, sover dåligt och gråter ofta.",
    askedAgo: 2,
    wantedIn: 7,
    answer: null,
  },
];

export function* underlagDemo(
  random: Random,
  unitId: string,
  staff: readonly Member[],
  candidates: readonly TeamCandidate[],
  today: number,
): Generator<UnderlagDemoRecord, void, undefined> {
  const doctor = staff.find((s) => s.role === "LAKARE");
  const nurse = staff.find((s) => s.role === "DISTRIKTSSKOTERSKA");
  for (const [index, spec] of requests.entries()) {
    const c = candidates[candidates.length - 1 - index];
    const asker = spec.origin === "TELEFONTRIAGE" ? nurse : doctor;
    const receiver = staff.find((s) => s.role === spec.profession);
    if (!c || !asker || !receiver) continue;
    const id = random.uuid();
    const asked = today - spec.askedAgo;
    const answered = spec.answer ? asked + spec.wantedIn - 1 : null;
    yield {
      table: "underlagRequest",
      row: {
        id,
        unitId,
        patientId: c.patientId,
        profession: spec.profession,
        origin: spec.origin,
        question: spec.question,
        wantedBy: isoDate(asked + spec.wantedIn),
        sickLeaveNeed: spec.sickLeaveNeed,
        requestedBy: asker.id,
        requestedDate: isoDate(asked),
        status: spec.answer ? "ANSWERED" : "OPEN",
        // Every row sets every column: the loader writes a table's rows with one column list.
        observations: spec.answer?.observations ?? "",
        funktion: spec.answer?.funktion ?? "",
        aktivitet: spec.answer?.aktivitet ?? "",
        methods: spec.answer?.methods ?? "",
        answeredBy: spec.answer ? receiver.id : null,
        answeredDate: answered === null ? null : isoDate(answered),
        version: spec.answer ? 2 : 1,
        createdAt: swedishTimestamp(asked, 10 * 60),
      },
    };
    if (answered !== null) continue;
    yield {
      table: "task",
      row: {
        id: random.uuid(),
        unitId,
        patientId: c.patientId,
        caseStart: isoDate(c.caseStart),
        kind: "UNDERLAG_REQUEST",
        subject: `${id}:${receiver.id}`,
        dueDate: isoDate(asked + spec.wantedIn),
        responsibleUserId: receiver.id,
        details: { profession: spec.profession, origin: spec.origin },
        createdBy: asker.id,
        createdAt: swedishTimestamp(asked, 10 * 60),
      },
    };
  }
}
