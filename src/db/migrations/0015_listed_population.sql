-- The listed population (listade patienter) per unit and month, by sex and age band: aggregate
-- figures imported from the region's listing system (src/population), the denominator of sjuktal.
-- Importing a month again replaces the unit's cells of that month.
CREATE TABLE "listed_population" (
  "unit_id" text NOT NULL,
  "month" text NOT NULL,
  "sex" text NOT NULL,
  "age_band" text NOT NULL,
  "count" integer NOT NULL,
  "imported_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "listed_population_pkey" PRIMARY KEY ("unit_id", "month", "sex", "age_band"),
  CONSTRAINT "listed_population_month_check" CHECK ("month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  CONSTRAINT "listed_population_sex_check" CHECK ("sex" IN ('F', 'M')),
  CONSTRAINT "listed_population_age_band_check" CHECK ("age_band" IN ('0-15', '16-19', '20-29', '30-39', '40-49', '50-59', '60-64', '65-69', '70+')),
  CONSTRAINT "listed_population_count_check" CHECK ("count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "listed_population" ADD CONSTRAINT "listed_population_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;
