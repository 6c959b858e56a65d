-- CreateEnum
CREATE TYPE "VaultSecretField" AS ENUM ('PASSWORD', 'SECRET_ACCESS_KEY');

-- CreateTable
CREATE TABLE "BreakglassCredential" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "iamUserName" TEXT NOT NULL,
    "mfaNote" TEXT,
    "maxCheckoutMinutes" INTEGER NOT NULL,
    "accessKeyId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rotatedAt" TIMESTAMP(3),

    CONSTRAINT "BreakglassCredential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VaultSecret" (
    "credentialId" TEXT NOT NULL,
    "field" "VaultSecretField" NOT NULL,
    "ciphertext" BYTEA NOT NULL,
    "iv" BYTEA NOT NULL,
    "authTag" BYTEA NOT NULL,
    "wrappedDataKey" BYTEA NOT NULL,
    "keyRef" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VaultSecret_pkey" PRIMARY KEY ("credentialId","field")
);

-- CreateIndex
CREATE UNIQUE INDEX "BreakglassCredential_accountId_iamUserName_key" ON "BreakglassCredential"("accountId", "iamUserName");

-- CreateIndex
CREATE INDEX "VaultSecret_keyRef_idx" ON "VaultSecret"("keyRef");

-- AddForeignKey
ALTER TABLE "VaultSecret" ADD CONSTRAINT "VaultSecret_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "BreakglassCredential"("id") ON DELETE CASCADE ON UPDATE CASCADE;
