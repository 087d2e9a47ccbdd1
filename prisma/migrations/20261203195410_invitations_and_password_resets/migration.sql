-- CreateEnum
CREATE TYPE "account_link_purpose" AS ENUM ('invitation', 'password_reset');

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "invited_at" TIMESTAMPTZ(3),
ALTER COLUMN "password_hash" DROP NOT NULL;

-- CreateTable
CREATE TABLE "account_links" (
    "token_hash" VARCHAR(64) NOT NULL,
    "user_id" UUID NOT NULL,
    "client_id" UUID,
    "purpose" "account_link_purpose" NOT NULL,
    "session_epoch" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "account_links_pkey" PRIMARY KEY ("token_hash")
);

-- CreateIndex
CREATE INDEX "account_links_user_id_purpose_idx" ON "account_links"("user_id", "purpose");

-- CreateIndex
CREATE INDEX "account_links_client_id_idx" ON "account_links"("client_id");

-- AddForeignKey
ALTER TABLE "account_links" ADD CONSTRAINT "account_links_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_links" ADD CONSTRAINT "account_links_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (Prisma does not model these). A school's links are its rows: row-level security as
-- for every tenant table (migration tenant_isolation).
GRANT SELECT, INSERT, UPDATE, DELETE ON "account_links" TO sms_tenant;
ALTER TABLE "account_links" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "account_links" USING (client_id = app_current_client())
  WITH CHECK (client_id = app_current_client());

-- An invited user is exactly one without a password: no half-state where an "active" account has
-- nothing to sign in with, or an "invited" one already has a password.
ALTER TABLE "users" ADD CONSTRAINT users_invited_without_password CHECK ((invited_at IS NOT NULL) = (password_hash IS NULL));
