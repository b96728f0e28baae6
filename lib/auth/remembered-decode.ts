import { decode, type JWT, type JWTDecodeParams } from "next-auth/jwt";

/** Decoded session tokens kept, oldest dropped first: a few per person signed in. */
const REMEMBERED = 2000;
const decoded = new Map<string, JWT>();

/**
 * next-auth's `decode`, remembered per token. A token is immutable and signed, so what it decodes
 * to never changes; only its expiry is checked again on each use. Decoding costs a key derivation
 * (HKDF) and a decryption on every request otherwise.
 */
export async function decodeRemembered(params: JWTDecodeParams): Promise<JWT | null> {
  const { token } = params;
  if (!token) return null;
  const known = decoded.get(token);
  if (known) {
    if (typeof known.exp === "number" && known.exp * 1000 > Date.now()) return known;
    decoded.delete(token);
    return null;
  }
  const payload = await decode(params);
  if (payload) {
    decoded.set(token, payload);
    if (decoded.size > REMEMBERED) decoded.delete(decoded.keys().next().value!);
  }
  return payload;
}
