-- Failed sign-ins per email and per client address. They were counted in each server process's
-- memory, so N processes allowed N times the limit; in this table every process shares one count.
-- key_hash is an HMAC-SHA-256 of the key under the server's secret, so attempted emails and
-- addresses are not stored, and cannot be tested against the table without the secret.
-- CreateTable
CREATE TABLE "sign_in_throttle" (
    "key_hash" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "failures" INTEGER NOT NULL,
    "locked_until" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sign_in_throttle_pkey" PRIMARY KEY ("key_hash")
);

-- CreateIndex
CREATE INDEX "sign_in_throttle_expires_at_idx" ON "sign_in_throttle"("expires_at");
