-- The chief's texts of the annual report (issue #10 item 5): one row per saved version, per unit
-- and report period (src/annual-report/periods.ts). Aggregates only: no patient data.
CREATE TABLE "annual_report_text" (
	"unit_id" text NOT NULL,
	"period" text NOT NULL,
	"version" integer NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"equality" text DEFAULT '' NOT NULL,
	"actions" text DEFAULT '' NOT NULL,
	"saved_by" uuid NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annual_report_text_pk" PRIMARY KEY("unit_id","period","version")
);
--> statement-breakpoint
ALTER TABLE "annual_report_text" ADD CONSTRAINT "annual_report_text_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "annual_report_text" ADD CONSTRAINT "annual_report_text_saved_by_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;
