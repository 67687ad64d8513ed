-- An aktualisering decision keeps its case when an earlier certificate moves the case start: it is
-- linked to a certificate of the case (src/cases/case-link.ts). Null for decisions recorded before.
ALTER TABLE "aktualisering_decision" ADD COLUMN "case_certificate_id" uuid;
--> statement-breakpoint
ALTER TABLE "aktualisering_decision" ADD CONSTRAINT "aktualisering_decision_case_certificate_id_fk" FOREIGN KEY ("case_certificate_id") REFERENCES "public"."certificate"("id") ON DELETE no action ON UPDATE no action;
