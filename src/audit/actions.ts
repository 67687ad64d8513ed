/** What can be done to patient data, as recorded in the audit log (PRODUCT §8). */
export const auditActions = {
  READ_LIST: "Läst i lista",
  READ: "Läst",
  CREATE: "Skapat",
  UPDATE: "Ändrat",
  SIGN: "Signerat",
  SEND: "Skickat",
  PRINT: "Utskrift",
  EXPORT: "Export",
  REVOKE: "Makulerat",
  EMERGENCY: "Nödåtkomst",
  LOG_REVIEW: "Loggranskning",
  STATISTICS: "Statistik",
  ADMIN: "Administration",
  LOGIN: "Inloggning",
  LOGOUT: "Utloggning",
  LOGIN_FAILED: "Misslyckad inloggning",
} as const;

export type AuditAction = keyof typeof auditActions;
