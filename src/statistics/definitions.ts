/**
 * One written definition per figure, in Swedish, for the UI to show beside the figure (and for the
 * annual report). Each text says exactly what `./statistics.ts` computes; a test ties the texts to
 * the figures, so a figure without a definition fails.
 */
export interface FigureDefinition {
  /** The figure's name as a heading. */
  label: string;
  /** What is counted, exactly. */
  definition: string;
}

export const statisticsDefinitions = {
  sex: {
    label: "Kvinnor och män",
    definition:
      "Kön avgörs av personnumret eller samordningsnumret: näst sista siffran udda = man, jämn = kvinna. " +
      "Patienter utan personnummer eller samordningsnummer räknas bara i totalen.",
  },
  sjukfall: {
    label: "Sjukfall",
    definition:
      "Ett sjukfall är en patients sammanhängande sjukskrivning på en enhet: intyg som räknas (signerade, " +
      "inte makulerade, inte smittbärarpenning, med huvuddiagnos, inte ersatta eller kompletterade av ett " +
      "senare intyg) hör till samma sjukfall när uppehållet mellan dem är högst glappet (standard 5 dagar). " +
      "Längden är antalet kalenderdagar som något intyg täcker.",
  },
  ongoing: {
    label: "Pågående sjukfall",
    definition:
      "Sjukfall där minst ett intyg gäller i dag, vart och ett räknat en gång. Sjukfall som har slutat räknas " +
      "inte, inte ens dagen efter slutet.",
  },
  ongoingByLength: {
    label: "Pågående sjukfall efter längd",
    definition:
      "De pågående sjukfallen efter längd i dagar: 0–14, 15–30, 31–60, 61–90, 91–180, 181–365, " +
      "366–730 och 731 dagar eller mer. Alla åtta grupper visas, även tomma.",
  },
  ongoingByGrade: {
    label: "Pågående sjukfall efter sjukskrivningsgrad",
    definition:
      "De pågående sjukfallen efter nuvarande grad: graden i den period av sjukfallets gällande intyg som " +
      "omfattar i dag (25, 50, 75 eller 100 procent).",
  },
  newCases: {
    label: "Nya sjukfall",
    definition:
      "Sjukfall som började i perioden (månad, kvartal eller år), bland alla sjukfall som har börjat senast i dag. " +
      "Vid kvartal eller år utvidgas intervallet till hela kvartal eller år.",
  },
  kompletteringarSent: {
    label: "Skickade intyg",
    definition:
      "Signerade intyg (inte makulerade, inte smittbärarpenning) vars signeringsdag (datum i svensk tid) " +
      "ligger i perioden. Ersatta och kompletterande intyg räknas, eftersom de skickades.",
  },
  kompletteringarWithKomplettering: {
    label: "Intyg med komplettering",
    definition:
      "De skickade intyg som Försäkringskassan har begärt minst en komplettering av. Andra ärenden " +
      "(frågor, kontakt, övrigt) räknas inte.",
  },
  kompletteringarRate: {
    label: "Andel intyg med komplettering",
    definition:
      "Intyg med komplettering delat med skickade intyg, avrundat till tre decimaler. Saknas när inga intyg " +
      "skickades.",
  },
  kompletteringarByDoctor: {
    label: "Komplettering per läkare",
    definition:
      "Skickade intyg, intyg med komplettering och andel per signerande läkare, för varje läkare med minst " +
      "ett skickat intyg i perioden.",
  },
  kompletteringarByQuestion: {
    label: "Komplettering per fråga",
    definition:
      "Hur många gånger Försäkringskassan har begärt komplettering av varje fråga i intyget (en gång per " +
      "kompletteringsärende och fråga), på de skickade intygen.",
  },
  kompletteringarByPeriod: {
    label: "Komplettering per period",
    definition:
      "Skickade intyg och intyg med komplettering per månad, kvartal eller år, efter signeringsdag (datum i " +
      "svensk tid). Vid kvartal eller år utvidgas intervallet till hela kvartal eller år.",
  },
  kompletteringAnswerTime: {
    label: "Svarstid för kompletteringar",
    definition:
      "För kompletteringsärenden på intyg skickade i perioden: medianen av antalet kalenderdagar från att " +
      "Försäkringskassans begäran kom in till att enheten svarade, bland de besvarade. Obesvarade räknas för sig.",
  },
  ongoingByChapter: {
    label: "Pågående sjukfall efter diagnoskapitel",
    definition:
      "De pågående sjukfallen efter ICD-10-SE-kapitlet för huvuddiagnosen på sjukfallets gällande intyg. " +
      "Sjukfall vars diagnos inte är en känd kod räknas som okänd diagnos.",
  },
  ongoingByGroup: {
    label: "Pågående sjukfall efter diagnosgrupp",
    definition:
      "De pågående sjukfallen efter diagnosgrupp (de sju grupper som de nationella sjukskrivningsverktygen " +
      "använder, t.ex. psykiska och muskuloskeletala sjukdomar) för huvuddiagnosen på sjukfallets gällande intyg.",
  },
  longCases: {
    label: "Sjukfall längre än 30 dagar",
    definition: "De pågående sjukfall vars längd (dagar som något intyg täcker) är mer än 30 dagar.",
  },
  longCasesDecided: {
    label: "Beslutade",
    definition:
      "De pågående sjukfall längre än 30 dagar där ett beslut om aktualisering är fattat (team eller inte).",
  },
  longCasesReachedTeam: {
    label: "Tagna upp i teamet",
    definition:
      "De pågående sjukfall längre än 30 dagar som har tagits upp i det multimodala teamet: fallet stod på dagordningen för en teamträff som hållits och avslutats.",
  },
  longCasesWithPlan: {
    label: "Med rehabplan",
    definition:
      "De pågående sjukfall längre än 30 dagar som har en rehabplan som fastställts med patienten (eller som har avslutats sedan dess).",
  },
  ongoingByDoctor: {
    label: "Pågående sjukfall per läkare",
    definition:
      "De pågående sjukfallen och de längre än 30 dagar, per läkaren som signerade sjukfallets gällande intyg.",
  },
  equality: {
    label: "Jämställdhetsindikator",
    definition:
      "Inom varje diagnosgrupp jämförs de pågående sjukfallen för kvinnor och män: skillnaden i medianlängd " +
      "(dagar) och i genomsnittlig nuvarande grad (procentenheter), kvinnor minus män. Grupper jämförs bara när " +
      "både kvinnor och män har minst 5 sjukfall. Skillnaden i längd markeras som stor när den är minst 14 dagar " +
      "och minst 25 procent av den längre medianen; skillnaden i grad när den är minst 10 procentenheter.",
  },
  sjuktal: {
    label: "Sjuktal",
    definition:
      "Pågående sjukfall per 1 000 listade patienter på enheten, för kvinnor och män var för sig, med en decimal.",
  },
  suppression: {
    label: "Små tal",
    definition:
      "Med gränsen N döljs varje antal från 1 till N − 1 (0 visas). Döljs bara ett av kvinnor och män döljs " +
      "även det andra, så att det inte kan räknas fram ur totalen. En andel döljs när nämnaren är under N " +
      "eller något av dess antal är dolt.",
  },
} as const satisfies Record<string, FigureDefinition>;

export type FigureKey = keyof typeof statisticsDefinitions;
