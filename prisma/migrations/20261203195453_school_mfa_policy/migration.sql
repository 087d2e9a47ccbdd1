-- AlterTable
ALTER TABLE "clients" ADD COLUMN     "mfa_required" BOOLEAN NOT NULL DEFAULT false;
