-- CreateEnum
CREATE TYPE "ReviewCampaignStatus" AS ENUM ('OPEN', 'SIGNED_OFF');

-- CreateEnum
CREATE TYPE "ReviewChange" AS ENUM ('NEW', 'CHANGED', 'UNCHANGED', 'REMOVED');

-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('KEEP', 'REVOKE', 'NEEDS_INFO');

-- CreateEnum
CREATE TYPE "ReviewerSource" AS ENUM ('ACCOUNT_OWNER', 'GROUP_OWNER', 'DEFAULT', 'UNASSIGNED');

-- CreateEnum
CREATE TYPE "ReviewRevokeState" AS ENUM ('PENDING', 'DONE', 'NOT_DONE');

-- CreateTable
CREATE TABLE "ReviewCampaign" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "status" "ReviewCampaignStatus" NOT NULL DEFAULT 'OPEN',
    "snapshotId" INTEGER NOT NULL,
    "snapshotAsOf" TIMESTAMP(3) NOT NULL,
    "previousCampaignId" INTEGER,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,
    "counts" JSONB,
    "signedOffAt" TIMESTAMP(3),
    "signedOffById" TEXT,
    "signedOffByName" TEXT,
    "signOffComment" TEXT,
    "signOffAuditSequence" BIGINT,
    "signOffAuditHash" TEXT,
    "lastRemindedAt" TIMESTAMP(3),

    CONSTRAINT "ReviewCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewItem" (
    "id" SERIAL NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "rowKey" TEXT NOT NULL,
    "personKey" TEXT NOT NULL,
    "personName" TEXT NOT NULL,
    "personEmail" TEXT,
    "accountId" TEXT NOT NULL,
    "accountName" TEXT,
    "permissionSetName" TEXT,
    "permissionSetArn" TEXT,
    "roleArn" TEXT,
    "via" JSONB NOT NULL,
    "pathLabel" TEXT NOT NULL,
    "effectiveSessionSeconds" INTEGER NOT NULL,
    "cappedByChaining" BOOLEAN NOT NULL,
    "conditional" BOOLEAN NOT NULL,
    "lastUsedAt" TIMESTAMP(3),
    "findings" JSONB NOT NULL,
    "change" "ReviewChange" NOT NULL,
    "changeDetail" JSONB,
    "reviewerEmail" TEXT,
    "reviewerSource" "ReviewerSource" NOT NULL,
    "decision" "ReviewDecision",
    "decisionComment" TEXT,
    "decidedById" TEXT,
    "decidedByName" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionPrefilled" BOOLEAN NOT NULL DEFAULT false,
    "revokeState" "ReviewRevokeState",
    "revokeCheckedSnapshotId" INTEGER,

    CONSTRAINT "ReviewItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReviewCampaign_periodStart_key" ON "ReviewCampaign"("periodStart");

-- CreateIndex
CREATE INDEX "ReviewCampaign_status_id_idx" ON "ReviewCampaign"("status", "id");

-- CreateIndex
CREATE INDEX "ReviewItem_campaignId_reviewerEmail_idx" ON "ReviewItem"("campaignId", "reviewerEmail");

-- CreateIndex
CREATE INDEX "ReviewItem_campaignId_decision_idx" ON "ReviewItem"("campaignId", "decision");

-- CreateIndex
CREATE INDEX "ReviewItem_campaignId_accountId_idx" ON "ReviewItem"("campaignId", "accountId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewItem_campaignId_rowKey_key" ON "ReviewItem"("campaignId", "rowKey");

-- AddForeignKey
ALTER TABLE "ReviewItem" ADD CONSTRAINT "ReviewItem_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "ReviewCampaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;
