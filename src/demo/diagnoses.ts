/**
 * Diagnoses of the demo certificates: ICD-10-SE codes (without dot) with Socialstyrelsen's Swedish
 * titles, grouped as the national sick-leave statistics do, and the DFA texts (funktionsnedsättning
 * → aktivitetsbegränsning) a doctor would write for them. Psychiatric diagnoses dominate long
 * cases, musculoskeletal ones come second (PRODUCT §7).
 */

export type DiagnosisGroup =
  | "PSYKISKA"
  | "MUSKULOSKELETALA"
  | "SKADOR"
  | "INFEKTIONER"
  | "HJARTA_KARL"
  | "TUMORER"
  | "GRAVIDITET"
  | "OVRIGA";

/** Which DFA texts fit a diagnosis. */
export type Theme =
  | "utmattning"
  | "depression"
  | "angest"
  | "stress"
  | "rygg"
  | "nacke"
  | "axel"
  | "smarta"
  | "led"
  | "fotled"
  | "handled"
  | "kna"
  | "luftvag"
  | "mage"
  | "hjarta"
  | "tumor"
  | "backen"
  | "illamaende"
  | "operation"
  | "migran";

export interface Diagnosis {
  kod: string;
  text: string;
  group: DiagnosisGroup;
  theme: Theme;
  /** Relative frequency among short cases (≤ 30 days) and among long ones. */
  short: number;
  long: number;
  sex?: "F" | "M";
}

