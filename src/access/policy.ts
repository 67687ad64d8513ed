/**
 * Who may do what: roles are sets of capabilities, granted per care unit. The policy is data so
 * it can be reviewed (GET /api/policy, the admin screen) and tested as a matrix; every grant says
 * why the role needs it (PRODUCT §1: access follows need, not title).
 */

export const roles = {
  LAKARE: "Läkare",
  REHABKOORDINATOR: "Rehabkoordinator",
  DISTRIKTSSKOTERSKA: "Distriktssköterska",
  FYSIOTERAPEUT: "Fysioterapeut",
  ARBETSTERAPEUT: "Arbetsterapeut",
  KURATOR: "Kurator",
  PSYKOLOG: "Psykolog",
  SEKRETERARE: "Medicinsk sekreterare",
  ENHETSCHEF: "Enhetschef / verksamhetschef",
  MLU: "Medicinskt ledningsansvarig (MLU)",
  REGIONANALYTIKER: "Regionledning / regional analytiker",
  SYSTEMADMINISTRATOR: "Systemadministratör",
} as const;

export type Role = keyof typeof roles;
export const roleIds = Object.keys(roles) as Role[];

export const capabilities = {
  "patient.search": "Söka patienter på enheten",
  "patient.read": "Läsa patientens uppgifter och sjukfall på enheten",
  "patient.write": "Registrera och ändra patientuppgifter på enheten",
  "patient.log-extract": "Ta ut loggutdrag för en patient",
  "certificate.draft": "Skriva och förbereda utkast till sjukintyg",
  "certificate.sign": "Signera, skicka, förlänga, ersätta och makulera sjukintyg",
  "arende.register": "Registrera ärenden och kompletteringar från Försäkringskassan",
  "arende.answer": "Besvara kompletteringar och ärenden från Försäkringskassan",
  "certificate.import": "Importera intyg skrivna i andra system",
  "population.import":
    "Importera enhetens listade patienter per månad (underlag för sjuktal, utan patientuppgifter)",
  "audit.review": "Granska åtkomstloggen (loggranskning)",
  "unit.users": "Administrera enhetens användare och medarbetaruppdrag",
  "region.units": "Skapa och ändra vårdenheter i regionen",
  "region.users": "Administrera användare och uppdrag i hela regionen",
  "policy.read": "Läsa behörighetspolicyn",
  "statistics.unit": "Ta ut statistik för enheten",
  "statistics.region": "Ta ut aggregerad statistik för regionen utan patientidentiteter",
  "statistics.doctors": "Se varje läkares kompletteringsandel på enheten (med namn)",
  "statistics.report": "Skriva enhetens texter i års- och delårsrapporten",
  "cases.list": "Se enhetens alla pågående sjukfall (sjukfallslistan) och exportera den",
  "cases.list-own": "Se pågående sjukfall där man själv signerat det senaste intyget",
  "task.work": "Arbeta med sina egna uppgifter (åtgärda, ej aktuell, skjuta upp)",
  "task.unit": "Se och arbeta med enhetens alla uppgifter, även koordinatorns kö",
  "consent.record": "Registrera och återkalla patientens samtycke (lag 2019:1297)",
  "coordination.read": "Läsa samtycken, aktualiseringsbeslut, kartläggande samtal och koordineringsinsatser",
  "coordination.write": "Besluta om aktualisering, föra kartläggande samtal, dokumentera insatser och möten",
  "review.run": "Genomgång av pågående sjukskrivningar: egna (och överlämnade) sjukfall som snart löper ut",
  "review.unit": "Genomgång av pågående sjukskrivningar för valfri läkare på enheten",
  "handover.manage": "Registrera och avsluta överlämning av en läkares sjukfall vid längre frånvaro",
  "underlag.request":
    "Begära underlag om funktion och aktivitet från fysioterapeut, psykolog, kurator eller arbetsterapeut",
  "underlag.read": "Läsa begärda och besvarade underlag om funktion och aktivitet",
  "underlag.answer": "Besvara begäran om underlag till den egna professionen",
  "traceability.read":
    "Spårbarhetskontroll: se enhetens sjukfall över 30 dagar och vad som saknas (beslut, samtycke, plan, uppföljning)",
  "team.overview": "Se enhetens multimodala team, mötestider och teamträffar (utan patientuppgifter)",
  "team.read": "Se teamträffarnas dagordning, anteckningar och beslut om patienterna",
  "team.manage":
    "Sätta samman teamet, kalla till teamträffar, förbereda dagordningen, föra anteckningar och beslut",
  "rehabplan.read": "Läsa patientens rehabplan (plan för återgång i arbete) och dess versioner",
  "rehabplan.write": "Upprätta, revidera, fastställa och avsluta patientens rehabplan",
  "patientinfo.handout":
    "Skriva ut och lämna ut patientinformation: broschyren om sjukskrivning och patientens version av planen",
  "routine.read": "Läsa enhetens rutiner och lathund och bekräfta att man läst och förstått dem",
  "routine.manage":
    "Skriva och revidera enhetens rutiner, anta regionens rutiner och se vem som inte läst dem",
  "routine.region": "Skriva och revidera regionens gemensamma rutiner som enheterna kan anta",
  "deviation.report": "Rapportera avvikelser i sjukskrivningsprocessen och följa sina egna rapporter",
  "deviation.manage":
    "Utreda enhetens avvikelser, besluta åtgärder, överväga lex Maria och ta ut avvikelsestatistik",
} as const;

