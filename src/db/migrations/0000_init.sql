CREATE TABLE "app_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "app_user" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"hsa_id" text,
	"password_hash" text,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assignment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"unit_id" text NOT NULL,
	"role" text NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_chain_head" (
	"chain" text PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" "bytea" NOT NULL,
	"count" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_event" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"assignment_id" uuid,
	"role" text,
	"unit_id" text,
	"patient_id" uuid,
	"action" text NOT NULL,
	"purpose" text NOT NULL,
	"entity" text,
	"entity_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"chain" text DEFAULT '-' NOT NULL,
	"chain_pos" bigint DEFAULT 0 NOT NULL,
	"prev_hash" "bytea",
	"hash" "bytea"
);
--> statement-breakpoint
CREATE TABLE "care_provider" (
	"id" text PRIMARY KEY NOT NULL,
	"region_id" text NOT NULL,
	"name" text NOT NULL,
	"hsa_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"patient_id" uuid NOT NULL,
	"doctor_id" uuid,
	"type" text DEFAULT 'FK7804' NOT NULL,
	"status" text DEFAULT 'UTKAST' NOT NULL,
	"renews_id" uuid,
	"replaces_id" uuid,
	"completes_id" uuid,
	"smittbararpenning" boolean DEFAULT false NOT NULL,
	"main_diagnosis" text,
	"start_date" date,
	"end_date" date,
	"content" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source" text DEFAULT 'SAMSYN' NOT NULL,
	"external_id" text,
	"created_by" uuid,
	"signed_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fk_arende" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"patient_id" uuid NOT NULL,
	"certificate_id" uuid,
	"type" text NOT NULL,
	"received_date" date NOT NULL,
	"last_answer_date" date,
	"question_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"answered_at" timestamp with time zone,
	"answer_kind" text,
	"answer_text" text,
	"answer_certificate_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "login_throttle_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "patient" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"personnummer" text NOT NULL,
	"samordningsnummer" boolean DEFAULT false NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"protected_identity" boolean DEFAULT false NOT NULL,
	"listing_unit_id" text,
	"first_day_certificate_until" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "region" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"active_unit_id" text,
	"csrf_token" text NOT NULL,
	"auth_method" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit" (
	"id" text PRIMARY KEY NOT NULL,
	"care_provider_id" text NOT NULL,
	"name" text NOT NULL,
	"hsa_id" text,
	"postal_address" text DEFAULT '' NOT NULL,
	"postal_code" text DEFAULT '' NOT NULL,
	"town" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_provider" ADD CONSTRAINT "care_provider_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_doctor_id_app_user_id_fk" FOREIGN KEY ("doctor_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fk_arende" ADD CONSTRAINT "fk_arende_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fk_arende" ADD CONSTRAINT "fk_arende_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fk_arende" ADD CONSTRAINT "fk_arende_certificate_id_certificate_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fk_arende" ADD CONSTRAINT "fk_arende_answer_certificate_id_certificate_id_fk" FOREIGN KEY ("answer_certificate_id") REFERENCES "public"."certificate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient" ADD CONSTRAINT "patient_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient" ADD CONSTRAINT "patient_listing_unit_id_unit_id_fk" FOREIGN KEY ("listing_unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_active_unit_id_unit_id_fk" FOREIGN KEY ("active_unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit" ADD CONSTRAINT "unit_care_provider_id_care_provider_id_fk" FOREIGN KEY ("care_provider_id") REFERENCES "public"."care_provider"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user" USING btree ("username");--> statement-breakpoint
CREATE UNIQUE INDEX "app_user_hsa_id_key" ON "app_user" USING btree ("hsa_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assignment_user_unit_role_key" ON "assignment" USING btree ("user_id","unit_id","role");--> statement-breakpoint
CREATE INDEX "audit_event_unit_patient_idx" ON "audit_event" USING btree ("unit_id","patient_id","at");--> statement-breakpoint
CREATE INDEX "audit_event_chain_idx" ON "audit_event" USING btree ("chain","seq");--> statement-breakpoint
CREATE INDEX "certificate_unit_end_idx" ON "certificate" USING btree ("unit_id","end_date");--> statement-breakpoint
CREATE INDEX "certificate_unit_patient_idx" ON "certificate" USING btree ("unit_id","patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "certificate_unit_external_key" ON "certificate" USING btree ("unit_id","external_id");--> statement-breakpoint
CREATE INDEX "fk_arende_unit_patient_idx" ON "fk_arende" USING btree ("unit_id","patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "patient_unit_pnr_key" ON "patient" USING btree ("unit_id","personnummer");--> statement-breakpoint
CREATE INDEX "patient_unit_name_idx" ON "patient" USING btree ("unit_id","family_name","given_name");--> statement-breakpoint
CREATE INDEX "session_user_idx" ON "session" USING btree ("user_id");