export const diagnoses: readonly Diagnosis[] = [
  { kod: "F438A", text: "Utmattningssyndrom", group: "PSYKISKA", theme: "utmattning", short: 4, long: 30 },
  { kod: "F430", text: "Akut stressreaktion", group: "PSYKISKA", theme: "stress", short: 25, long: 1 },
  { kod: "F432", text: "Anpassningsstörning", group: "PSYKISKA", theme: "stress", short: 25, long: 10 },
  {
    kod: "F431",
    text: "Posttraumatiskt stressyndrom (PTSD)",
    group: "PSYKISKA",
    theme: "angest",
    short: 2,
    long: 4,
  },
  {
    kod: "F320",
    text: "Lindrig depressiv episod",
    group: "PSYKISKA",
    theme: "depression",
    short: 8,
    long: 5,
  },
  {
    kod: "F321",
    text: "Medelsvår depressiv episod",
    group: "PSYKISKA",
    theme: "depression",
    short: 6,
    long: 16,
  },
  {
    kod: "F329",
    text: "Depressiv episod, ospecificerad",
    group: "PSYKISKA",
    theme: "depression",
    short: 8,
    long: 6,
  },
  {
    kod: "F331",
    text: "Recidiverande depression, medelsvår episod",
    group: "PSYKISKA",
    theme: "depression",
    short: 2,
    long: 7,
  },
  {
    kod: "F410",
    text: "Paniksyndrom [episodisk paroxysmal ångest]",
    group: "PSYKISKA",
    theme: "angest",
    short: 4,
    long: 3,
  },
  { kod: "F411", text: "Generaliserat ångestsyndrom", group: "PSYKISKA", theme: "angest", short: 4, long: 7 },
  {
    kod: "F412",
    text: "Blandade ångest- och depressionstillstånd",
    group: "PSYKISKA",
    theme: "angest",
    short: 8,
    long: 9,
  },
  {
    kod: "F419",
    text: "Ångesttillstånd, ospecificerat",
    group: "PSYKISKA",
    theme: "angest",
    short: 8,
    long: 2,
  },

  { kod: "M545", text: "Lumbago", group: "MUSKULOSKELETALA", theme: "rygg", short: 25, long: 6 },
  { kod: "M544", text: "Lumbago med ischias", group: "MUSKULOSKELETALA", theme: "rygg", short: 10, long: 8 },
  {
    kod: "M511",
    text: "Disksjukdomar (diskbråck) i lumbalregionen och andra regioner med radikulopati",
    group: "MUSKULOSKELETALA",
    theme: "rygg",
    short: 3,
    long: 8,
  },
  { kod: "M542", text: "Cervikalgi", group: "MUSKULOSKELETALA", theme: "nacke", short: 10, long: 4 },
  {
    kod: "M751",
    text: "Rotator cuff-syndrom i skulderled",
    group: "MUSKULOSKELETALA",
    theme: "axel",
    short: 4,
    long: 7,
  },
  {
    kod: "M754",
    text: "Impingement syndrome i skulderled",
    group: "MUSKULOSKELETALA",
    theme: "axel",
    short: 5,
    long: 5,
  },
  { kod: "M771", text: "Lateral epikondylit", group: "MUSKULOSKELETALA", theme: "led", short: 5, long: 3 },
  { kod: "M791", text: "Myalgi", group: "MUSKULOSKELETALA", theme: "smarta", short: 6, long: 2 },
  { kod: "M797", text: "Fibromyalgi", group: "MUSKULOSKELETALA", theme: "smarta", short: 1, long: 5 },
  {
    kod: "M179",
    text: "Gonartros, ospecificerad",
    group: "MUSKULOSKELETALA",
    theme: "led",
    short: 2,
    long: 5,
  },
  {
    kod: "M161",
    text: "Primär koxartros, ensidig eller UNS",
    group: "MUSKULOSKELETALA",
    theme: "led",
    short: 1,
    long: 4,
  },

  { kod: "S934", text: "Distorsion i fotled", group: "SKADOR", theme: "fotled", short: 20, long: 1 },
  {
    kod: "S525",
    text: "Fraktur på nedre delen av radius",
    group: "SKADOR",
    theme: "handled",
    short: 8,
    long: 5,
  },
  {
    kod: "S823",
    text: "Fraktur på nedre delen av tibia",
    group: "SKADOR",
    theme: "fotled",
    short: 2,
    long: 4,
  },
  {
    kod: "S836",
    text: "Distorsion i andra och ospecificerade delar av knä",
    group: "SKADOR",
    theme: "kna",
    short: 10,
    long: 3,
  },
  { kod: "S134", text: "Distorsion i halskotpelaren", group: "SKADOR", theme: "nacke", short: 6, long: 3 },
  { kod: "S420", text: "Nyckelbensfraktur", group: "SKADOR", theme: "axel", short: 4, long: 2 },

  {
    kod: "J069",
    text: "Akut övre luftvägsinfektion, ospecificerad",
    group: "INFEKTIONER",
    theme: "luftvag",
    short: 30,
    long: 0,
  },
  {
    kod: "J111",
    text: "Influensa med andra manifestationer i luftvägarna, virus ej identifierat",
    group: "INFEKTIONER",
    theme: "luftvag",
    short: 20,
    long: 0,
  },
  {
    kod: "U071",
    text: "Covid-19, virus identifierat",
    group: "INFEKTIONER",
    theme: "luftvag",
    short: 12,
    long: 1,
  },
  { kod: "J189", text: "Pneumoni, ospecificerad", group: "INFEKTIONER", theme: "luftvag", short: 8, long: 1 },
  {
    kod: "A099",
    text: "Gastroenterit och kolit av ospecificerad orsak",
    group: "INFEKTIONER",
    theme: "mage",
    short: 10,
    long: 0,
  },

  {
    kod: "I209",
    text: "Angina pectoris, ospecificerad",
    group: "HJARTA_KARL",
    theme: "hjarta",
    short: 3,
    long: 3,
  },
  {
    kod: "I214",
    text: "Akut subendokardiell infarkt",
    group: "HJARTA_KARL",
    theme: "hjarta",
    short: 1,
    long: 4,
  },

  {
    kod: "C509",
    text: "Ospecificerad lokalisation av malign tumör i bröstkörtel",
    group: "TUMORER",
    theme: "tumor",
    short: 0,
    long: 6,
    sex: "F",
  },
  {
    kod: "C61",
    text: "Malign tumör i prostata",
    group: "TUMORER",
    theme: "tumor",
    short: 0,
    long: 3,
    sex: "M",
  },

  {
    kod: "O268",
    text: "Andra specificerade graviditetsrelaterade tillstånd",
    group: "GRAVIDITET",
    theme: "backen",
    short: 6,
    long: 5,
    sex: "F",
  },
  {
    kod: "O210",
    text: "Lätta graviditetskräkningar",
    group: "GRAVIDITET",
    theme: "illamaende",
    short: 5,
    long: 1,
    sex: "F",
  },

  { kod: "G439", text: "Migrän, ospecificerad", group: "OVRIGA", theme: "migran", short: 6, long: 1 },
  { kod: "K802", text: "Gallsten utan kolecystit", group: "OVRIGA", theme: "operation", short: 5, long: 1 },
  {
    kod: "K358",
    text: "Annan och ospecificerad akut appendicit",
    group: "OVRIGA",
    theme: "operation",
    short: 5,
    long: 0,
  },
];

