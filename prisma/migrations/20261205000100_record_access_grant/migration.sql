-- CreateTable
CREATE TABLE "record_access_grant" (
    "id" UUID NOT NULL,
    "grantor_patient_id" TEXT NOT NULL,
    "grantee_patient_id" TEXT NOT NULL,
    "granted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "record_access_grant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "record_access_grant_grantor_patient_id_grantee_patient_id_idx" ON "record_access_grant"("grantor_patient_id", "grantee_patient_id");

-- CreateIndex
CREATE INDEX "record_access_grant_grantee_patient_id_idx" ON "record_access_grant"("grantee_patient_id");
