-- CreateEnum
CREATE TYPE "CheckoutStatus" AS ENUM ('REQUESTED', 'APPROVED', 'EMERGENCY', 'ACTIVE', 'RETURNED', 'EXPIRED', 'ROTATION_PENDING', 'ROTATED', 'REVIEWED', 'DENIED', 'CANCELLED', 'REQUEST_EXPIRED');

-- CreateTable
CREATE TABLE "Checkout" (
    "id" TEXT NOT NULL,
    "credentialId" TEXT NOT NULL,
    "status" "CheckoutStatus" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "requesterId" TEXT NOT NULL,
    "requesterName" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "isEmergency" BOOLEAN NOT NULL DEFAULT false,
    "isReviewRequired" BOOLEAN NOT NULL DEFAULT false,
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "requestExpiresAt" TIMESTAMP(3) NOT NULL,
    "approverId" TEXT,
    "approverName" TEXT,
    "approvedAt" TIMESTAMP(3),
    "approvalExpiresAt" TIMESTAMP(3),
    "revealedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "rotationAttempts" INTEGER NOT NULL DEFAULT 0,
    "nextRotationAt" TIMESTAMP(3),
    "rotationError" TEXT,
    "rotatedAt" TIMESTAMP(3),
    "reviewerId" TEXT,
    "reviewerName" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "note" TEXT,

    CONSTRAINT "Checkout_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckoutTransition" (
    "id" BIGSERIAL NOT NULL,
    "checkoutId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "fromStatus" "CheckoutStatus",
    "toStatus" "CheckoutStatus" NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "CheckoutTransition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BreakglassDrill" (
    "id" TEXT NOT NULL,
    "credentialId" TEXT NOT NULL,
    "ranAt" TIMESTAMP(3) NOT NULL,
    "isPassed" BOOLEAN NOT NULL,
    "problems" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "BreakglassDrill_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Checkout_credentialId_requestedAt_idx" ON "Checkout"("credentialId", "requestedAt");

-- CreateIndex
CREATE INDEX "Checkout_status_nextRotationAt_idx" ON "Checkout"("status", "nextRotationAt");

-- CreateIndex
CREATE INDEX "Checkout_status_expiresAt_idx" ON "Checkout"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "Checkout_requesterId_requestedAt_idx" ON "Checkout"("requesterId", "requestedAt");

-- CreateIndex
CREATE INDEX "CheckoutTransition_checkoutId_id_idx" ON "CheckoutTransition"("checkoutId", "id");

-- CreateIndex
CREATE INDEX "CheckoutTransition_at_idx" ON "CheckoutTransition"("at");

-- CreateIndex
CREATE INDEX "BreakglassDrill_credentialId_ranAt_idx" ON "BreakglassDrill"("credentialId", "ranAt");

-- CreateIndex
CREATE INDEX "BreakglassDrill_ranAt_idx" ON "BreakglassDrill"("ranAt");

-- AddForeignKey
ALTER TABLE "CheckoutTransition" ADD CONSTRAINT "CheckoutTransition_checkoutId_fkey" FOREIGN KEY ("checkoutId") REFERENCES "Checkout"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (Prisma cannot declare partial indexes): at most one live checkout per credential.
-- Live is every state from the request until the rotation (lib/breakglass/checkout-types.ts
-- LIVE_STATUSES), because until then the secret a holder saw still works in AWS. Concurrent
-- requests for one credential race on this index and all but one fail with a unique violation,
-- which lib/breakglass turns into a refusal naming the current holder.
CREATE UNIQUE INDEX "Checkout_live_credentialId_key" ON "Checkout"("credentialId") WHERE "status" IN ('REQUESTED', 'APPROVED', 'EMERGENCY', 'ACTIVE', 'RETURNED', 'EXPIRED', 'ROTATION_PENDING');
