import type { Actor } from "../access/actor.ts";
import type { CertificateChecker } from "../certificates/service.ts";
import type { OutboxWorker } from "../outbox/worker.ts";
import type { AuditSealer } from "../audit/sealer-service.ts";
import type { Database } from "../db/client.ts";
import type { Config } from "./config.ts";
import type { Logger } from "./logger.ts";
import type { Fmb } from "../reference/fmb/fmb.ts";
import type { Icd10 } from "../reference/icd10/icd10.ts";

/** What every request handler can reach. Built once at start, passed down explicitly. */
export interface AppDeps {
  database: Database;
  config: Config;
  logger: Logger;
  /** Clock: tests set it; everything else asks here, never `new Date()` directly. */
  now: () => Date;
  /** The certificate rules with their context (history, reference data). */
  certificateChecker: CertificateChecker;
  /** Reference data (ICD-10-SE, FMB), loaded once. */
  reference: ReferenceData;
  /** Delivers queued messages; absent in tests that deliver by hand. */
  outbox?: OutboxWorker;
  /** Seals audit events; /api/health reports its window. Absent in tests that seal by hand. */
  auditSealer?: Pick<AuditSealer, "status">;
}

export interface ReferenceData {
  diagnosisTitle(code: string): string | null;
  /** ICD-10-SE lookup and typeahead. */
  icd10: Icd10;
  /** Försäkringsmedicinskt beslutsstöd: limits and guidance per diagnosis. */
  fmb: Fmb;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    actor: Actor | null;
  };
}
