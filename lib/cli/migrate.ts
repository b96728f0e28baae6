/** `npm run db:migrate`: create, migrate and (when empty) seed the database without serving. */
import { prepareDatabase } from "./prepare-db";

prepareDatabase().then(
  ({ file, seeded }) =>
    console.log(`Database ready: ${file}${seeded ? " (demo data loaded)" : ""}`),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
