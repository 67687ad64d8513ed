/**
 * The statistics benchmark's data: the sjukfall benchmark's region (`../sjukfall/generate.ts`), read
 * as the CLI reads it, plus Försäkringskassan's ärenden on its certificates — kompletteringar
 * (KOMPLT) naming one to three FK questions, most of them answered, and some questions (FRAGA,
 * KONTKT) that the komplettering figures must skip. Deterministic, like the region.
 */
import { addDays } from "../../src/cases/days.ts";
import type { SjukfallCertificate } from "../../src/cases/types.ts";
import type { StatisticsArende } from "../../src/statistics/statistics.ts";
import { asRead, generateRegion, random } from "../sjukfall/generate.ts";

export interface StatisticsRegion {
  certificates: SjukfallCertificate[];
  arenden: StatisticsArende[];
  today: string;
  units: number;
  patients: number;
}

/** FK question ids a komplettering names, the common ones more often. */
const QUESTIONS = ["35", "35", "35", "39", "39", "40", "17", "6", "1.3", "55", "44"];

export function generateArenden(
  certs: readonly SjukfallCertificate[],
  seed = 19_760_101,
): StatisticsArende[] {
  const rnd = random(seed);
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const arenden: StatisticsArende[] = [];
  for (const cert of certs) {
    if (cert.status === "revoked") continue;
    const roll = rnd();
    if (roll >= 0.11) continue;
    const received = addDays(cert.signed.slice(0, 10), int(3, 25));
    if (roll < 0.07) {
      const questions = new Set<string>();
      const count = int(1, 3);
      while (questions.size < count) questions.add(QUESTIONS[int(0, QUESTIONS.length - 1)]!);
      arenden.push({
        id: `arende-${arenden.length}`,
        certificate: cert.id,
        type: "KOMPLT",
        received,
        questions: [...questions],
        answered: rnd() < 0.85 ? addDays(received, int(0, 14)) : null,
      });
    } else {
      arenden.push({
        id: `arende-${arenden.length}`,
        certificate: cert.id,
        type: roll < 0.1 ? "FRAGA" : "KONTKT",
        received,
        questions: [],
        answered: null,
      });
    }
  }
  return arenden;
}

/** The region of `count` certificates as read from a file, with its ärenden. */
export function generateStatisticsRegion(count: number): StatisticsRegion {
  const region = generateRegion(count);
  const certificates = asRead(region.certificates);
  const arenden = generateArenden(certificates);
  return { ...region, certificates, arenden };
}
