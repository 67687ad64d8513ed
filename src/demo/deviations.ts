/**
 * The demo units' deviations (issue #11 item 3): one in every state of the workflow, with
 * investigations, actions and history dated from today; the closed one concerns a patient.
 */
import { isoDate } from "../cases/days.ts";
import type { deviation, deviationAction, deviationEvent } from "../db/schema.ts";
import type { DeviationCategory, DeviationStatus } from "../deviations/rules.ts";
import type { Random } from "./random.ts";
import { swedishTimestamp } from "./time.ts";

export type DeviationRecord =
  | { table: "deviation"; row: typeof deviation.$inferInsert }
  | { table: "deviationAction"; row: typeof deviationAction.$inferInsert }
  | { table: "deviationEvent"; row: typeof deviationEvent.$inferInsert };

interface Spec {
  category: DeviationCategory;
  status: DeviationStatus;
  daysAgo: number;
  reporter: string;
  description: string;
  investigation: string;
  lexMaria: boolean;
  /** Actions: what, due in days from the report, done (days from the report) or not. */
  actions: { what: string; dueAfter: number; doneAfter: number | null }[];
  withPatient: boolean;
}

const specs: readonly Spec[] = [
  {
    category: "FORSENAT_INTYG",
    status: "NY",
    daysAgo: 2,
    reporter: "SEKRETERARE",
    description:
      "Förlängningsintyget skickades till Försäkringskassan fyra dagar efter att det förra intyget löpt ut.",
    investigation: "",
    lexMaria: false,
    actions: [],
    withPatient: false,
  },
  {
    category: "KOMPLETTERING_SEN",
    status: "UNDER_UTREDNING",
    daysAgo: 12,
    reporter: "REHABKOORDINATOR",
    description:
      "En komplettering besvarades först efter svarsdatum. Ärendet låg i en frånvarande läkares inkorg.",
    investigation:
      "Kompletteringar till frånvarande läkare fördelas inte. Överlämning saknades under semestern.",
    lexMaria: false,
    actions: [
      {
        what: "Sekreteraren fördelar kompletteringar till frånvarande läkare dagligen.",
        dueAfter: 21,
        doneAfter: null,
      },
    ],
    withPatient: false,
  },
  {
    category: "SAMTYCKE_SAKNAS",
    status: "ATGARDAD",
    daysAgo: 35,
    reporter: "REHABKOORDINATOR",
    description: "Kontakt togs med arbetsgivaren innan patientens samtycke var registrerat.",
    investigation:
      "Samtycket gavs muntligt men dokumenterades inte. Rutinen var okänd för nyanställd personal.",
    lexMaria: false,
    actions: [
      { what: "Rutinen för samtycke gås igenom på arbetsplatsträffen.", dueAfter: 14, doneAfter: 10 },
    ],
    withPatient: false,
  },
  {
    category: "FEL_GRAD",
    status: "AVSLUTAD",
    daysAgo: 70,
    reporter: "LAKARE",
    description: "Intyget angav heltid trots att patienten och läkaren kommit överens om halvtid.",
    investigation: "Fel val i intygsformuläret. Kontrollfrågan om grad saknades vid förlängning.",
    lexMaria: true,
    actions: [
      { what: "Nytt intyg med rätt grad skickat.", dueAfter: 2, doneAfter: 1 },
      { what: "Kontroll av grad vid förlängning läggs in i lathunden.", dueAfter: 30, doneAfter: 25 },
    ],
    withPatient: true,
  },
];

const path: readonly DeviationStatus[] = ["NY", "UNDER_UTREDNING", "ATGARDAD", "AVSLUTAD"];

export function* demoDeviationRecords(options: {
  random: Random;
  today: number;
  unitId: string;
  staff: readonly { id: string; role: string }[];
  patientId: string;
}): Generator<DeviationRecord, void, undefined> {
  const { random, today, unitId } = options;
  const who = (role: string) => options.staff.find((s) => s.role === role)!.id;
  const chief = who("ENHETSCHEF");
  for (const spec of specs) {
    const id = random.uuid();
    const reported = today - spec.daysAgo;
    const steps = path.slice(0, path.indexOf(spec.status) + 1);
    // Each later step a few days after the previous one, never after today.
    const stepDay = (i: number) => Math.min(today, reported + i * Math.max(1, Math.floor(spec.daysAgo / 4)));
    yield {
      table: "deviation",
      row: {
        id,
        unitId,
        category: spec.category,
        occurredOn: isoDate(reported - 1),
        reportedBy: who(spec.reporter),
        patientId: spec.withPatient ? options.patientId : null,
        description: spec.description,
        status: spec.status,
        investigation: spec.investigation,
        lexMaria: spec.lexMaria,
        closedOn: spec.status === "AVSLUTAD" ? isoDate(stepDay(3)) : null,
        version: steps.length + spec.actions.length,
        createdAt: swedishTimestamp(reported, 10 * 60),
      },
    };
    for (const action of spec.actions) {
      yield {
        table: "deviationAction",
        row: {
          id: random.uuid(),
          unitId,
          deviationId: id,
          description: action.what,
          ownerId: action.what.startsWith("Sekreteraren") ? who("SEKRETERARE") : chief,
          dueDate: isoDate(reported + action.dueAfter),
          doneOn: action.doneAfter === null ? null : isoDate(Math.min(today, reported + action.doneAfter)),
          createdBy: chief,
          createdAt: swedishTimestamp(stepDay(1), 14 * 60),
        },
      };
    }
    for (const [i, status] of steps.entries()) {
      yield {
        table: "deviationEvent",
        row: {
          id: random.uuid(),
          unitId,
          deviationId: id,
          at: swedishTimestamp(stepDay(i), (i === 0 ? 10 : 15) * 60),
          userId: i === 0 ? who(spec.reporter) : chief,
          status,
          note: null,
        },
      };
    }
  }
}
