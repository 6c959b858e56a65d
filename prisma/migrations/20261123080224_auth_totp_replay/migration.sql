-- AlterTable
ALTER TABLE "User" ADD COLUMN     "lastTotpStep" INTEGER;
