-- CreateEnum
CREATE TYPE "SnapshotStatus" AS ENUM ('RUNNING', 'COMPLETE', 'PARTIAL', 'FAILED');

-- CreateEnum
CREATE TYPE "SnapshotSource" AS ENUM ('LIVE', 'IMPORT');

-- CreateEnum
CREATE TYPE "EntityKind" AS ENUM ('ORGANIZATION', 'ORG_ROOT', 'ORG_UNIT', 'ACCOUNT', 'IDC_INSTANCE', 'IDC_USER', 'IDC_GROUP', 'IDC_GROUP_MEMBERSHIP', 'PERMISSION_SET', 'ACCOUNT_ASSIGNMENT', 'IAM_ROLE', 'IAM_USER', 'IAM_GROUP', 'IAM_POLICY', 'IAM_CREDENTIAL');

-- CreateEnum
CREATE TYPE "TrailEventSource" AS ENUM ('LOOKUP_EVENTS', 'S3_LOG_FILE');

-- CreateTable
CREATE TABLE "Snapshot" (
    "id" SERIAL NOT NULL,
    "source" "SnapshotSource" NOT NULL,
    "status" "SnapshotStatus" NOT NULL DEFAULT 'RUNNING',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "asOf" TIMESTAMP(3) NOT NULL,
    "durationMs" INTEGER,
    "counts" JSONB,
    "coverage" JSONB,
    "stats" JSONB,
    "failure" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),

    CONSTRAINT "Snapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SnapshotError" (
    "id" SERIAL NOT NULL,
    "snapshotId" INTEGER NOT NULL,
    "accountId" TEXT,
    "service" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SnapshotError_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EntityVersion" (
    "id" BIGSERIAL NOT NULL,
    "kind" "EntityKind" NOT NULL,
    "naturalKey" TEXT NOT NULL,
    "accountId" TEXT,
    "contentHash" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "validFrom" INTEGER NOT NULL,
    "validTo" INTEGER,

    CONSTRAINT "EntityVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CloudTrailEvent" (
    "eventId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "eventTime" TIMESTAMP(3) NOT NULL,
    "eventName" TEXT NOT NULL,
    "eventSource" TEXT NOT NULL,
    "awsRegion" TEXT,
    "actorType" TEXT,
    "actorArn" TEXT,
    "actorUserName" TEXT,
    "actorAccountId" TEXT,
    "sourcePrincipalType" TEXT,
    "sourcePrincipalArn" TEXT,
    "sourceSessionName" TEXT,
    "permissionSetName" TEXT,
    "identityCenterUser" TEXT,
    "targetRoleArn" TEXT,
    "roleSessionName" TEXT,
    "mfaUsed" BOOLEAN,
    "sourceIp" TEXT,
    "userAgent" TEXT,
    "success" BOOLEAN NOT NULL,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "raw" JSONB NOT NULL,
    "source" "TrailEventSource" NOT NULL,
    "ingestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CloudTrailEvent_pkey" PRIMARY KEY ("eventId","accountId")
);

-- CreateTable
CREATE TABLE "CloudTrailWatermark" (
    "accountId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "lastEventTime" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CloudTrailWatermark_pkey" PRIMARY KEY ("accountId","region")
);

-- CreateTable
CREATE TABLE "CloudTrailIngestRun" (
    "id" SERIAL NOT NULL,
    "source" "TrailEventSource" NOT NULL,
    "status" "SnapshotStatus" NOT NULL DEFAULT 'RUNNING',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "eventsSeen" INTEGER NOT NULL DEFAULT 0,
    "eventsNew" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB,
    "stats" JSONB,

    CONSTRAINT "CloudTrailIngestRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkerHeartbeat" (
    "id" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "beatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkerHeartbeat_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Snapshot_status_id_idx" ON "Snapshot"("status", "id");

-- CreateIndex
CREATE INDEX "Snapshot_startedAt_idx" ON "Snapshot"("startedAt");

-- CreateIndex
CREATE INDEX "SnapshotError_snapshotId_idx" ON "SnapshotError"("snapshotId");

-- CreateIndex
CREATE INDEX "SnapshotError_accountId_idx" ON "SnapshotError"("accountId");

-- CreateIndex
CREATE INDEX "EntityVersion_kind_accountId_naturalKey_idx" ON "EntityVersion"("kind", "accountId", "naturalKey");

-- CreateIndex
CREATE INDEX "EntityVersion_validFrom_idx" ON "EntityVersion"("validFrom");

-- CreateIndex
CREATE INDEX "EntityVersion_validTo_idx" ON "EntityVersion"("validTo");

-- CreateIndex
CREATE UNIQUE INDEX "EntityVersion_kind_naturalKey_validFrom_key" ON "EntityVersion"("kind", "naturalKey", "validFrom");

-- CreateIndex
CREATE INDEX "CloudTrailEvent_eventTime_idx" ON "CloudTrailEvent"("eventTime");

-- CreateIndex
CREATE INDEX "CloudTrailEvent_eventName_eventTime_idx" ON "CloudTrailEvent"("eventName", "eventTime");

-- CreateIndex
CREATE INDEX "CloudTrailEvent_accountId_eventTime_idx" ON "CloudTrailEvent"("accountId", "eventTime");

-- CreateIndex
CREATE INDEX "CloudTrailEvent_targetRoleArn_eventTime_idx" ON "CloudTrailEvent"("targetRoleArn", "eventTime");

-- CreateIndex
CREATE INDEX "CloudTrailEvent_actorArn_eventTime_idx" ON "CloudTrailEvent"("actorArn", "eventTime");

-- CreateIndex
CREATE INDEX "CloudTrailIngestRun_startedAt_idx" ON "CloudTrailIngestRun"("startedAt");

-- CreateIndex
CREATE INDEX "WorkerHeartbeat_beatAt_idx" ON "WorkerHeartbeat"("beatAt");

-- AddForeignKey
ALTER TABLE "SnapshotError" ADD CONSTRAINT "SnapshotError_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "Snapshot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (Prisma cannot declare partial indexes): at most one open version per entity.
-- The snapshot writer closes a version before inserting its successor, and this index turns any bug or
-- race that would leave two "current" versions of one entity into an error instead of silent
-- duplication. It is also the index behind the writer's "open versions of one kind" read.
CREATE UNIQUE INDEX "EntityVersion_open_kind_naturalKey_key" ON "EntityVersion"("kind", "naturalKey") WHERE "validTo" IS NULL;
