/**
 * Demo rehab plans (issue #9 item 8): for cases longer than 30 days, plans in every state —
 * utkast (an action still lacks its follow-up date), fastställd, uppföljning försenad (a follow-up
 * date has passed) and, for cases that ended lately, avslutad — each with its versions, and the
 * brochure handed out when the plan was agreed. Pure and deterministic; dated from `today`.
 */
import { isoDate } from "../cases/days.ts";
import type { patientHandout, rehabPlan, rehabPlanVersion } from "../db/schema.ts";
import type { PlanAction, PlanContent, PlanStatus, VersionEvent } from "../rehabplan/rules.ts";
import type { CertificateRow } from "./cases.ts";
import type { Random } from "./random.ts";
import { swedishTimestamp } from "./time.ts";

export type PlanRecord =
  | { table: "rehabPlan"; row: typeof rehabPlan.$inferInsert }
  | { table: "rehabPlanVersion"; row: typeof rehabPlanVersion.$inferInsert }
  | { table: "patientHandout"; row: typeof patientHandout.$inferInsert };

type DemoState = "UTKAST" | "FASTSTALLD" | "FORSENAD" | "AVSLUTAD";

export interface PlanUnit {
  unitId: string;
  coordinatorId: string;
  physiotherapistId: string;
  today: number;
  /** Plans made so far on the unit, per state (the caller keeps it across patients). */
  made: Record<DemoState, number>;
}

/** Plans per unit and state: enough to show every state, few enough to read. */
const perState = 3;

function stateFor(unit: PlanUnit, start: number, lastDay: number): DemoState | null {
  const { today, made } = unit;
  if (lastDay >= today && today - start > 30) {
    const open = (["UTKAST", "FASTSTALLD", "FORSENAD"] as const).filter((s) => made[s] < perState);
    return open.length ? open.reduce((a, b) => (made[a] <= made[b] ? a : b)) : null;
  }
  if (lastDay < today && lastDay >= today - 60 && lastDay - start > 30 && made.AVSLUTAD < perState) {
    return "AVSLUTAD";
  }
  return null;
}

function actions(random: Random, unit: PlanUnit, startDay: number, state: DemoState): PlanAction[] {
  const { today } = unit;
  const followUp = (offset: number) => isoDate(state === "FORSENAD" ? today - offset : today + offset);
  const status = state === "AVSLUTAD" ? ("KLAR" as const) : ("PAGAR" as const);
  const from = isoDate(startDay);
  return [
    {
      id: random.uuid(),
      party: "VARDEN",
      description: "Fysioterapi med gradvis ökad belastning, varannan vecka",
      responsibleName: "",
      responsibleUserId: unit.physiotherapistId,
      startDate: from,
      followUpDate: followUp(random.int(3, 10)),
      status,
    },
    {
      id: random.uuid(),
      party: "ARBETSGIVAREN",
      description: "Anpassade arbetsuppgifter och arbetstid vid återgången",
      responsibleName: "Närmaste chef",
      responsibleUserId: null,
      startDate: from,
      followUpDate: state === "UTKAST" ? null : followUp(random.int(11, 20)),
      status: state === "AVSLUTAD" ? "KLAR" : "PLANERAD",
    },
    {
      id: random.uuid(),
      party: "PATIENTEN",
      description: "Daglig promenad och fasta tider för sömn",
      responsibleName: "Patienten",
      responsibleUserId: null,
      startDate: from,
      followUpDate: followUp(random.int(11, 20)),
      status,
    },
  ];
}

/** The plan rows for a generated case, or none when the unit has enough plans of its state. */
export function demoPlanRecords(
  random: Random,
  unit: PlanUnit,
  patientId: string,
  certificates: readonly CertificateRow[],
  start: number,
  lastDay: number,
): PlanRecord[] {
  const state = stateFor(unit, start, lastDay);
  if (!state || !certificates.some((c) => c.status !== "MAKULERAT")) return [];
  unit.made[state]++;
  const planId = random.uuid();
  const caseStart = isoDate(start);
  const firstDay = Math.min(start + 31, unit.today - 21, lastDay - 7);
  const anchoredDay = Math.min(firstDay + 7, unit.today - 14, lastDay - 1);
  const content: PlanContent = {
    goal: "Åter i nuvarande arbete på heltid",
    purpose: "Återhämtning och behandling, med gradvis återgång i arbete",
    plannedEnd: isoDate(lastDay + (state === "AVSLUTAD" ? 0 : 14)),
    patientWords: "Jag vill tillbaka till jobbet men orkar inte hela dagar än.",
    actions: actions(random, unit, Math.min(start + 35, anchoredDay), state),
  };
  const empty: PlanContent = { goal: "", purpose: "", plannedEnd: null, patientWords: "", actions: [] };
  const anchoring = {
    anchoredDate: isoDate(anchoredDay),
    anchoredMethod: "BESOK" as const,
    anchoredBy: unit.coordinatorId,
  };
  const steps: {
    event: VersionEvent;
    status: PlanStatus;
    content: PlanContent;
    day: number;
    anchored: boolean;
  }[] = [
    { event: "SKAPAD", status: "UTKAST", content: empty, day: firstDay, anchored: false },
    { event: "SPARAD", status: "UTKAST", content, day: firstDay, anchored: false },
    ...(state === "UTKAST"
      ? []
      : [
          {
            event: "FASTSTALLD" as const,
            status: "FASTSTALLD" as const,
            content,
            day: anchoredDay,
            anchored: true,
          },
        ]),
    ...(state === "AVSLUTAD"
      ? [{ event: "AVSLUTAD" as const, status: "AVSLUTAD" as const, content, day: lastDay, anchored: true }]
      : []),
  ];
  const last = steps.at(-1)!;
  const savedAt = (day: number, i: number) => swedishTimestamp(day, 9 * 60 + i * 7);
  const records: PlanRecord[] = [
    {
      table: "rehabPlan",
      row: {
        id: planId,
        unitId: unit.unitId,
        patientId,
        caseStart,
        status: last.status,
        content,
        ...(last.anchored ? { ...anchoring, anchoredVersion: 3 } : {}),
        createdBy: unit.coordinatorId,
        savedBy: unit.coordinatorId,
        savedAt: savedAt(last.day, steps.length - 1),
        version: steps.length,
      },
    },
    ...steps.map((step, i): PlanRecord => ({
      table: "rehabPlanVersion",
      row: {
        unitId: unit.unitId,
        planId,
        version: i + 1,
        event: step.event,
        status: step.status,
        content: step.content,
        ...(step.anchored ? anchoring : {}),
        savedBy: unit.coordinatorId,
        savedAt: savedAt(step.day, i),
      },
    })),
  ];
  if (state !== "UTKAST") {
    records.push({
      table: "patientHandout",
      row: {
        id: random.uuid(),
        unitId: unit.unitId,
        patientId,
        kind: "BROSCHYR",
        handedDate: isoDate(anchoredDay),
        handedBy: unit.coordinatorId,
      },
    });
  }
  return records;
}
