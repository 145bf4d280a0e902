-- CreateEnum
CREATE TYPE "Role" AS ENUM ('member', 'care_manager', 'admin');

-- CreateTable
CREATE TABLE "resource" (
    "resource_type" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "version_id" INTEGER NOT NULL,
    "last_updated" TIMESTAMPTZ(3) NOT NULL,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "content_hash" TEXT NOT NULL,

    CONSTRAINT "resource_pkey" PRIMARY KEY ("resource_type","id")
);

-- CreateTable
CREATE TABLE "resource_version" (
    "resource_type" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "version_id" INTEGER NOT NULL,
    "last_updated" TIMESTAMPTZ(3) NOT NULL,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "content" JSONB,

    CONSTRAINT "resource_version_pkey" PRIMARY KEY ("resource_type","id","version_id")
);

-- CreateTable
CREATE TABLE "resource_compartment" (
    "compartment_type" TEXT NOT NULL,
    "compartment_id" TEXT NOT NULL,
    "resource_type" TEXT NOT NULL,
    "resource_id" TEXT NOT NULL,

    CONSTRAINT "resource_compartment_pkey" PRIMARY KEY ("compartment_type","compartment_id","resource_type","resource_id")
);

-- CreateTable
CREATE TABLE "search_token" (
    "resource_type" TEXT NOT NULL,
    "resource_id" TEXT NOT NULL,
    "param" TEXT NOT NULL,
    "system" TEXT NOT NULL,
    "code" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "search_string" (
    "resource_type" TEXT NOT NULL,
    "resource_id" TEXT NOT NULL,
    "param" TEXT NOT NULL,
    "value" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "search_date" (
    "resource_type" TEXT NOT NULL,
    "resource_id" TEXT NOT NULL,
    "param" TEXT NOT NULL,
    "start" TIMESTAMPTZ(3) NOT NULL,
    "end" TIMESTAMPTZ(3) NOT NULL
);

-- CreateTable
CREATE TABLE "search_reference" (
    "resource_type" TEXT NOT NULL,
    "resource_id" TEXT NOT NULL,
    "param" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "url" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "search_number" (
    "resource_type" TEXT NOT NULL,
    "resource_id" TEXT NOT NULL,
    "param" TEXT NOT NULL,
    "value" DECIMAL NOT NULL
);

-- CreateTable
CREATE TABLE "search_quantity" (
    "resource_type" TEXT NOT NULL,
    "resource_id" TEXT NOT NULL,
    "param" TEXT NOT NULL,
    "value" DECIMAL NOT NULL,
    "system" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "unit" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "search_uri" (
    "resource_type" TEXT NOT NULL,
    "resource_id" TEXT NOT NULL,
    "param" TEXT NOT NULL,
    "value" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "patient_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sessions_valid_after" TIMESTAMPTZ(3),

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "care_panel_member" (
    "care_manager_id" UUID NOT NULL,
    "patient_id" TEXT NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "care_panel_member_pkey" PRIMARY KEY ("care_manager_id","patient_id")
);

-- CreateTable
CREATE TABLE "imported_file" (
    "content_hash" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "resources" INTEGER NOT NULL,
    "rejected" INTEGER NOT NULL,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "imported_file_pkey" PRIMARY KEY ("content_hash")
);

-- CreateIndex
CREATE INDEX "resource_last_updated_idx" ON "resource"("last_updated");

-- CreateIndex
CREATE INDEX "resource_version_last_updated_idx" ON "resource_version"("last_updated");

-- CreateIndex
CREATE INDEX "resource_compartment_resource_type_resource_id_idx" ON "resource_compartment"("resource_type", "resource_id");

-- CreateIndex
CREATE INDEX "search_token_resource_type_param_code_system_idx" ON "search_token"("resource_type", "param", "code", "system");

-- CreateIndex
CREATE INDEX "search_token_resource_id_idx" ON "search_token"("resource_id");

-- CreateIndex
CREATE INDEX "search_string_resource_type_param_value_idx" ON "search_string"("resource_type", "param", "value");

-- CreateIndex
CREATE INDEX "search_string_resource_id_idx" ON "search_string"("resource_id");

-- CreateIndex
CREATE INDEX "search_date_resource_type_param_start_end_idx" ON "search_date"("resource_type", "param", "start", "end");

-- CreateIndex
CREATE INDEX "search_date_resource_id_idx" ON "search_date"("resource_id");

-- CreateIndex
CREATE INDEX "search_reference_target_type_target_id_param_idx" ON "search_reference"("target_type", "target_id", "param");

-- CreateIndex
CREATE INDEX "search_reference_resource_id_idx" ON "search_reference"("resource_id");

-- CreateIndex
CREATE INDEX "search_number_resource_type_param_value_idx" ON "search_number"("resource_type", "param", "value");

-- CreateIndex
CREATE INDEX "search_number_resource_id_idx" ON "search_number"("resource_id");

-- CreateIndex
CREATE INDEX "search_quantity_resource_type_param_code_value_idx" ON "search_quantity"("resource_type", "param", "code", "value");

-- CreateIndex
CREATE INDEX "search_quantity_resource_id_idx" ON "search_quantity"("resource_id");

-- CreateIndex
CREATE INDEX "search_uri_resource_type_param_value_idx" ON "search_uri"("resource_type", "param", "value");

-- CreateIndex
CREATE INDEX "search_uri_resource_id_idx" ON "search_uri"("resource_id");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "app_user_patient_id_idx" ON "app_user"("patient_id");

-- CreateIndex
CREATE INDEX "care_panel_member_patient_id_idx" ON "care_panel_member"("patient_id");

-- AddForeignKey
ALTER TABLE "care_panel_member" ADD CONSTRAINT "care_panel_member_care_manager_id_fkey" FOREIGN KEY ("care_manager_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
