-- Rutiner och lathund (issue #11 item 1): a routine library per unit, regional routines (unit_id
-- null) that units adopt, versioned Markdown texts and "läst och förstått" per user and version.
-- Staff routines, not patient data.
CREATE TABLE "routine" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" text NOT NULL,
	"unit_id" text,
	"topic" text NOT NULL,
	"title" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"review_date" date NOT NULL,
	"roles" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"text_version" integer DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routine_text" (
	"routine_id" uuid NOT NULL,
	"text_version" integer NOT NULL,
	"body" text NOT NULL,
	"saved_by" uuid NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "routine_text_pk" PRIMARY KEY("routine_id","text_version")
);
--> statement-breakpoint
CREATE TABLE "routine_adoption" (
	"unit_id" text NOT NULL,
	"routine_id" uuid NOT NULL,
	"adopted_by" uuid NOT NULL,
	"adopted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "routine_adoption_pk" PRIMARY KEY("unit_id","routine_id")
);
--> statement-breakpoint
CREATE TABLE "routine_confirmation" (
	"routine_id" uuid NOT NULL,
	"text_version" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"unit_id" text NOT NULL,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "routine_confirmation_pk" PRIMARY KEY("routine_id","text_version","user_id")
);
--> statement-breakpoint
ALTER TABLE "routine" ADD CONSTRAINT "routine_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "routine" ADD CONSTRAINT "routine_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "routine" ADD CONSTRAINT "routine_owner_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "routine" ADD CONSTRAINT "routine_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "routine_text" ADD CONSTRAINT "routine_text_routine_id_fk" FOREIGN KEY ("routine_id") REFERENCES "public"."routine"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "routine_text" ADD CONSTRAINT "routine_text_saved_by_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "routine_adoption" ADD CONSTRAINT "routine_adoption_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "routine_adoption" ADD CONSTRAINT "routine_adoption_routine_id_fk" FOREIGN KEY ("routine_id") REFERENCES "public"."routine"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "routine_adoption" ADD CONSTRAINT "routine_adoption_adopted_by_fk" FOREIGN KEY ("adopted_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "routine_confirmation" ADD CONSTRAINT "routine_confirmation_routine_id_fk" FOREIGN KEY ("routine_id") REFERENCES "public"."routine"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "routine_confirmation" ADD CONSTRAINT "routine_confirmation_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "routine_confirmation" ADD CONSTRAINT "routine_confirmation_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "routine_unit_idx" ON "routine" USING btree ("region_id","unit_id");
