/**
 * What the patient takes home (issue #9 item 5, PRODUCT §5.11): the patient's version of the plan
 * in plain Swedish, and the brochure about sick leave. Pure: the PDF (./pdf.ts) and the web
 * app's printable page show the same document.
 *
 * The brochure's facts follow PRODUCT §4 (checkpoints day 8, 15, 30, 90, 180) and seed 000 (the
 * certificate goes electronically to Försäkringskassan; a case over 30 days is offered the
 * rehabkoordinator and the team, with consent).
 */
import { nextFollowUp, type Party, type PlanContent } from "./rules.ts";

export interface PrintSection {
  heading: string;
  paragraphs: string[];
  items: string[];
}

export interface PrintDocument {
  title: string;
  /** Who it is for and from whom, under the title. */
  lead: string[];
  sections: PrintSection[];
}

export interface UnitContact {
  name: string;
  phone: string;
  postalAddress: string;
  postalCode: string;
  town: string;
}

const section = (heading: string, paragraphs: string[], items: string[] = []): PrintSection => ({
  heading,
  paragraphs,
  items,
});

const sentence = (text: string) => {
  const t = text.trim();
  return t === "" || /[.!?]$/.test(t) ? t : `${t}.`;
};

function unitLine(unit: UnitContact): string {
  const address = [unit.postalAddress, `${unit.postalCode} ${unit.town}`.trim()].filter((s) => s !== "");
  return [unit.name, ...address].join(", ");
}

function callUs(unit: UnitContact): string {
  return unit.phone ? `Ring ${unit.name}, telefon ${unit.phone}.` : `Kontakta ${unit.name}.`;
}

export interface PlanForPatient {
  caseStart: string;
  content: PlanContent;
  version: number;
  anchoredDate: string | null;
}

/**
 * The plan as the patient reads it: the goal, what I do, what the care unit does, what others do,
 * the next follow-up and whom to call. Cancelled actions are left out; done ones say so.
 */
export function patientPlanDocument(input: {
  plan: PlanForPatient;
  patientName: string;
  unit: UnitContact;
  /** The patient's contact person (who agreed the plan with them, else who wrote it). */
  contactName: string | null;
  responsibleName: (userId: string) => string;
}): PrintDocument {
  const { plan, unit } = input;
  const { content } = plan;
  const line = (a: PlanContent["actions"][number], withParty: boolean) => {
    const who = [
      a.responsibleName.trim(),
      a.responsibleUserId ? input.responsibleName(a.responsibleUserId) : "",
    ]
      .filter((s) => s !== "")
      .join(", ");
    return [
      withParty ? `${partyWords[a.party]}: ${sentence(a.description)}` : sentence(a.description),
      who ? `Ansvarig: ${who}.` : "",
      a.startDate ? `Börjar ${a.startDate}.` : "",
      a.status === "KLAR" ? "Klart." : a.followUpDate ? `Följs upp ${a.followUpDate}.` : "",
    ]
      .filter((s) => s !== "")
      .join(" ");
  };
  const of = (parties: Party[], withParty = false) =>
    content.actions
      .filter((a) => parties.includes(a.party) && a.status !== "AVBRUTEN")
      .map((a) => line(a, withParty));
  const next = nextFollowUp(content);
  const mine = of(["PATIENTEN"]);
  const ours = of(["VARDEN"]);
  const others = of(["ARBETSGIVAREN", "FORSAKRINGSKASSAN", "ANNAN"], true);
  const none = "Inget planerat just nu.";
  return {
    title: "Min plan för att komma tillbaka till arbetet",
    lead: [
      `Planen gäller ${input.patientName}. Den är gjord tillsammans med ${unit.name}.`,
      plan.anchoredDate
        ? `Vi kom överens om planen ${plan.anchoredDate}.`
        : "Planen är ett förslag som vi ska gå igenom tillsammans.",
    ],
    sections: [
      section(
        "Målet",
        [
          sentence(content.goal) || "Vi bestämmer målet tillsammans.",
          content.plannedEnd ? `Planen är att sjukskrivningen slutar ${content.plannedEnd}.` : "",
        ].filter((s) => s !== ""),
      ),
      ...(content.patientWords.trim() ? [section("Med mina egna ord", [content.patientWords.trim()])] : []),
      section("Vad jag gör", mine.length ? [] : [none], mine),
      section("Vad vårdcentralen gör", ours.length ? [] : [none], ours),
      section("Vad andra gör", others.length ? [] : [none], others),
      section("Nästa uppföljning", [
        next
          ? `Nästa gång vi följer upp planen är ${next}.`
          : "Vi bestämmer tillsammans när planen ska följas upp.",
      ]),
      section("Vem jag ringer", [
        `${callUs(unit)}${input.contactName ? ` Din kontaktperson är ${input.contactName}.` : ""}`,
        "Ring oss om du blir sämre eller om något i planen inte fungerar.",
        "Behöver du råd om vård: ring 1177. Vid fara för liv: ring 112.",
        unitLine(unit),
      ]),
    ],
  };
}

