-- CreateTable
CREATE TABLE "TrustPolicyBaseline" (
    "id" SERIAL NOT NULL,
    "roleArn" TEXT NOT NULL,
    "document" JSONB NOT NULL,
    "snapshotId" INTEGER NOT NULL,
    "approvedById" TEXT NOT NULL,
    "approvedByName" TEXT NOT NULL,
    "approvedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrustPolicyBaseline_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TrustPolicyBaseline_roleArn_snapshotId_idx" ON "TrustPolicyBaseline"("roleArn", "snapshotId");

-- CreateIndex
CREATE INDEX "TrustPolicyBaseline_approvedById_idx" ON "TrustPolicyBaseline"("approvedById");
