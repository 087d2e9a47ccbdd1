// The database round trip behind /api/health.
import { pool } from "@/lib/db/client";

export async function databaseAnswers(): Promise<boolean> {
  try {
    await pool().query("SELECT 1");
    return true;
  } catch {
    return false;
  }
}
