/**
 * A stable link from something recorded about a case (an aktualisering decision) to the case as it
 * is computed today. A case's start moves when an earlier certificate joins it, so the start alone
 * loses the link; a certificate of the case stays in it. The link is that certificate, and the
 * start recorded with it for rows written before certificates were linked (or whose certificate no
 * longer counts): then the case whose span holds that day.
 */
export interface CaseLink {
  certificateId: string | null;
  caseStart: string;
}

export interface LinkableCase {
  start: string;
  end: string;
  certificateIds: readonly string[];
}

/** The case the link points to today, or null when no computed case holds it. */
export function linkedCase<C extends LinkableCase>(cases: readonly C[], link: CaseLink): C | null {
  const { certificateId, caseStart } = link;
  if (certificateId !== null) {
    const holding = cases.find((c) => c.certificateIds.includes(certificateId));
    if (holding) return holding;
  }
  return cases.find((c) => c.start <= caseStart && caseStart <= c.end) ?? null;
}
