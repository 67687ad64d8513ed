/**
 * The demo region's routines (issue #11 item 1): short, sensible Swedish texts on the topics of
 * the seeds. Regional ones are written by the region and adopted by every unit; the others are
 * each unit's own. `earlier`: an earlier text, so the demo shows a new version to confirm again.
 */
import type { Role } from "../access/policy.ts";
import type { RoutineTopic } from "../routines/rules.ts";

export interface DemoRoutine {
  topic: RoutineTopic;
  title: string;
  regional: boolean;
  roles: Role[];
  /** Days from today to the review date (negative: due). */
  reviewInDays: number;
  body: string;
  earlier?: string;
}

const doctors: Role[] = ["LAKARE", "MLU"];
const clinical: Role[] = ["LAKARE", "MLU", "REHABKOORDINATOR", "DISTRIKTSSKOTERSKA"];

export const demoRoutines: readonly DemoRoutine[] = [
  {
    topic: "LATHUND",
    title: "Lathund för sjukskrivning – första dagen",
    regional: true,
    roles: doctors,
    reviewInDays: 200,
    body: `# Lathund för sjukskrivning

Till dig som är ny eller vikarierar på vårdcentralen.

## Innan du skriver intyget
- Bedöm **funktionsnedsättning** och **aktivitetsbegränsning** utifrån undersökningen, inte bara diagnosen.
- Läs Försäkringsmedicinskt beslutsstöd (FMB) för diagnosen: rekommenderad längd och omfattning.
- Överväg deltidssjukskrivning. Hel sjukskrivning ska motiveras.

## Intyget
1. Skriv intyget i Samsyn (FK 7804). Kontrollfrågorna visar vad som saknas.
2. Ange sysselsättning och beskriv arbetets krav när bedömningen gäller nuvarande arbete.
3. Sjukskrivning över 14 dagar: planera återbesök eller kontakt före intygets slut.

## Vem gör vad
- **Rehabkoordinatorn** tar kontakt vid sjukfall längre än 30 dagar och vid behov av samordning.
- **Sekreteraren** registrerar kompletteringar från Försäkringskassan. Du besvarar dem inom svarstiden.
- Fråga enhetens MLU om du är osäker på en bedömning.`,
  },
  {
    topic: "AVSLAG_FK",
    title: "När Försäkringskassan avslår sjukpenning",
    regional: true,
    roles: clinical,
    reviewInDays: 120,
    body: `# När Försäkringskassan avslår sjukpenning

Ett avslag är Försäkringskassans beslut. Vården fortsätter att ge vård efter behov.

1. Boka en tid med patienten för att gå igenom beslutet och den medicinska bedömningen.
2. Skriv inte ett nytt intyg med samma innehåll. Ett nytt intyg behövs bara om det finns **nya medicinska uppgifter**.
3. Informera om att patienten kan begära omprövning hos Försäkringskassan inom två månader.
4. Erbjud kontakt med rehabkoordinatorn vid behov av stöd i kontakten med arbetsgivaren.
5. Dokumentera samtalet i journalen.`,
  },
  {
    topic: "LISTNINGSBYTE",
    title: "Byte av listning under pågående sjukskrivning",
    regional: true,
    roles: ["LAKARE", "MLU", "REHABKOORDINATOR", "SEKRETERARE"],
    reviewInDays: 300,
    body: `# Byte av listning under pågående sjukskrivning

- Den vårdcentral där patienten är listad när intyget löper ut ansvarar för fortsatt bedömning.
- Sekreteraren meddelar den nya vårdcentralen att patienten har en pågående sjukskrivning.
- Läkaren skriver en kort sammanfattning av sjukskrivningen och planen i journalen.
- Pågående samordning lämnas över mellan rehabkoordinatorerna, med patientens samtycke.`,
  },
  {
    topic: "FORSTADAGSINTYG",
    title: "Förstadagsintyg",
    regional: false,
    roles: ["LAKARE", "MLU", "DISTRIKTSSKOTERSKA", "SEKRETERARE"],
    reviewInDays: 90,
    earlier: `# Förstadagsintyg

Vissa patienter har ett beslut från Försäkringskassan om förstadagsintyg. De behöver ett läkarintyg från första sjukdagen.

- Kontrollera i Samsyn om patienten har ett giltigt beslut.
- Erbjud en tid samma dag eller nästa vardag.`,
    body: `# Förstadagsintyg

Vissa patienter har ett beslut från Försäkringskassan om förstadagsintyg. De behöver ett läkarintyg från **första sjukdagen**.

- Kontrollera i Samsyn om patienten har ett giltigt beslut (visas på patientsidan).
- Erbjud en tid samma dag eller nästa vardag. Telefonrådgivning räcker inte som underlag.
- Vid hinder att komma: kontakta läkaren, som bedömer om ett intyg kan skrivas efter ett videobesök.
- Sekreteraren bokar en tid i läkarens akutblock.`,
  },
  {
    topic: "TELEFONRADGIVNING",
    title: "Telefonrådgivning och frågor om sjukskrivning",
    regional: false,
    roles: ["DISTRIKTSSKOTERSKA", "LAKARE", "SEKRETERARE"],
    reviewInDays: -12,
    body: `# Telefonrådgivning och frågor om sjukskrivning

- Ett sjukintyg kräver en bedömning av läkare. Telefonrådgivningen lovar inte intyg.
- De första sju dagarna behövs inget läkarintyg: patienten sjukanmäler sig själv till arbetsgivaren, eller till Försäkringskassan om hen saknar arbetsgivare.
- Förlängning: boka tid hos den läkare som skrev det senaste intyget, helst före intygets sista dag.
- Frågor om ersättning hänvisas till Försäkringskassan.`,
  },
  {
    topic: "EJ_MEDICINSKT_STOD",
    title: "Patient som vill bli sjukskriven utan medicinskt stöd",
    regional: false,
    roles: doctors,
    reviewInDays: 150,
    body: `# Patient som vill bli sjukskriven utan medicinskt stöd

Läkaren intygar bara det som stöds av undersökning och bedömning.

1. Lyssna på patientens skäl och förklara din bedömning lugnt och sakligt.
2. Förklara skillnaden mellan sjukdom och andra skäl till att inte kunna arbeta (arbetsmiljö, konflikter, sociala skäl).
3. Hänvisa vid behov till företagshälsovård, kurator eller arbetsgivaren.
4. Erbjud en ny bedömning av en annan läkare om patienten begär det.
5. Dokumentera bedömningen. Vid hot: följ enhetens rutin för hot och våld.`,
  },
  {
    topic: "EJ_DELTAR_REHAB",
    title: "Patient som inte deltar i rehabiliteringen",
    regional: false,
    roles: ["LAKARE", "MLU", "REHABKOORDINATOR", "FYSIOTERAPEUT", "ARBETSTERAPEUT", "KURATOR", "PSYKOLOG"],
    reviewInDays: 60,
    body: `# Patient som inte deltar i rehabiliteringen

- Rehabkoordinatorn tar kontakt och frågar vad som hindrar.
- Teamet tar upp patienten på nästa teamträff och ser över planen.
- Läkaren beskriver i intyget vad patienten har fått erbjudande om och hur det gått.
- Frånvaro från planerade insatser dokumenteras sakligt, utan värderingar.`,
  },
];
