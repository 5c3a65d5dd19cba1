CREATE TYPE "public"."alert_severity" AS ENUM('emergency', 'urgent', 'warning', 'info');--> statement-breakpoint
CREATE TYPE "public"."alert_state" AS ENUM('open', 'acknowledged', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."alert_type" AS ENUM('redFlagSymptom', 'painFlare', 'nonAdherence', 'peripheralisation', 'regressSuggested', 'stopAndScreen', 'reassessmentDue');--> statement-breakpoint
CREATE TYPE "public"."assessment_kind" AS ENUM('baseline', 'reassessment');--> statement-breakpoint
CREATE TYPE "public"."episode_status" AS ENUM('active', 'discharged');--> statement-breakpoint
CREATE TYPE "public"."programme_status" AS ENUM('generated', 'edited', 'approved', 'active', 'completed', 'archived');--> statement-breakpoint
CREATE TYPE "public"."progression_decision_kind" AS ENUM('progress', 'hold', 'regress', 'stopAndScreen');--> statement-breakpoint
CREATE TYPE "public"."progression_decision_state" AS ENUM('suggested', 'accepted', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."region" AS ENUM('lumbar', 'cervical');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'clinician', 'patient');--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"clinic_id" uuid NOT NULL,
	"type" "alert_type" NOT NULL,
	"severity" "alert_severity" NOT NULL,
	"state" "alert_state" DEFAULT 'open' NOT NULL,
	"message" text NOT NULL,
	"source" jsonb,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alerts_acknowledged_at_set" CHECK ("alerts"."state" <> 'acknowledged' OR "alerts"."acknowledged_at" IS NOT NULL),
	CONSTRAINT "alerts_resolved_at_matches_state" CHECK (("alerts"."state" = 'resolved') = ("alerts"."resolved_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"kind" "assessment_kind" NOT NULL,
	"assessed_at" timestamp with time zone NOT NULL,
	"questionnaires" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"red_flag_findings" jsonb NOT NULL,
	"red_flag_screen" jsonb NOT NULL,
	"examination" jsonb,
	"classification" jsonb,
	"flag_decision" jsonb,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" uuid,
	"clinic_id" uuid,
	"patient_id" uuid,
	"action" text NOT NULL,
	"resource" text NOT NULL,
	"resource_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text,
	"user_agent" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "clinical_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"visit_on" date NOT NULL,
	"subjective" text DEFAULT '' NOT NULL,
	"objective" text DEFAULT '' NOT NULL,
	"assessment" text DEFAULT '' NOT NULL,
	"plan" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clinics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "episodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"region" "region" NOT NULL,
	"condition" text NOT NULL,
	"started_on" date NOT NULL,
	"status" "episode_status" DEFAULT 'active' NOT NULL,
	"discharged_on" date,
	"discharge_summary" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "episodes_discharge_matches_status" CHECK (("episodes"."status" = 'discharged') = ("episodes"."discharged_on" IS NOT NULL)),
	CONSTRAINT "episodes_discharged_after_start" CHECK ("episodes"."discharged_on" IS NULL OR "episodes"."discharged_on" >= "episodes"."started_on")
);
--> statement-breakpoint
CREATE TABLE "instrument_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"instrument" text NOT NULL,
	"questionnaire" jsonb NOT NULL,
	"imported" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instrument_imports_clinic_instrument_unique" UNIQUE("clinic_id","instrument")
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_code_hash_unique" UNIQUE("code_hash")
);
--> statement-breakpoint
CREATE TABLE "passive_treatments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"note_id" uuid NOT NULL,
	"modality" text NOT NULL,
	"details" text,
	"not_offered_id" text,
	"guideline_note" text,
	"clinician_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "passive_treatments_not_offered_needs_reason" CHECK ("passive_treatments"."not_offered_id" IS NULL OR ("passive_treatments"."clinician_reason" IS NOT NULL AND btrim("passive_treatments"."clinician_reason") <> '')),
	CONSTRAINT "passive_treatments_not_offered_needs_note" CHECK ("passive_treatments"."not_offered_id" IS NULL OR "passive_treatments"."guideline_note" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "patients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"user_id" uuid,
	"clinician_id" uuid NOT NULL,
	"display_name" text NOT NULL,
	"date_of_birth" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patients_user_id_unique" UNIQUE("user_id")
);
--> statement-breakpoint
CREATE TABLE "programme_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" "programme_status" NOT NULL,
	"content" jsonb NOT NULL,
	"edited_by" uuid,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"change_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_versions_programme_version_unique" UNIQUE("programme_id","version"),
	CONSTRAINT "programme_versions_version_positive" CHECK ("programme_versions"."version" >= 1),
	CONSTRAINT "programme_versions_approval_complete" CHECK (("programme_versions"."approved_by" IS NULL) = ("programme_versions"."approved_at" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"status" "programme_status" DEFAULT 'generated' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programmes_current_version_positive" CHECK ("programmes"."current_version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "progression_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"decided_for" date NOT NULL,
	"exercise_id" text NOT NULL,
	"decision" "progression_decision_kind" NOT NULL,
	"suggestion" jsonb NOT NULL,
	"state" "progression_decision_state" DEFAULT 'suggested' NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progression_decisions_programme_day_exercise_unique" UNIQUE("programme_id","decided_for","exercise_id"),
	CONSTRAINT "progression_decisions_review_matches_state" CHECK (("progression_decisions"."state" = 'suggested' AND "progression_decisions"."reviewed_by" IS NULL AND "progression_decisions"."reviewed_at" IS NULL)
        OR ("progression_decisions"."state" <> 'suggested' AND "progression_decisions"."reviewed_by" IS NOT NULL AND "progression_decisions"."reviewed_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "session_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"programme_version" integer NOT NULL,
	"exercise_id" text NOT NULL,
	"performed_on" date NOT NULL,
	"log" jsonb NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_logs_patient_idempotency_key_unique" UNIQUE("patient_id","idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"role" "user_role" NOT NULL,
	"email" text,
	"display_name" text NOT NULL,
	"password_hash" text,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_lower_case" CHECK ("users"."email" = lower("users"."email")),
	CONSTRAINT "users_staff_email" CHECK ("users"."role" = 'patient' OR "users"."email" IS NOT NULL),
	CONSTRAINT "users_failed_logins_not_negative" CHECK ("users"."failed_logins" >= 0)
);
--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical_notes" ADD CONSTRAINT "clinical_notes_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical_notes" ADD CONSTRAINT "clinical_notes_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical_notes" ADD CONSTRAINT "clinical_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_imports" ADD CONSTRAINT "instrument_imports_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_imports" ADD CONSTRAINT "instrument_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passive_treatments" ADD CONSTRAINT "passive_treatments_note_id_clinical_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."clinical_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_clinician_id_users_id_fk" FOREIGN KEY ("clinician_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_versions" ADD CONSTRAINT "programme_versions_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_versions" ADD CONSTRAINT "programme_versions_edited_by_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_versions" ADD CONSTRAINT "programme_versions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_decisions" ADD CONSTRAINT "progression_decisions_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_decisions" ADD CONSTRAINT "progression_decisions_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_logs" ADD CONSTRAINT "session_logs_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_logs" ADD CONSTRAINT "session_logs_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_logs" ADD CONSTRAINT "session_logs_programme_version_fk" FOREIGN KEY ("programme_id","programme_version") REFERENCES "public"."programme_versions"("programme_id","version") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alerts_clinic_state_severity_idx" ON "alerts" USING btree ("clinic_id","state","severity");--> statement-breakpoint
CREATE INDEX "alerts_patient_state_idx" ON "alerts" USING btree ("patient_id","state");--> statement-breakpoint
CREATE INDEX "assessments_episode_assessed_idx" ON "assessments" USING btree ("episode_id","assessed_at");--> statement-breakpoint
CREATE INDEX "audit_log_patient_at_idx" ON "audit_log" USING btree ("patient_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_clinic_at_idx" ON "audit_log" USING btree ("clinic_id","at");--> statement-breakpoint
CREATE INDEX "clinical_notes_patient_visit_idx" ON "clinical_notes" USING btree ("patient_id","visit_on");--> statement-breakpoint
CREATE INDEX "clinical_notes_episode_id_idx" ON "clinical_notes" USING btree ("episode_id");--> statement-breakpoint
CREATE INDEX "episodes_patient_id_idx" ON "episodes" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "invitations_patient_id_idx" ON "invitations" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "passive_treatments_note_id_idx" ON "passive_treatments" USING btree ("note_id");--> statement-breakpoint
CREATE INDEX "patients_caseload_idx" ON "patients" USING btree ("clinic_id","clinician_id");--> statement-breakpoint
CREATE INDEX "programmes_episode_id_idx" ON "programmes" USING btree ("episode_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programmes_one_active_per_episode" ON "programmes" USING btree ("episode_id") WHERE "programmes"."status" = 'active';--> statement-breakpoint
CREATE INDEX "progression_decisions_programme_state_idx" ON "progression_decisions" USING btree ("programme_id","state");--> statement-breakpoint
CREATE INDEX "session_logs_patient_performed_idx" ON "session_logs" USING btree ("patient_id","performed_on");--> statement-breakpoint
CREATE INDEX "session_logs_programme_performed_idx" ON "session_logs" USING btree ("programme_id","performed_on");--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_at_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_clinic_email_unique" ON "users" USING btree ("clinic_id","email");