-- CreateIndex
CREATE INDEX "audit_events_target_id_at_idx" ON "audit_events"("target_id", "at");
