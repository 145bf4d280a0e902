-- CreateTable
CREATE TABLE "bulk_export_job" (
    "id" UUID NOT NULL,
    "owner" TEXT NOT NULL,
    "scope" JSONB NOT NULL,
    "level" TEXT NOT NULL,
    "group_id" TEXT,
    "types" TEXT[],
    "since" TIMESTAMPTZ(3),
    "request_url" TEXT NOT NULL,
    "transaction_time" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL,
    "done_types" INTEGER NOT NULL DEFAULT 0,
    "total_types" INTEGER NOT NULL,
    "output" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "heartbeat_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bulk_export_job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "bulk_export_job_status_idx" ON "bulk_export_job"("status");
