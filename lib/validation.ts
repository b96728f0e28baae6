import { z } from "zod";

/** A database id in a URL: decimal digits only (no signs, spaces, exponents or hex), a safe integer. */
export const idParam = z
  .string()
  .regex(/^[1-9][0-9]{0,15}$/, { error: "validation.invalidId" })
  .transform(Number)
  .refine(Number.isSafeInteger, { error: "validation.invalidId" });
