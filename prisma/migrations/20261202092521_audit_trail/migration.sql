-- CreateEnum
CREATE TYPE "AuditActorType" AS ENUM ('USER', 'ANONYMOUS', 'SYSTEM', 'CLI');

-- CreateTable
CREATE TABLE "AuditEntry" (
    "sequence" BIGINT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "actorType" "AuditActorType" NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "actorAuthMethod" "AuthMethod",
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "targetLabel" TEXT,
    "detail" JSONB NOT NULL,
    "requestId" TEXT,
    "clientAddress" TEXT,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("sequence")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_prevHash_key" ON "AuditEntry"("prevHash");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_hash_key" ON "AuditEntry"("hash");

-- CreateIndex
CREATE INDEX "AuditEntry_occurredAt_idx" ON "AuditEntry"("occurredAt");

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_occurredAt_idx" ON "AuditEntry"("actorId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEntry_actorName_idx" ON "AuditEntry"("actorName");

-- CreateIndex
CREATE INDEX "AuditEntry_action_occurredAt_idx" ON "AuditEntry"("action", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEntry_targetType_targetId_idx" ON "AuditEntry"("targetType", "targetId");

-- Hand-written (Prisma cannot declare triggers): the audit trail is append-only. Any UPDATE, DELETE
-- or TRUNCATE of "AuditEntry" is refused for every connection, the owner and superusers included.
-- Only a superuser who switches triggers off (session_replication_role = replica, or ALTER TABLE
-- DISABLE TRIGGER) gets past it, and `vigil audit verify` then names the entry by its hash chain.
-- The function body is an E'' string with \073 standing for each semicolon: the migration runner
-- splits this file at that character and would cut a dollar-quoted body apart.
CREATE FUNCTION "audit_entry_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN RAISE EXCEPTION ''AuditEntry is append-only: % refused'', TG_OP USING ERRCODE = ''42501''\073 END';

CREATE TRIGGER "AuditEntry_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "AuditEntry" FOR EACH STATEMENT EXECUTE FUNCTION "audit_entry_refuse_change"();
