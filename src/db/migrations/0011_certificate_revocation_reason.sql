ALTER TABLE "certificate" ADD COLUMN "revoked_reason_code" text;--> statement-breakpoint
ALTER TABLE "certificate" ADD COLUMN "revoked_reason_text" text;