export type Capability = keyof typeof capabilities;

export interface Grant {
  role: Role;
  capability: Capability;
  justification: string;
}

const careTeam: Role[] = ["DISTRIKTSSKOTERSKA", "FYSIOTERAPEUT", "ARBETSTERAPEUT", "KURATOR", "PSYKOLOG"];
/** The professions that give an underlag about function and activity (issue #9 item 7). */
const underlagProfessions: Role[] = ["FYSIOTERAPEUT", "ARBETSTERAPEUT", "KURATOR", "PSYKOLOG"];

function grants(role: Role, list: [Capability, string][]): Grant[] {
  return list.map(([capability, justification]) => ({ role, capability, justification }));
}

const everyone: [Capability, string][] = [
  ["policy.read", "Alla ska kunna se vilka behörigheter som gäller."],
  ["routine.read", "Seed: rutinerna ska vara kända av all personal på enheten."],
];

export const policy: readonly Grant[] = [
  ...grants("LAKARE", [
    ["patient.search", "Läkaren hittar sina patienter för att skriva och förlänga intyg."],
    ["patient.read", "Läkaren behöver patientens uppgifter och sjukfall för vård och intyg."],
    ["certificate.draft", "Läkaren skriver sjukintyg."],
    ["certificate.sign", "Endast läkare får signera sjukintyg (PRODUCT §3)."],
    ["arende.register", "Läkaren kan själv registrera ett ärende som kommit till hen."],
    ["arende.answer", "Läkaren besvarar kompletteringar med ett kompletterande intyg."],
    ["statistics.unit", "Läkaren följer sitt eget sjukskrivningsmönster (seed: statistik tas ut av läkare)."],
    ["cases.list-own", "Läkaren följer sina egna pågående sjukskrivningar (ser egna fall)."],
    ["task.work", "Läkaren får uppgifter vid kontrollpunkter och intyg som snart löper ut."],
    ["consent.record", "Seed: koordinatorn eller annan profession inhämtar patientens samtycke."],
    ["coordination.read", "Läkaren deltar i teamet och behöver se samtycke, beslut och insatser."],
    ["review.run", "Seed: genomgång av pågående sjukskrivningar görs av läkare och rehabkoordinator."],
    ["underlag.request", "Seed 004: läkaren tar hjälp av andra professioner för det medicinska underlaget."],
    ["underlag.read", "Läkaren läser underlaget och för in det i intygets frågor 35 och 17."],
    ["team.overview", "Läkaren deltar i det multimodala teamet och ser när teamet träffas."],
    ["team.read", "Läkaren deltar i teamträffen och behöver dagordning, anteckningar och beslut."],
    ["rehabplan.read", "Läkaren deltar i teamet och följer patientens plan för återgång i arbete."],
    [
      "rehabplan.write",
      "Seed: journalen ska visa sjukskrivningslängd, åtgärder, ansvarig och planerat avslut; läkaren skriver planen med teamet.",
    ],
    [
      "patientinfo.handout",
      "Seed: en broschyr om sjukskrivning skickas med fördel med patienten vid läkarbesöket.",
    ],
    ["deviation.report", "Seed: avvikelser i sjukskrivningsprocessen ska identifieras och dokumenteras."],
    ...everyone,
  ]),
  ...grants("REHABKOORDINATOR", [
    ["patient.search", "Koordinatorn ser enhetens alla sjukfall och aktualiserar patienter."],
    ["patient.read", "Koordinatorn samordnar insatser och behöver patientens sjukfall."],
    ["patient.write", "Koordinatorn registrerar samtycke och uppgifter under koordineringen."],
    ["statistics.unit", "Koordinatorn tar ut sjukskrivningsstatistik (seed: ansvarar för statistik)."],
    ["cases.list", "Koordinatorn ser enhetens alla sjukfall och aktualiserar dem över 30 dagar."],
    ["task.work", "Koordinatorn åtgärdar uppgifter i sjukskrivningsprocessen."],
    ["task.unit", "Koordinatorn har enhetens uppgiftskö och ser att inget sjukfall faller mellan stolarna."],
    ["consent.record", "Koordinatorn inhämtar samtycke till koordinering, team och kontakt med FK."],
    ["coordination.read", "Koordinatorn följer sina patienters koordinering över tid."],
    [
      "coordination.write",
      "Lag 2019:1297: koordinatorn aktualiserar, kartlägger och ger koordineringsinsatser.",
    ],
    ["review.run", "Seed: genomgång av pågående sjukskrivningar görs av läkare och rehabkoordinator."],
    [
      "review.unit",
      "Koordinatorn går igenom varje läkares pågående sjukskrivningar tillsammans med läkaren.",
    ],
    [
      "handover.manage",
      "Seed: uppföljning av sjukskrivning när läkaren har längre frånvaro; koordinatorn ser enhetens alla fall.",
    ],
    ["underlag.request", "Teamet begär underlag från andra professioner; koordinatorn skickar begäran."],
    ["underlag.read", "Koordinatorn följer att begärda underlag besvaras."],
    [
      "traceability.read",
      "Koordinatorn ser till att varje sjukfall över 30 dagar har beslut, samtycke, plan och uppföljning.",
    ],
    ["team.overview", "Koordinatorn kallar till teamets träffar."],
    ["team.read", "Koordinatorn leder teamträffen och följer upp besluten."],
    [
      "team.manage",
      "Seed 000: koordinatorn kallar teamet, förbereder dagordningen av aktualiserade patienter och för protokollet.",
    ],
    ["rehabplan.read", "Koordinatorn följer upp patientens rehabplan och dess uppföljningsdatum."],
    [
      "rehabplan.write",
      "Seed: rehabplan för återgång i arbete upprättas, förankras med patienten och revideras med jämna mellanrum.",
    ],
    ["patientinfo.handout", "Koordinatorn lämnar patienten planen och informationen om sjukskrivning."],
    ["deviation.report", "Seed: avvikelser i sjukskrivningsprocessen ska identifieras och dokumenteras."],
    ...everyone,
  ]),
  ...careTeam.flatMap((role) =>
    grants(role, [
      ["patient.search", "Teamets medlemmar hittar patienter de ger insatser till."],
      ["patient.read", "Teamets medlemmar läser underlag för sina insatser och teamträffar."],
      ["certificate.draft", "Andra professioner kan förbereda underlag och utkast åt läkaren."],
      ["consent.record", "Seed: koordinatorn eller annan profession inhämtar patientens samtycke."],
      ["coordination.read", "Teamets medlemmar behöver se samtycke och beslut för teamärenden."],
      ["underlag.read", "Teamets medlemmar läser begärda underlag och sina egna svar."],
      ["team.overview", "Teamets medlemmar ser när teamet träffas."],
      ["team.read", "Teamets medlemmar deltar i teamträffen och ansvarar för beslutade åtgärder."],
      ["task.work", "Teamets medlemmar blir ansvariga för uppgifter som teamet beslutar."],
      ["rehabplan.read", "Teamets medlemmar ansvarar för åtgärder i planen och behöver se den."],
      [
        "rehabplan.write",
        "Seed: teamet kommer i samråd överens om insatser; den som ansvarar för en åtgärd följer upp den i planen.",
      ],
      [
        "patientinfo.handout",
        "Teamets medlemmar träffar patienten och kan lämna ut planen och informationen om sjukskrivning.",
      ],
      ["deviation.report", "Alla i teamet ska kunna rapportera avvikelser i sjukskrivningsprocessen."],
      ...everyone,
    ]),
  ),
  ...grants("DISTRIKTSSKOTERSKA", [
    [
      "underlag.request",
      "Seed 004: vid telefonrådgivning noterar sjuksköterskan behovet av sjukskrivning och slussar patienten till rätt profession.",
    ],
  ]),
  ...underlagProfessions.flatMap((role) =>
    grants(role, [
      ["underlag.answer", "Professionen besvarar begäran om underlag om funktion och aktivitet."],
    ]),
  ),
  ...grants("SEKRETERARE", [
    ["patient.search", "Sekreteraren registrerar kompletteringar och bokar återbesök."],
    ["patient.read", "Sekreteraren behöver se patientens intyg för att registrera ärenden."],
    ["patient.write", "Sekreteraren registrerar patientuppgifter och förbereder underlag."],
    ["certificate.draft", "Sekreteraren förbereder utkast åt läkaren."],
    [
      "arende.register",
      "Sekreteraren registrerar kompletteringar som kommer tillbaka från Försäkringskassan.",
    ],
    [
      "certificate.import",
      "Sekreteraren importerar intyg från enheter som skriver intyg i ett annat system.",
    ],
    ["deviation.report", "Sekreteraren ser försenade intyg och kompletteringar och rapporterar dem."],
    ...everyone,
  ]),
  ...grants("ENHETSCHEF", [
    ["patient.search", "Loggranskning och loggutdrag kräver att chefen kan hitta patienten."],
    ["statistics.unit", "Chefen följer enhetens sjukskrivningsmönster och jämställdhet."],
    ["statistics.doctors", "Chefen följer upp kompletteringar per läkare i verksamhetsplanen och bokslutet."],
    ["statistics.report", "Chefen skriver enhetens analys och plan i delårs- och årsbokslutet."],
    ["audit.review", "Chefen ansvarar för systematisk loggkontroll på enheten."],
    [
      "routine.manage",
      "Chefen ansvarar för att enhetens rutiner finns, revideras och är kända av personalen.",
    ],
    ["deviation.report", "Chefen kan själv rapportera avvikelser."],
    [
      "deviation.manage",
      "Verksamhetschefen ansvarar för att avvikelser utreds, åtgärdas och vid behov anmäls (lex Maria).",
    ],
    ["patient.log-extract", "Chefen lämnar loggutdrag när en patient begär det."],
    ["unit.users", "Chefen administrerar enhetens medarbetaruppdrag."],
    [
      "population.import",
      "Chefen läser in enhetens listade patienter från regionens listningssystem, så att sjuktalet kan räknas.",
    ],
    [
      "handover.manage",
      "Chefen planerar bemanningen och ser till att en frånvarande läkares sjukfall följs upp.",
    ],
    [
      "team.overview",
      "Seed 004: chefen ser till att enheten har ett rehab-/sjukskrivningsteam som träffas, utan att se patienterna.",
    ],
    [
      "traceability.read",
      "Seed: chefen ansvarar för spårbarheten, att varje sjukfall över 30 dagar har beslut, plan och uppföljning.",
    ],
    ...everyone,
  ]),
  ...grants("MLU", [
    ["patient.search", "Loggranskning kräver att MLU kan hitta patienten."],
    ["statistics.unit", "MLU följer kvaliteten i sjukskrivningsprocessen."],
    ["statistics.doctors", "MLU följer intygskvaliteten per läkare (kompletteringar)."],
    ["statistics.report", "MLU skriver med chefen om sjukskrivningsprocessens kvalitet i bokslutet."],
    ["audit.review", "MLU deltar i loggkontrollen i kvalitetsarbetet."],
    [
      "traceability.read",
      "MLU följer upp med chefen att sjukskrivningsprocessen är spårbar i varje sjukfall över 30 dagar.",
    ],
    ["routine.manage", "MLU skriver och reviderar de medicinska rutinerna för sjukskrivning."],
    ["deviation.report", "MLU kan själv rapportera avvikelser."],
    ["deviation.manage", "MLU utreder medicinska avvikelser och bedömer om lex Maria kan bli aktuell."],
    ...everyone,
  ]),
  ...grants("REGIONANALYTIKER", [
    ["statistics.region", "Regionledningen följer sjukskrivningen i alla enheter, utan identiteter."],
    ["routine.region", "Regionledningen ger ut regiongemensamma rutiner för sjukskrivningsprocessen."],
    ...everyone,
  ]),
  ...grants("SYSTEMADMINISTRATOR", [
    ["region.units", "Systemadministratören lägger upp och ändrar vårdenheter."],
    ["region.users", "Systemadministratören lägger upp användare och uppdrag i regionen."],
    ["unit.users", "Systemadministratören administrerar uppdrag på enheten."],
    [
      "population.import",
      "Systemadministratören läser in listningsunderlaget åt enheter som saknar chef eller vid en regiongemensam inläsning; det är aggregerade tal utan patientuppgifter.",
    ],
    ...everyone,
  ]),
];

