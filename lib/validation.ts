import { z } from "zod";

/** A database id in a URL or body: a positive safe integer (strings of digits accepted). */
export const idParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
