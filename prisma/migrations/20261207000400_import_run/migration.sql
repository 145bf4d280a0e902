-- CreateTable
CREATE TABLE "import_run" (
    "id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "file_count" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "deleted" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "warnings" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "import_run_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "import_run_source_check" CHECK ("source" IN ('cli', 'api')),
    CONSTRAINT "import_run_status_check" CHECK ("status" IN ('running', 'finished', 'failed'))
);

-- CreateTable
CREATE TABLE "import_issue" (
    "run_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "file_path" TEXT NOT NULL,
    "line" INTEGER,
    "message_control_id" TEXT,
    "resource" TEXT,
    "location" TEXT,
    "severity" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "failed_message_hash" TEXT,

    CONSTRAINT "import_issue_pkey" PRIMARY KEY ("run_id", "position"),
    CONSTRAINT "import_issue_severity_check" CHECK ("severity" IN ('error', 'warning'))
);

-- CreateIndex
CREATE INDEX "import_run_started_at_idx" ON "import_run"("started_at");

-- AddForeignKey
ALTER TABLE "import_issue" ADD CONSTRAINT "import_issue_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "import_run"("id") ON DELETE CASCADE ON UPDATE CASCADE;