const byRole = new Map<Role, Set<Capability>>(
  roleIds.map((role) => [role, new Set(policy.filter((g) => g.role === role).map((g) => g.capability))]),
);

export function capabilitiesOf(role: Role): ReadonlySet<Capability> {
  return byRole.get(role) ?? new Set();
}

export function isRole(value: string): value is Role {
  return value in roles;
}

// ---- Separation of duties (PRODUCT §8): who may grant which role, where ----

/**
 * What a role is for. Only clinical and administrative roles of a unit are the unit's own to hand
 * out; management, region and system roles come from the region.
 */
export const roleKinds: Record<Role, "clinical" | "administrative" | "management" | "region" | "system"> = {
  LAKARE: "clinical",
  REHABKOORDINATOR: "clinical",
  DISTRIKTSSKOTERSKA: "clinical",
  FYSIOTERAPEUT: "clinical",
  ARBETSTERAPEUT: "clinical",
  KURATOR: "clinical",
  PSYKOLOG: "clinical",
  SEKRETERARE: "administrative",
  ENHETSCHEF: "management",
  MLU: "management",
  REGIONANALYTIKER: "region",
  SYSTEMADMINISTRATOR: "system",
};

/**
 * A grant rule: holding `by` on the active unit lets a user give (and take back) these roles, on
 * the active unit only or on any unit of the region — never to themself (see `mayAssign`).
 */
