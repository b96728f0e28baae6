/** Task statuses, as the rest of the app sees them (the database defines the list). */
export { TASK_STATUSES, type TaskStatus } from "@/db/schema/tasks";
