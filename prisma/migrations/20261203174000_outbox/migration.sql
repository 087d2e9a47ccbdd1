-- CreateEnum
CREATE TYPE "message_channel" AS ENUM ('email', 'sms');

-- CreateEnum
CREATE TYPE "message_state" AS ENUM ('pending', 'sending', 'sent', 'held');

-- CreateTable
CREATE TABLE "outbox_messages" (
    "id" UUID NOT NULL,
    "client_id" UUID,
    "channel" "message_channel" NOT NULL,
    "recipient" VARCHAR(254) NOT NULL,
    "kind" VARCHAR(64) NOT NULL,
    "subject" VARCHAR(200) NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "state" "message_state" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimed_until" TIMESTAMPTZ(3),
    "claim_token" UUID,
    "last_error" VARCHAR(1000),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_messages_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "outbox_messages_state_next_attempt_at_idx" ON "outbox_messages"("state", "next_attempt_at");

-- CreateIndex
CREATE INDEX "outbox_messages_client_id_idx" ON "outbox_messages"("client_id");

-- CreateIndex
CREATE INDEX "outbox_messages_created_at_idx" ON "outbox_messages"("created_at");

-- AddForeignKey
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security (hand-written; see 20261130051300_tenant_isolation). A school's transaction
-- (withSchool) may write its own school's messages, in the same transaction as their cause, and
-- read them back; it can neither see nor claim another school's or the platform's. The workers
-- and the console run as the owner role, across schools.
GRANT SELECT, INSERT ON "outbox_messages" TO sms_tenant;
ALTER TABLE "outbox_messages" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "outbox_messages" USING (client_id = app_current_client())
  WITH CHECK (client_id = app_current_client());

-- A message in flight has a claim; no other state has one.
ALTER TABLE "outbox_messages" ADD CONSTRAINT outbox_messages_claim
  CHECK ((state = 'sending') = (claim_token IS NOT NULL AND claimed_until IS NOT NULL));
