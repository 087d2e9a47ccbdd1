-- CreateTable
CREATE TABLE "classes" (
    "id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "grade" INTEGER NOT NULL,
    "teacher_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "classes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "students" (
    "id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "first_name" VARCHAR(100) NOT NULL,
    "last_name" VARCHAR(100) NOT NULL,
    "admission_number" VARCHAR(50) NOT NULL,
    "class_id" UUID,
    "date_of_birth" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "students_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "classes_client_id_name_idx" ON "classes"("client_id", "name");

-- CreateIndex
CREATE INDEX "classes_teacher_id_idx" ON "classes"("teacher_id");

-- CreateIndex
CREATE UNIQUE INDEX "classes_id_client_id_key" ON "classes"("id", "client_id");

-- CreateIndex
CREATE INDEX "students_client_id_last_name_first_name_idx" ON "students"("client_id", "last_name", "first_name");

-- CreateIndex
CREATE INDEX "students_class_id_idx" ON "students"("class_id");

-- CreateIndex
CREATE UNIQUE INDEX "students_client_id_admission_number_key" ON "students"("client_id", "admission_number");

-- AddForeignKey
ALTER TABLE "classes" ADD CONSTRAINT "classes_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "classes" ADD CONSTRAINT "classes_teacher_id_client_id_fkey" FOREIGN KEY ("teacher_id", "client_id") REFERENCES "users"("id", "client_id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "students" ADD CONSTRAINT "students_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "students" ADD CONSTRAINT "students_class_id_client_id_fkey" FOREIGN KEY ("class_id", "client_id") REFERENCES "classes"("id", "client_id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- Row-level security for the new tenant tables (hand-written; see 20261130051300_tenant_isolation).
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['classes', 'students']
  LOOP
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO sms_tenant', t);
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (client_id = app_current_client()) '
                   'WITH CHECK (client_id = app_current_client())', t);
  END LOOP;
END
$$;

ALTER TABLE "classes" ADD CONSTRAINT classes_grade_range CHECK (grade BETWEEN 0 AND 20);
