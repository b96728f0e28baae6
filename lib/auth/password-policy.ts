/**
 * The password policy for NEW passwords (set by the user, or generated for them): at least
 * 10 characters, at most 256, not the username nor containing it, not a common password. Pure and
 * client-safe: the change-password form says the same as the server. Existing passwords (e.g. the
 * demo accounts') are never re-checked at sign-in.
 */
import { COMMON_PASSWORDS } from "./common-passwords";

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/** The message keys the policy answers with (under `validation`). */
export type PasswordIssue =
  | "validation.passwordTooShort"
  | "validation.passwordTooLong"
  | "validation.passwordIsUsername"
  | "validation.passwordCommon";

const COMMON = new Set(COMMON_PASSWORDS.map((p) => p.toLowerCase()));

/** What people type alike: full-width characters as ASCII (NFKC, as hashing does), lower case. */
const fold = (value: string) => value.normalize("NFKC").toLowerCase();

/** Characters as a person counts them (a code point each, not UTF-16 units). */
const lengthOf = (value: string) => [...value].length;

/** Why a new password is refused, as a `validation.*` message key, or null when it is fine. */
export function passwordIssue(password: string, username: string): PasswordIssue | null {
  const length = lengthOf(password);
  if (length < PASSWORD_MIN_LENGTH) return "validation.passwordTooShort";
  if (length > PASSWORD_MAX_LENGTH) return "validation.passwordTooLong";
  const folded = fold(password);
  const name = fold(username.trim());
  if (name.length > 0 && (folded === name || (name.length >= 3 && folded.includes(name)))) {
    return "validation.passwordIsUsername";
  }
  if (COMMON.has(folded)) return "validation.passwordCommon";
  return null;
}
