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
