-- Introduction for substitutes (issue #11 item 2): an assignment may be a vikarie's or a
-- hyrläkare's, who get a first-day checklist; the items they tick are kept per unit and user.
ALTER TABLE "assignment" ADD COLUMN "engagement" text;
--> statement-breakpoint
CREATE TABLE "introduction_tick" (
	"unit_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"item" text NOT NULL,
	"ticked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "introduction_tick_pk" PRIMARY KEY("unit_id","user_id","item")
);
--> statement-breakpoint
ALTER TABLE "introduction_tick" ADD CONSTRAINT "introduction_tick_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "introduction_tick" ADD CONSTRAINT "introduction_tick_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
-- Avvikelser (issue #11 item 3): deviations from the sick-leave process, optionally tied to a
-- patient (then patient data: unit-scoped, audited), with actions and the workflow's history.
CREATE TABLE "deviation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"category" text NOT NULL,
	"occurred_on" date NOT NULL,
	"reported_by" uuid NOT NULL,
	"patient_id" uuid,
	"certificate_id" uuid,
	"description" text NOT NULL,
	"status" text DEFAULT 'NY' NOT NULL,
	"investigation" text DEFAULT '' NOT NULL,
	"lex_maria" boolean DEFAULT false NOT NULL,
	"closed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deviation_action" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"deviation_id" uuid NOT NULL,
	"description" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"done_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deviation_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"deviation_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text NOT NULL,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "deviation" ADD CONSTRAINT "deviation_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "deviation" ADD CONSTRAINT "deviation_reported_by_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "deviation" ADD CONSTRAINT "deviation_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "deviation" ADD CONSTRAINT "deviation_certificate_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificate"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "deviation_action" ADD CONSTRAINT "deviation_action_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "deviation_action" ADD CONSTRAINT "deviation_action_deviation_id_fk" FOREIGN KEY ("deviation_id") REFERENCES "public"."deviation"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "deviation_action" ADD CONSTRAINT "deviation_action_owner_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "deviation_action" ADD CONSTRAINT "deviation_action_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "deviation_event" ADD CONSTRAINT "deviation_event_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "deviation_event" ADD CONSTRAINT "deviation_event_deviation_id_fk" FOREIGN KEY ("deviation_id") REFERENCES "public"."deviation"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "deviation_event" ADD CONSTRAINT "deviation_event_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "deviation_unit_occurred_idx" ON "deviation" USING btree ("unit_id","occurred_on");
--> statement-breakpoint
CREATE INDEX "deviation_action_deviation_idx" ON "deviation_action" USING btree ("unit_id","deviation_id");
--> statement-breakpoint
CREATE INDEX "deviation_event_deviation_idx" ON "deviation_event" USING btree ("unit_id","deviation_id","at");
