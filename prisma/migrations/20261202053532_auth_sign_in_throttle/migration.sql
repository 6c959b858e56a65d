-- The account-wide lock (User.failedLoginCount/lockedUntil) gives way to per-(account, address)
-- throttles in SignInThrottle, and a lock in force at upgrade time is dropped with its columns.

-- AlterEnum
ALTER TYPE "AuthEventType" ADD VALUE 'SIGN_IN_ALERT';

-- AlterTable
ALTER TABLE "User" DROP COLUMN "failedLoginCount",
DROP COLUMN "lockedUntil",
ADD COLUMN     "signInAlertedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "subject" TEXT NOT NULL,
    "clientAddress" TEXT NOT NULL,
    "userId" TEXT,
    "failures" INTEGER NOT NULL,
    "lastAttemptAt" TIMESTAMP(3) NOT NULL,
    "blockedUntil" TIMESTAMP(3),

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("subject","clientAddress")
);

-- CreateIndex
CREATE INDEX "SignInThrottle_userId_lastAttemptAt_idx" ON "SignInThrottle"("userId", "lastAttemptAt");

-- CreateIndex
CREATE INDEX "SignInThrottle_lastAttemptAt_idx" ON "SignInThrottle"("lastAttemptAt");

-- AddForeignKey
ALTER TABLE "SignInThrottle" ADD CONSTRAINT "SignInThrottle_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
