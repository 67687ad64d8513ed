/**
 * The demo units' listed population (listade patienter), per month, sex and age band: figures
 * like a Swedish vårdcentral's — 8,000–15,000 listed, women slightly more than men, the age
 * structure of Sweden's population (SCB, rounded) with a tilt per unit (some older, some younger),
 * and a slow drift from month to month. Deterministic for the random stream it is given; the
 * patients the demo stores are a sample of the listed population, not all of it.
 */
import type { listedPopulation } from "../db/schema.ts";
import { addMonths, ageBands, type AgeBand } from "../population/rules.ts";
import type { Random } from "./random.ts";

/**
 * Share of the population in each band (Sweden, SCB, rounded), and the share of women among the
 * listed: the population's, a little higher from 16 on (women list and seek care somewhat more).
 */
const ageStructure: Record<AgeBand, { share: number; women: number }> = {
  "0-15": { share: 0.18, women: 0.487 },
  "16-19": { share: 0.047, women: 0.497 },
  "20-29": { share: 0.12, women: 0.502 },
  "30-39": { share: 0.135, women: 0.507 },
  "40-49": { share: 0.125, women: 0.512 },
  "50-59": { share: 0.128, women: 0.514 },
  "60-64": { share: 0.056, women: 0.517 },
  "65-69": { share: 0.053, women: 0.522 },
  "70+": { share: 0.156, women: 0.562 },
};

export const listedRange = { min: 8_000, max: 15_000 };

export type ListedPopulationRow = typeof listedPopulation.$inferInsert;

/** A unit's age profile: Sweden's, tilted towards the old (tilt > 0) or the young (tilt < 0). */
function profile(tilt: number): Record<AgeBand, number> {
  const weights = ageBands.map((band, i) => ageStructure[band].share * (1 + tilt * ((i - 4) / 4)));
  const sum = weights.reduce((a, b) => a + b, 0);
  return Object.fromEntries(ageBands.map((band, i) => [band, weights[i]! / sum])) as Record<AgeBand, number>;
}

/**
 * The rows of one unit for `months` months ending with `lastMonth` (YYYY-MM): one row per month,
 * sex and age band.
 */
export function listedPopulationRows(
  random: Random,
  unitId: string,
  lastMonth: string,
  months: number,
): ListedPopulationRow[] {
  const shares = profile((random.next() * 2 - 1) * 0.25);
  const drift = (random.next() * 0.7 - 0.3) / 100;
  let total = random.int(listedRange.min + 500, listedRange.max - 1_500);
  const rows: ListedPopulationRow[] = [];
  for (let i = months - 1; i >= 0; i--) {
    const month = addMonths(lastMonth, -i);
    for (const band of ageBands) {
      const inBand = total * shares[band];
      const women = ageStructure[band].women;
      for (const [sex, share] of [
        ["F", women],
        ["M", 1 - women],
      ] as const) {
        const noise = 1 + (random.next() - 0.5) * 0.01;
        rows.push({ unitId, month, sex, ageBand: band, count: Math.round(inBand * share * noise) });
      }
    }
    total = Math.min(
      listedRange.max - 200,
      Math.max(listedRange.min + 200, total * (1 + drift + (random.next() - 0.5) * 0.003)),
    );
  }
  return rows;
}
