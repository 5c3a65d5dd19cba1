CREATE TYPE "public"."questionnaire_request_state" AS ENUM('pending', 'completed', 'cancelled');--> statement-breakpoint
CREATE TABLE "check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"session_on" date NOT NULL,
	"pain" integer NOT NULL,
	"stiffness" integer NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_ins_patient_idempotency_key_unique" UNIQUE("patient_id","idempotency_key"),
	CONSTRAINT "check_ins_patient_session_on_unique" UNIQUE("patient_id","session_on"),
	CONSTRAINT "check_ins_pain_range" CHECK ("check_ins"."pain" BETWEEN 0 AND 10),
	CONSTRAINT "check_ins_stiffness_range" CHECK ("check_ins"."stiffness" BETWEEN 0 AND 10)
);
--> statement-breakpoint
CREATE TABLE "lesson_progress" (
	"patient_id" uuid NOT NULL,
	"lesson_id" text NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lesson_progress_patient_id_lesson_id_pk" PRIMARY KEY("patient_id","lesson_id")
);
--> statement-breakpoint
CREATE TABLE "push_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"endpoint" text NOT NULL,
	"p256dh" text NOT NULL,
	"auth" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "push_subscriptions_endpoint_unique" UNIQUE("endpoint")
);
--> statement-breakpoint
CREATE TABLE "questionnaire_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"instruments" jsonb NOT NULL,
	"message" text,
	"due_on" date NOT NULL,
	"state" "questionnaire_request_state" DEFAULT 'pending' NOT NULL,
	"requested_by" uuid NOT NULL,
	"answers" jsonb,
	"completed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "questionnaire_requests_completed_matches_state" CHECK (("questionnaire_requests"."state" = 'completed') = ("questionnaire_requests"."completed_at" IS NOT NULL AND "questionnaire_requests"."answers" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "reminder_deliveries" (
	"patient_id" uuid NOT NULL,
	"day" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_deliveries_patient_id_day_pk" PRIMARY KEY("patient_id","day")
);
--> statement-breakpoint
CREATE TABLE "server_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "history" jsonb;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "consent_accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "consent_version" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "reminder_times" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "calendar_token_hash" text;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_progress" ADD CONSTRAINT "lesson_progress_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_requests" ADD CONSTRAINT "questionnaire_requests_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_requests" ADD CONSTRAINT "questionnaire_requests_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_requests" ADD CONSTRAINT "questionnaire_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "push_subscriptions_patient_id_idx" ON "push_subscriptions" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "questionnaire_requests_patient_state_idx" ON "questionnaire_requests" USING btree ("patient_id","state");--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_calendar_token_hash_unique" UNIQUE("calendar_token_hash");