export interface AssignmentRule {
  by: Capability;
  scope: "active-unit" | "region";
  roles: readonly Role[];
  justification: string;
}

export const assignmentRules: readonly AssignmentRule[] = [
  {
    by: "unit.users",
    scope: "active-unit",
    roles: roleIds.filter((r) => roleKinds[r] === "clinical" || roleKinds[r] === "administrative"),
    justification:
      "Chefen bemannar sin egen enhet med vårdpersonal och sekreterare, men utser inte chefer, regionroller eller systemadministratörer.",
  },
  {
    by: "region.users",
    scope: "region",
    roles: roleIds,
    justification:
      "Regionens administratör utser enheternas ledning, regionroller och systemadministratörer, och kan bemanna en enhet som saknar chef.",
  },
];

/**
 * The rule that lets someone holding `held` on `activeUnitId` give `role` on `unitId`, or null.
 * Whether the target is the actor themself is the caller's check (nobody grants to themself).
 */
export function assignmentRuleFor(
  held: ReadonlySet<Capability>,
  activeUnitId: string | null,
  role: Role,
  unitId: string,
): AssignmentRule | null {
  return (
    assignmentRules.find(
      (rule) =>
        held.has(rule.by) &&
        rule.roles.includes(role) &&
        (rule.scope === "region" || (activeUnitId !== null && unitId === activeUnitId)),
    ) ?? null
  );
}

/** Capabilities that show or change a patient's data (beyond finding the patient for log review). */
export const patientDataCapabilities: readonly Capability[] = [
  "patient.read",
  "patient.write",
  "certificate.draft",
  "certificate.sign",
  "arende.register",
  "arende.answer",
  "certificate.import",
  "cases.list",
  "cases.list-own",
  "task.work",
  "task.unit",
  "consent.record",
  "coordination.read",
  "coordination.write",
  "review.run",
  "review.unit",
  "underlag.request",
  "underlag.read",
  "underlag.answer",
  "traceability.read",
  "team.read",
  "team.manage",
  "rehabplan.read",
  "rehabplan.write",
  "patientinfo.handout",
];

/** Whether holding the role gives access to patient data: granting it is shown to the unit's chief. */
export function readsPatientData(role: Role): boolean {
  const held = capabilitiesOf(role);
  return patientDataCapabilities.some((c) => held.has(c));
}
