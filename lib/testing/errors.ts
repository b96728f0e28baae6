import { expect } from "vitest";
import { AppError, type ErrorCode } from "@/lib/errors";

/** What a promise is rejected with; fails the test when it resolves instead. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected the promise to be rejected, but it resolved");
    },
    (e: unknown) => e,
  );
}

/** The AppError a promise is rejected with, checked to be of `code` when one is given. */
export async function refusal(promise: Promise<unknown>, code?: ErrorCode): Promise<AppError> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(AppError);
  if (code !== undefined) expect((error as AppError).code).toBe(code);
  return error as AppError;
}

/** The error code a synchronous guard throws, or "allowed": for tables of who may do what. */
export function outcome(guard: () => void): string {
  try {
    guard();
    return "allowed";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}
