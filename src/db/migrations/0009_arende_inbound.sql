-- Ärenden that arrive from Försäkringskassan carry FK's message id: the same message received
-- twice (a retried transport, a file uploaded again) creates one ärende.
ALTER TABLE "fk_arende" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "fk_arende" ADD CONSTRAINT "fk_arende_external_id_unique" UNIQUE("external_id");