/** A second diagnosis that often accompanies the main one (row 2 of question 6). */
export const companions: Readonly<Record<string, readonly string[]>> = {
  F438A: ["F329", "F412"],
  F321: ["F419"],
  F331: ["F419"],
  F411: ["F329"],
  M544: ["M542"],
  M797: ["F329"],
  M751: ["M542"],
};

export function diagnosisByCode(code: string): Diagnosis {
  const found = diagnoses.find((d) => d.kod === code);
  if (!found) throw new Error(`unknown demo diagnosis ${code}`);
  return found;
}

export function isPsychiatric(code: string): boolean {
  return code.startsWith("F");
}

interface ThemeTexts {
  funktionsnedsattning: readonly string[];
  aktivitetsbegransning: readonly string[];
  behandling: readonly string[];
  atgarder: readonly string[];
}

const psykiskaAtgarder = [
  "Kontakt med arbetsgivaren om anpassade arbetsuppgifter och gradvis ökad arbetstid vid återgång.",
  "Rehabkoordinatorn erbjuder kartläggande samtal; patienten aktualiseras i det multimodala teamet.",
  "Arbetsträning med successiv upptrappning i samråd med arbetsgivaren och företagshälsovården.",
];
const kroppAtgarder = [
  "Arbetsgivaren ser över möjligheten till lättare arbetsuppgifter under rehabiliteringen.",
  "Ergonomisk genomgång av arbetsplatsen via företagshälsovården.",
  "Successiv återgång med start på deltid när smärtan tillåter.",
];

