CREATE TABLE "fk_arende_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"arende_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"event" text NOT NULL,
	"note" text,
	"certificate_id" uuid
);
--> statement-breakpoint
ALTER TABLE "fk_arende_event" ADD CONSTRAINT "fk_arende_event_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fk_arende_event" ADD CONSTRAINT "fk_arende_event_arende_id_fk_arende_id_fk" FOREIGN KEY ("arende_id") REFERENCES "public"."fk_arende"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fk_arende_event" ADD CONSTRAINT "fk_arende_event_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fk_arende_event" ADD CONSTRAINT "fk_arende_event_certificate_id_certificate_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fk_arende_event_arende_idx" ON "fk_arende_event" USING btree ("unit_id","arende_id","at");