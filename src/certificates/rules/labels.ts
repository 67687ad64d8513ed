/**
 * Swedish labels of the FK 7804 (version 2) questions and answer options, worded as
 * Försäkringskassan's form and code systems (KV_FKMU_0001, 0002, 0006) word them, for messages,
 * the editor, the read-only view and the PDF.
 */
import type { GrundType, PrognosType, SysselsattningType } from "./draft.ts";

/** FK question id → the question's Swedish label. */
export const fieldLabels: Record<string, string> = {
  "27": "Förhållningsregler enligt smittskyddslagen på grund av smitta",
  "1": "Intyget är baserat på",
  "1.3": "Ange vad annat är",
  "28": "I relation till vilken sysselsättning bedömer du arbetsförmågan?",
  "29": "Ange yrke och arbetsuppgifter",
  "6": "Diagnos/diagnoser för sjukdom som orsakar nedsatt arbetsförmåga",
  "35": "Funktionsnedsättning",
  "17": "Aktivitetsbegränsning",
  "19": "Pågående och planerade medicinska behandlingar/åtgärder som kan påverka arbetsförmågan",
  "32": "Min bedömning av patientens nedsättning av arbetsförmågan",
  "33": "Kommer möjligheterna till återgång i arbete försämras om arbetstiden förläggs ojämnt vid deltidssjukskrivning?",
  "33.2": "Beskriv de medicinska skälen till att möjligheterna till återgång i arbete försämras",
  "34": "Transport till och från arbetsplatsen",
  "37": "Patientens arbetsförmåga bedöms nedsatt längre tid än den som Socialstyrelsens försäkringsmedicinska beslutsstöd anger, därför att",
  "39": "Prognos för arbetsförmåga utifrån aktuellt undersökningstillfälle",
  "39.2": "Beskriv vad som ligger till grund för bedömningen",
  "39.4": "Ange antal månader",
  "44": "Åtgärder som kan främja återgången i arbete",
  "25": "Övriga upplysningar",
  "26": "Kontakt med Försäkringskassan",
  "26.2": "Ange gärna varför du vill ha kontakt",
  enhet: "Vårdenhetens kontaktuppgifter",
};

/** The answer texts of the yes/no questions 27, 34 and 26 (a ticked box). */
export const checkboxLabels = {
  "27": "Förhållningsregler enligt smittskyddslagen på grund av smitta",
  "34": "Patienten skulle kunna arbeta helt eller delvis vid hjälp med transport till och från arbetsplatsen",
  "26": "Jag önskar att Försäkringskassan kontaktar mig",
} as const;

export const grundLabels: Record<GrundType, string> = {
  FYSISK_UNDERSOKNING: "Min undersökning vid fysiskt vårdmöte",
  DIGITAL_UNDERSOKNING: "Min undersökning vid digitalt vårdmöte",
  TELEFONKONTAKT: "Min telefonkontakt med patienten",
  JOURNALUPPGIFTER: "Journaluppgifter från den",
  ANNAT: "Annat",
};

export const sysselsattningLabels: Record<SysselsattningType, string> = {
  NUVARANDE_ARBETE: "Nuvarande arbete",
  ARBETSSOKANDE: "Arbetssökande - att utföra sådant arbete som är normalt förekommande på arbetsmarknaden",
  FORALDRALEDIG: "Föräldraledighet",
  STUDIER: "Studier",
};

export const prognosLabels: Record<PrognosType, string> = {
  STOR_SANNOLIKHET:
    "Patienten förväntas kunna återgå helt i nuvarande sysselsättning efter detta intygs slutdatum",
  ATER_X_ANTAL_MANADER: "Patienten förväntas kunna återgå helt i nuvarande sysselsättning efter angiven tid",
  SANNOLIKT_INTE: "Patienten förväntas inte kunna återgå helt i nuvarande sysselsättning",
  PROGNOS_OKLAR: "Prognosen för återgång i nuvarande sysselsättning är svårbedömd",
};
