import { closeDb, databasePath, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemo } from "@/db/seed/seed-demo";
import { hashPassword } from "@/lib/auth/password";

/** Whether `npm start` loads the Baiyang demo into an empty database (DEMO_SEED=false turns it off). */
export function demoSeedEnabled(): boolean {
  return !/^(0|false|no|off)$/i.test(process.env.DEMO_SEED ?? "");
}

/** Creates the database file if needed, applies the committed migrations, seeds an empty database. */
export async function prepareDatabase(): Promise<{ file: string; seeded: boolean }> {
  const file = databasePath();
  try {
    const db = getDb();
    migrateDatabase(db);
    const seeded = demoSeedEnabled() ? (await seedDemo(db, { hashPassword })).seeded : false;
    return { file, seeded };
  } finally {
    closeDb();
  }
}
