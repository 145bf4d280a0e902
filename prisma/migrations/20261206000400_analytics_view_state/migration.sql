-- CreateTable
CREATE TABLE "analytics_view_state" (
    "view_name" TEXT NOT NULL,
    "schema_name" TEXT NOT NULL,
    "table_name" TEXT NOT NULL,
    "definition_hash" TEXT NOT NULL,
    "watermark" TIMESTAMPTZ(3),
    "row_count" INTEGER NOT NULL DEFAULT 0,
    "refreshed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "analytics_view_state_pkey" PRIMARY KEY ("view_name")
);
