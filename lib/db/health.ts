// The database round trip behind /api/health. Its answer also settles lib/db/availability.ts's
// view, so that the moment health says the database is back, every route and page agree.
import { pool } from "@/lib/db/client";
import { noteDatabaseAnswered, noteDatabaseError } from "@/lib/db/availability";

export async function databaseAnswers(): Promise<boolean> {
  try {
    await pool().query("SELECT 1");
    noteDatabaseAnswered();
    return true;
  } catch (error) {
    noteDatabaseError(error);
    return false;
  }
}
