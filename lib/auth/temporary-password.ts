import "server-only";
import { randomInt } from "node:crypto";
import { passwordIssue } from "./password-policy";

/** No 0/O/o, 1/l/I: a one-time password is read off a screen and typed in by hand. */
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
const LENGTH = 12;

/**
 * A one-time password (一次性密码) for a new or reset account: 12 characters drawn with a
 * cryptographic generator from an unambiguous alphabet (about 70 bits), always within the policy.
 */
export function generateTemporaryPassword(username = ""): string {
  for (;;) {
    let password = "";
    for (let i = 0; i < LENGTH; i++) password += ALPHABET[randomInt(ALPHABET.length)];
    if (passwordIssue(password, username) === null) return password;
  }
}
