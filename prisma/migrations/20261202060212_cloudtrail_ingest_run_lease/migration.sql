-- AlterTable
ALTER TABLE "CloudTrailIngestRun" ADD COLUMN     "leaseExpiresAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "CloudTrailIngestRun_status_leaseExpiresAt_idx" ON "CloudTrailIngestRun"("status", "leaseExpiresAt");
