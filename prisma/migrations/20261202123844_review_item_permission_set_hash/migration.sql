-- AlterTable
ALTER TABLE "ReviewItem" ADD COLUMN     "permissionSetHash" TEXT;
