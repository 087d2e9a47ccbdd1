-- The students list is ordered by (last_name, first_name, id): with id in the index, a page is
-- read in order from the index instead of sorting every student of the school (bench/RESULTS.md).

-- DropIndex
DROP INDEX "students_client_id_last_name_first_name_idx";

-- CreateIndex
CREATE INDEX "students_client_id_last_name_first_name_id_idx" ON "students"("client_id", "last_name", "first_name", "id");
