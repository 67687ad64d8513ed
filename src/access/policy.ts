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
      ["deviation.report", "Alla i teamet ska kunna rapportera avvikelser i sjukskrivningsprocessen."],
      ...everyone,
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
    ...everyone,
  ]),
  ...grants("MLU", [
    ["patient.search", "Loggranskning kräver att MLU kan hitta patienten."],
    ["statistics.unit", "MLU följer kvaliteten i sjukskrivningsprocessen."],
    ["statistics.doctors", "MLU följer intygskvaliteten per läkare (kompletteringar)."],
    ["statistics.report", "MLU skriver med chefen om sjukskrivningsprocessens kvalitet i bokslutet."],
    ["audit.review", "MLU deltar i loggkontrollen i kvalitetsarbetet."],
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
];

/** Whether holding the role gives access to patient data: granting it is shown to the unit's chief. */
export function readsPatientData(role: Role): boolean {
  const held = capabilitiesOf(role);
  return patientDataCapabilities.some((c) => held.has(c));
}
