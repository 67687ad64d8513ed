/** Swedish labels of the FK 7804 questions and answer options, for messages and the UI. */
import type { GrundType, PrognosType, SysselsattningType } from "./draft.ts";

/** FK question id → the question's Swedish label. */
export const fieldLabels: Record<string, string> = {
  "27": "Smittbärarpenning",
  "1": "Intyget är baserat på",
  "1.3": "Ange vad annat är",
  "28": "Sysselsättning",
  "29": "Yrke och arbetsuppgifter",
  "6": "Diagnos",
  "35": "Funktionsnedsättning",
  "17": "Aktivitetsbegränsning",
  "19": "Medicinsk behandling",
  "32": "Nedsättning av arbetsförmågan",
  "33": "Arbetstidsförläggning",
  "33.2": "Medicinska skäl till arbetstidsförläggning",
  "34": "Resor till och från arbetet med ett annat färdsätt",
  "37": "Motivering till varför sjukskrivningen är längre än FMB rekommenderar",
  "39": "Prognos",
  "39.2": "Grund för bedömningen att prognosen är oklar",
  "39.4": "Antal månader",
  "44": "Åtgärder som kan främja återgången i arbete",
  "25": "Övriga upplysningar",
  "26": "Kontakt med Försäkringskassan",
  "26.2": "Anledning till kontakt med Försäkringskassan",
  enhet: "Vårdenhetens kontaktuppgifter",
};

export const grundLabels: Record<GrundType, string> = {
  FYSISK_UNDERSOKNING: "Min undersökning vid fysiskt vårdmöte",
  DIGITAL_UNDERSOKNING: "Min undersökning vid digitalt vårdmöte (video)",
  TELEFONKONTAKT: "Min telefonkontakt med patienten",
  JOURNALUPPGIFTER: "Journaluppgifter",
  ANNAT: "Annat",
};

export const sysselsattningLabels: Record<SysselsattningType, string> = {
  NUVARANDE_ARBETE: "Nuvarande arbete",
  ARBETSSOKANDE: "Arbetssökande",
  FORALDRALEDIG: "Föräldraledighet för vård av barn",
  STUDIER: "Studier",
};

export const prognosLabels: Record<PrognosType, string> = {
  STOR_SANNOLIKHET:
    "Patienten förväntas kunna återgå helt i nuvarande sysselsättning efter denna sjukskrivning",
  ATER_X_ANTAL_MANADER:
    "Patienten förväntas kunna återgå helt i nuvarande sysselsättning inom ett visst antal månader",
  SANNOLIKT_INTE: "Patienten förväntas inte kunna återgå helt i nuvarande sysselsättning inom 12 månader",
  PROGNOS_OKLAR: "Prognosen för återgång i nuvarande sysselsättning är oklar",
};
