/**
 * When a session is over, whatever next-auth's cookie says: its JWT is re-issued (and its expiry
 * pushed back) on every read, so the absolute limit is kept by the sign-in time written into the
 * token once (`signedInAt`, epoch ms). No server-only: proxy.ts checks the age too.
 */

/** How long a sign-in lasts, in ms (SESSION_MAX_AGE_HOURS, default 8 hours: a working day). */
export function sessionMaxAgeMs(value = process.env.SESSION_MAX_AGE_HOURS): number {
  const hours = Number(value);
  return Math.round((hours > 0 && hours <= 24 * 30 ? hours : 8) * 3_600_000);
}

/** A clock a little ahead on one machine must not end a session signed in just now. */
const CLOCK_SKEW_MS = 60_000;

/**
 * Whether a session signed in at `signedInAt` still holds at `now`: younger than the maximum age,
 * not from the future, and not from before the user's sessions were ended (`validAfter`: a
 * password change or reset, or a deactivation). A token without a sign-in time is over.
 */
export function sessionIsCurrent(
  signedInAt: unknown,
  now = Date.now(),
  validAfter?: Date | null,
  maxAgeMs = sessionMaxAgeMs(),
): boolean {
  if (typeof signedInAt !== "number" || !Number.isFinite(signedInAt)) return false;
  if (signedInAt > now + CLOCK_SKEW_MS || now - signedInAt >= maxAgeMs) return false;
  return !validAfter || signedInAt >= validAfter.getTime();
}
