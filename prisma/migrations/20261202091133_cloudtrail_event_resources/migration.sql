-- AlterTable
ALTER TABLE "CloudTrailEvent" ADD COLUMN     "readOnly" BOOLEAN,
ADD COLUMN     "resources" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "CloudTrailEvent_resources_idx" ON "CloudTrailEvent" USING GIN ("resources");
