CREATE TABLE "rom_measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"movement" text NOT NULL,
	"degrees" double precision NOT NULL,
	"measured_at" timestamp with time zone NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rom_measurements_patient_idempotency_key_unique" UNIQUE("patient_id","idempotency_key"),
	CONSTRAINT "rom_measurements_degrees_range" CHECK ("rom_measurements"."degrees" BETWEEN -180 AND 180)
);
--> statement-breakpoint
ALTER TABLE "rom_measurements" ADD CONSTRAINT "rom_measurements_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rom_measurements_patient_measured_idx" ON "rom_measurements" USING btree ("patient_id","measured_at");