export const themeTexts: Readonly<Record<Theme, ThemeTexts>> = {
  utmattning: {
    funktionsnedsattning: [
      "Uttalad kognitiv uttröttbarhet, nedsatt koncentration och minne. Sömnstörning med tidigt uppvaknande. Vid besöket långsamt tempo, tappar tråden i samtalet och behöver pauser.",
      "Efter lång tids hög arbetsbelastning utmattning med nedsatt mental energi, ljud- och ljuskänslighet och hjärtklappning vid stress. Vid undersökningen påtagligt trött och gråtmild.",
    ],
    aktivitetsbegransning: [
      "Klarar inte att planera och genomföra arbetsuppgifter som kräver koncentration mer än 20–30 minuter i taget eller att hantera flera uppgifter samtidigt. Kan inte arbeta under tidspress.",
      "Kan inte delta i möten, ta emot telefonsamtal eller hålla flera saker i huvudet samtidigt, vilket arbetet kräver. Behöver vila efter kortare aktiviteter.",
    ],
    behandling: [
      "Samtalsbehandling hos psykolog på hälsocentralen, sömnråd och fysisk aktivitet på recept.",
      "Stödsamtal hos kurator och gruppbehandling i stresshantering.",
    ],
    atgarder: psykiskaAtgarder,
  },
  depression: {
    funktionsnedsattning: [
      "Sänkt stämningsläge, nedsatt initiativförmåga och koncentration. MADRS-S 27 poäng. Vid besöket dämpad, långsamt tal och svårt att fokusera.",
      "Nedstämdhet och anhedoni sedan flera veckor, sömnstörning och nedsatt aptit. Påtagligt nedsatt psykiskt tempo vid undersökningen.",
    ],
    aktivitetsbegransning: [
      "Orkar inte ta initiativ till eller slutföra arbetsuppgifter. Klarar inte kontakter med kunder eller kollegor mer än korta stunder.",
      "Kan inte koncentrera sig på läsning eller skärmarbete mer än korta stunder och klarar inte att hålla tider eller planera sin dag.",
    ],
    behandling: [
      "Antidepressiv medicinering insatt, uppföljning hos läkare var fjärde vecka. KBT hos psykolog.",
      "Internetbaserad KBT och regelbundna uppföljande samtal hos sjuksköterska.",
    ],
    atgarder: psykiskaAtgarder,
  },
  angest: {
    funktionsnedsattning: [
      "Ångest med kroppsliga symtom (hjärtklappning, andnöd, yrsel) flera gånger dagligen, oro och sömnsvårigheter. Vid besöket rastlös och spänd.",
      "Återkommande panikattacker och undvikandebeteende. Koncentrationen påtagligt nedsatt under samtalet.",
    ],
    aktivitetsbegransning: [
      "Klarar inte att vistas i miljöer med många människor eller att ta emot stressande samtal. Kan inte arbeta ensam med ansvar för andra.",
      "Kan inte ta sig till arbetsplatsen med kollektivtrafik och klarar inte arbetsuppgifter som kräver snabba beslut.",
    ],
    behandling: [
      "KBT hos psykolog på hälsocentralen, SSRI insatt.",
      "Samtalsbehandling och avslappningsträning, läkemedel vid behov.",
    ],
    atgarder: psykiskaAtgarder,
  },
  stress: {
    funktionsnedsattning: [
      "Akut stressreaktion efter svår händelse i familjen: sömnsvårigheter, oro och nedsatt koncentration. Vid besöket ledsen och orolig.",
      "Anpassningsstörning i samband med konflikt på arbetsplatsen: nedstämdhet, spänningshuvudvärk och sömnstörning.",
    ],
    aktivitetsbegransning: [
      "Klarar för närvarande inte att fokusera på arbetsuppgifter eller att möta kunder och kollegor.",
      "Kan inte hantera arbetsuppgifter med krav på koncentration och kontakt med andra människor.",
    ],
    behandling: ["Stödsamtal hos kurator.", "Kortare sömnmedicinering och uppföljande samtal."],
    atgarder: psykiskaAtgarder,
  },
  rygg: {
    funktionsnedsattning: [
      "Smärta i ländryggen med utstrålning i vänster ben. Nedsatt rörlighet i ländryggen, positivt Lasègue vänster vid 45 grader.",
      "Akut insättande ländryggssmärta efter lyft, muskelspasm och kraftigt nedsatt rörlighet vid framåtböjning.",
    ],
    aktivitetsbegransning: [
      "Kan inte lyfta mer än 5 kg, inte sitta eller stå mer än 20 minuter i taget och inte arbeta framåtböjd.",
      "Klarar inte att bära, lyfta eller köra bil längre sträckor, vilket arbetet kräver.",
    ],
    behandling: [
      "Fysioterapi med träningsprogram, smärtlindring med paracetamol och NSAID vid behov.",
      "Bedömning och behandling hos fysioterapeut, MR ländrygg beställd.",
    ],
    atgarder: kroppAtgarder,
  },
  nacke: {
    funktionsnedsattning: [
      "Muskelömhet och stelhet i nacke och skuldror, nedsatt rörlighet vid rotation åt båda håll.",
      "Nacksmärta med huvudvärk, smärtsam och nedsatt rörlighet i halsryggen.",
    ],
    aktivitetsbegransning: [
      "Klarar inte längre stunder vid datorn eller arbete med armarna ovanför axelhöjd.",
      "Kan inte köra bil eller utföra arbete som kräver att huvudet hålls i samma ställning.",
    ],
    behandling: ["Fysioterapi och ergonomisk rådgivning.", "Smärtlindring och hemträningsprogram."],
    atgarder: kroppAtgarder,
  },
  axel: {
    funktionsnedsattning: [
      "Smärta och nedsatt rörlighet i höger axel; aktiv abduktion till 80 grader, smärtsam båge, nedsatt kraft vid utåtrotation.",
      "Smärta i vänster skuldra, nedsatt rörlighet och kraft, nattlig värk.",
    ],
    aktivitetsbegransning: [
      "Kan inte arbeta med armarna över axelhöjd, lyfta eller bära tyngre föremål.",
      "Klarar inte upprepade rörelser med den drabbade armen, vilket arbetet kräver.",
    ],
    behandling: [
      "Kortisoninjektion i axeln och fysioterapeutisk rehabilitering.",
      "Fysioterapi med träningsprogram.",
    ],
    atgarder: kroppAtgarder,
  },
  smarta: {
    funktionsnedsattning: [
      "Generaliserad muskelsmärta och uttalad trötthet, ömhet över muskelfästen bilateralt, nedsatt uthållighet.",
      "Långvarig smärta i muskulaturen med nedsatt fysisk uthållighet och sömnstörning.",
    ],
    aktivitetsbegransning: [
      "Klarar inte fysiskt arbete mer än korta stunder och inte att sitta eller stå stilla längre än 30 minuter.",
      "Kan inte utföra upprepade arbetsmoment eller bära och lyfta.",
    ],
    behandling: [
      "Multimodal smärtrehabilitering, fysisk aktivitet på recept.",
      "Fysioterapi och smärtskola.",
    ],
    atgarder: kroppAtgarder,
  },
  led: {
    funktionsnedsattning: [
      "Smärta och svullnad i leden, nedsatt rörlighet och belastningsförmåga.",
      "Belastningssmärta och stelhet, hälta vid gång, nedsatt rörlighet i leden.",
    ],
    aktivitetsbegransning: [
      "Kan inte gå längre sträckor, stå längre stunder eller gå i trappor.",
      "Kan inte greppa, lyfta eller utföra upprepade rörelser med armen.",
    ],
    behandling: ["Artrosskola och fysioterapi, smärtlindring.", "Avlastning, ortos och fysioterapi."],
    atgarder: kroppAtgarder,
  },
  fotled: {
    funktionsnedsattning: [
      "Svullnad och smärta över laterala malleolen, nedsatt belastningsförmåga.",
      "Gipsbehandlad fraktur, får inte belasta benet.",
    ],
    aktivitetsbegransning: [
      "Kan inte gå eller stå längre stunder och inte bära något.",
      "Kan inte ta sig till arbetet eller utföra gående och stående arbete.",
    ],
    behandling: ["Ortos, högläge och fysioterapi.", "Gips i sex veckor, därefter fysioterapi."],
    atgarder: kroppAtgarder,
  },
  handled: {
    funktionsnedsattning: [
      "Gipsad handled efter fraktur, nedsatt greppkraft och rörlighet.",
      "Smärta och svullnad i handleden, kraftigt nedsatt greppkraft.",
    ],
    aktivitetsbegransning: [
      "Kan inte använda handen för att skriva, greppa eller lyfta.",
      "Klarar inte tangentbordsarbete eller finmotoriska arbetsuppgifter.",
    ],
    behandling: ["Gips, därefter handträning hos arbetsterapeut.", "Ortos och handrehabilitering."],
    atgarder: kroppAtgarder,
  },
  kna: {
    funktionsnedsattning: [
      "Smärta och instabilitet i knäleden efter vridvåld, svullnad och nedsatt böjförmåga.",
      "Knäsmärta med ledsvullnad, haltar vid gång.",
    ],
    aktivitetsbegransning: [
      "Kan inte gå i trappor, på ojämnt underlag eller stå längre stunder.",
      "Klarar inte att gå på knä, huka eller bära tungt.",
    ],
    behandling: ["Kryckor, avlastning och fysioterapi.", "Ortopedisk bedömning, fysioterapi."],
    atgarder: kroppAtgarder,
  },
  luftvag: {
    funktionsnedsattning: [
      "Feber 39 grader, hosta, muskelvärk och uttalad trötthet. Andfådd vid lätt ansträngning.",
      "Feber och allmän sjukdomskänsla, nedsatt ork och hosta.",
    ],
    aktivitetsbegransning: [
      "Orkar inte vara uppe mer än korta stunder och kan inte utföra sitt arbete.",
      "Klarar inte fysisk ansträngning och ska inte arbeta nära andra under den smittsamma fasen.",
    ],
    behandling: ["Vila, vätska och febernedsättande.", "Antibiotika, uppföljning om inte förbättrad."],
    atgarder: [],
  },
  mage: {
    funktionsnedsattning: ["Kräkningar och diarré, tecken på uttorkning och uttalad trötthet."],
    aktivitetsbegransning: [
      "Kan inte arbeta med livsmedel eller nära andra och orkar inte utföra sitt arbete.",
    ],
    behandling: ["Vätskeersättning och vila."],
    atgarder: [],
  },
  hjarta: {
    funktionsnedsattning: [
      "Bröstsmärta vid ansträngning och nedsatt fysisk kondition efter hjärtinfarkt.",
      "Andfåddhet och tryck över bröstet vid måttlig ansträngning.",
    ],
    aktivitetsbegransning: [
      "Klarar inte tunga lyft eller fysiskt ansträngande arbete, inte heller stressiga arbetsmoment.",
    ],
    behandling: ["Läkemedelsbehandling och hjärtrehabilitering."],
    atgarder: ["Successiv återgång efter hjärtrehabiliteringen, i samråd med arbetsgivaren."],
  },
  tumor: {
    funktionsnedsattning: [
      "Uttalad trötthet och nedsatt fysisk ork under pågående cytostatikabehandling, infektionskänslighet.",
      "Trötthet och smärta efter operation och under pågående strålbehandling.",
    ],
    aktivitetsbegransning: [
      "Klarar inte ett arbetspass och behöver vila flera gånger per dag; bör undvika arbete nära många människor.",
    ],
    behandling: ["Cytostatika- och strålbehandling vid onkologiska kliniken."],
    atgarder: ["Kontakt med arbetsgivaren inför återgång på deltid efter avslutad behandling."],
  },
  backen: {
    funktionsnedsattning: [
      "Graviditetsrelaterad bäckensmärta, smärta vid gång och nedsatt rörlighet i bäckenet.",
    ],
    aktivitetsbegransning: ["Kan inte stå eller gå längre stunder och inte lyfta eller bära."],
    behandling: ["Bäckenbälte och fysioterapi."],
    atgarder: ["Arbetsgivaren utreder omplacering till sittande arbete."],
  },
  illamaende: {
    funktionsnedsattning: ["Illamående och kräkningar flera gånger dagligen, viktnedgång och trötthet."],
    aktivitetsbegransning: [
      "Orkar inte utföra sitt arbete och klarar inte arbete med matlagning eller starka dofter.",
    ],
    behandling: ["Antiemetika och vätska vid behov."],
    atgarder: [],
  },
  operation: {
    funktionsnedsattning: ["Smärta och nedsatt ork efter bukoperation, läkning av operationssåret pågår."],
    aktivitetsbegransning: ["Får inte lyfta mer än 5 kg under läkningstiden och klarar inte fysiskt arbete."],
    behandling: ["Smärtlindring, återbesök på kirurgmottagningen."],
    atgarder: [],
  },
  migran: {
    funktionsnedsattning: ["Täta migränanfall med ljus- och ljudkänslighet och illamående."],
    aktivitetsbegransning: ["Klarar inte skärmarbete eller arbete i bullrig miljö under anfallsperioden."],
    behandling: ["Förebyggande läkemedelsbehandling insatt."],
    atgarder: [],
  },
};
