-- Underlag från andra professioner (issue #9 item 7): a doctor, the team or telephone triage asks a
-- fysioterapeut, psykolog, kurator or arbetsterapeut for an underlag about function and activity;
-- the structured answer closes the request. Patient data: carries the unit key.
CREATE TABLE "underlag_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"patient_id" uuid NOT NULL,
	"profession" text NOT NULL,
	"origin" text NOT NULL,
	"question" text NOT NULL,
	"wanted_by" date NOT NULL,
	"sick_leave_need" text DEFAULT '' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_date" date NOT NULL,
	"receiver_id" uuid,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"observations" text DEFAULT '' NOT NULL,
	"funktion" text DEFAULT '' NOT NULL,
	"aktivitet" text DEFAULT '' NOT NULL,
	"methods" text DEFAULT '' NOT NULL,
	"answered_by" uuid,
	"answered_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "underlag_request_profession_check" CHECK ("profession" IN ('FYSIOTERAPEUT', 'PSYKOLOG', 'KURATOR', 'ARBETSTERAPEUT')),
	CONSTRAINT "underlag_request_origin_check" CHECK ("origin" IN ('LAKARE', 'TEAM', 'TELEFONTRIAGE')),
	CONSTRAINT "underlag_request_status_check" CHECK ("status" IN ('OPEN', 'ANSWERED'))
);
--> statement-breakpoint
ALTER TABLE "underlag_request" ADD CONSTRAINT "underlag_request_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "underlag_request" ADD CONSTRAINT "underlag_request_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "underlag_request" ADD CONSTRAINT "underlag_request_requested_by_app_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "underlag_request" ADD CONSTRAINT "underlag_request_receiver_id_app_user_id_fk" FOREIGN KEY ("receiver_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "underlag_request" ADD CONSTRAINT "underlag_request_answered_by_app_user_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "underlag_request_unit_patient_idx" ON "underlag_request" USING btree ("unit_id","patient_id");
--> statement-breakpoint
CREATE INDEX "underlag_request_unit_queue_idx" ON "underlag_request" USING btree ("unit_id","profession","status","wanted_by");