const partyWords: Record<Party, string> = {
  VARDEN: "Vårdcentralen",
  PATIENTEN: "Jag",
  ARBETSGIVAREN: "Arbetsgivaren",
  FORSAKRINGSKASSAN: "Försäkringskassan",
  ANNAN: "Andra",
};

/** The brochure about sick leave: the days that matter, how to apply, rights and duties. */
export function brochureDocument(unit: UnitContact): PrintDocument {
  return {
    title: "Information om sjukskrivning",
    lead: [`Från ${unit.name}. Spara den här informationen.`],
    sections: [
      section("Sjukskrivning är en del av din behandling", [
        "Läkaren bedömer hur din sjukdom påverkar din förmåga att arbeta och skriver ett läkarintyg. Det är Försäkringskassan som beslutar om du får sjukpenning.",
        "Du kan vara sjukskriven på heltid eller deltid (25, 50 eller 75 procent). Att arbeta en del av tiden gör det ofta lättare att komma tillbaka.",
      ]),
      section(
        "Dag 1–14: arbetsgivaren betalar",
        [],
        [
          "Sjukanmäl dig till din arbetsgivare den första dagen.",
          "Arbetsgivaren betalar sjuklön dag 1–14. Från sjuklönen görs ett karensavdrag.",
          "Har du ingen arbetsgivare, till exempel om du är arbetssökande, sjukanmäler du dig till Försäkringskassan den första dagen.",
        ],
      ),
      section(
        "Från dag 8: läkarintyg",
        [],
        [
          "Från den åttonde dagen behöver du ett läkarintyg som visar att din arbetsförmåga är nedsatt.",
          "Har arbetsgivaren eller Försäkringskassan bestämt att du behöver förstadagsintyg, behöver du läkarintyg redan från första dagen.",
        ],
      ),
      section(
        "Från dag 15: Försäkringskassan",
        [],
        [
          "Är du sjuk längre än 14 dagar anmäler arbetsgivaren det till Försäkringskassan.",
          "Från dag 15 kan du få sjukpenning från Försäkringskassan i stället för sjuklön.",
        ],
      ),
      section(
        "Så ansöker du om sjukpenning",
        [],
        [
          "Ansök hos Försäkringskassan, enklast på Mina sidor på forsakringskassan.se. Du kan också ringa Försäkringskassan och få en blankett.",
          "Läkaren skickar läkarintyget till Försäkringskassan elektroniskt.",
          "Ansök i tid, så att utbetalningen inte blir försenad.",
        ],
      ),
      section(
        "Om sjukskrivningen blir längre",
        [],
        [
          "Dag 30: om sjukskrivningen väntas pågå minst 60 dagar ska din arbetsgivare göra en plan för din återgång i arbete.",
          "Är du sjukskriven mer än 30 dagar erbjuder vårdcentralen dig kontakt med en rehabkoordinator och vårt team. Det bygger på att du vill.",
          "Dag 90: Försäkringskassan prövar om du kan göra annat arbete hos din arbetsgivare.",
          "Dag 180: Försäkringskassan prövar om du kan göra ett arbete som är vanligt på arbetsmarknaden.",
        ],
      ),
      section(
        "Dina rättigheter",
        [],
        [
          "Du har rätt att få veta vad som planeras och att vara med och bestämma om din plan.",
          "Du kan få stöd av en rehabkoordinator som hjälper dig med kontakterna med arbetsgivaren och Försäkringskassan. Det kräver ditt samtycke, och du kan ta tillbaka det när du vill.",
          "Vi lämnar inte ut uppgifter om din hälsa till din arbetsgivare utan ditt samtycke.",
          "Du har rätt att läsa din journal.",
          "Är du inte nöjd med Försäkringskassans beslut kan du begära att beslutet omprövas.",
        ],
      ),
      section(
        "Dina skyldigheter",
        [],
        [
          "Sjukanmäl dig till arbetsgivaren, eller till Försäkringskassan om du inte har någon arbetsgivare.",
          "Lämna riktiga uppgifter till Försäkringskassan och berätta om något ändras, till exempel om du börjar arbeta igen.",
          "Var med i de åtgärder som planeras för att du ska kunna komma tillbaka till arbetet.",
          "Friskanmäl dig till arbetsgivaren när du kan arbeta igen, och till Försäkringskassan om du får sjukpenning.",
        ],
      ),
      section("Frågor", [
        callUs(unit),
        "Om sjukpenning: Försäkringskassan, forsakringskassan.se. Råd om vård: 1177.",
        unitLine(unit),
      ]),
    ],
  };
}
