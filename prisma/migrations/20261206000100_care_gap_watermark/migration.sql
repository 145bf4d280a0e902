-- CreateTable
CREATE TABLE "care_gap_watermark" (
    "patient_id" TEXT NOT NULL,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "evaluated_through" TIMESTAMPTZ(3) NOT NULL,
    "measure_set" TEXT NOT NULL,

    CONSTRAINT "care_gap_watermark_pkey" PRIMARY KEY ("patient_id","period_start","period_end")
);

-- CreateIndex
CREATE INDEX "care_gap_watermark_period_idx" ON "care_gap_watermark"("period_start", "period_end", "evaluated_through");
