-- CreateEnum
CREATE TYPE "FindingStatus" AS ENUM ('OPEN', 'RESOLVED', 'REOPENED', 'SUPPRESSED');

-- CreateEnum
CREATE TYPE "FindingSeverity" AS ENUM ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO');

-- CreateEnum
CREATE TYPE "FindingEventType" AS ENUM ('OPENED', 'RESOLVED', 'REOPENED', 'EVIDENCE_CHANGED', 'SEVERITY_CHANGED', 'SUPPRESSED', 'SUPPRESSION_EXPIRED', 'UNSUPPRESSED');

-- CreateTable
CREATE TABLE "Finding" (
    "id" SERIAL NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "severity" "FindingSeverity" NOT NULL,
    "status" "FindingStatus" NOT NULL,
    "title" TEXT NOT NULL,
    "accountId" TEXT,
    "resourceArn" TEXT NOT NULL,
    "evidence" JSONB NOT NULL,
    "evidenceHash" TEXT NOT NULL,
    "remediation" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "firstSeenSnapshotId" INTEGER NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenSnapshotId" INTEGER NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "resolvedSnapshotId" INTEGER,
    "suppressedReason" TEXT,
    "suppressedBy" TEXT,
    "suppressedAt" TIMESTAMP(3),
    "suppressedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FindingEvent" (
    "id" BIGSERIAL NOT NULL,
    "findingId" INTEGER NOT NULL,
    "type" "FindingEventType" NOT NULL,
    "snapshotId" INTEGER,
    "actor" TEXT,
    "reason" TEXT,
    "details" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FindingEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FindingEvaluation" (
    "snapshotId" INTEGER NOT NULL,
    "asOf" TIMESTAMP(3) NOT NULL,
    "evaluatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "counts" JSONB NOT NULL,

    CONSTRAINT "FindingEvaluation_pkey" PRIMARY KEY ("snapshotId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Finding_fingerprint_key" ON "Finding"("fingerprint");

-- CreateIndex
CREATE INDEX "Finding_status_severity_idx" ON "Finding"("status", "severity");

-- CreateIndex
CREATE INDEX "Finding_rule_status_idx" ON "Finding"("rule", "status");

-- CreateIndex
CREATE INDEX "Finding_accountId_idx" ON "Finding"("accountId");

-- CreateIndex
CREATE INDEX "Finding_lastSeenAt_idx" ON "Finding"("lastSeenAt");

-- CreateIndex
CREATE INDEX "FindingEvent_findingId_at_idx" ON "FindingEvent"("findingId", "at");

-- AddForeignKey
ALTER TABLE "FindingEvent" ADD CONSTRAINT "FindingEvent_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;
