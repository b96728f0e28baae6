/**
 * Request bodies for an endpoint, built from a description of its fields: each field has a value
 * the endpoint accepts and hostile values of its own kind. A body keeps some fields valid, makes
 * others hostile or of the wrong type, leaves some out and adds keys nobody asked for, so that a
 * refusal has to come from the one bad field and not from the body being wholly wrong.
 */
import fc from "fast-check";
import {
  hostileDate,
  hostileId,
  hostileNumber,
  hostileText,
  jsonText,
  malformedJsonText,
  wrongType,
} from "./generators";

export interface Field {
  valid: unknown;
  hostile: fc.Arbitrary<unknown>;
}

export const text = (valid: string): Field => ({ valid, hostile: hostileText });
export const number = (valid: number): Field => ({ valid, hostile: hostileNumber });
export const date = (valid: string): Field => ({ valid, hostile: hostileDate });
export const id = (valid: number | null, others: readonly number[]): Field => ({
  valid,
  hostile: hostileId(others),
});
export const ids = (valid: number[], others: readonly number[]): Field => ({
  valid,
  hostile: fc.oneof(
    fc.array(hostileId(others), { maxLength: 5 }),
    fc.constant(Array.from({ length: 300 }, (_, i) => i + 1)),
  ),
});
export const choice = (valid: string, ...others: string[]): Field => ({
  valid,
  hostile: fc.constantFrom<unknown>(...others, "", valid.toUpperCase(), ` ${valid}`, 1, ["x"]),
});
export const flag = (valid: boolean): Field => ({
  valid,
  hostile: fc.constantFrom<unknown>("true", "false", 1, 0, null, [true]),
});
/** A field whose hostile values are given whole (e.g. a list of objects). */
export const custom = (valid: unknown, hostile: fc.Arbitrary<unknown>): Field => ({
  valid,
  hostile,
});

const OMIT = Symbol("omit");

/** An object body made from `fields`: every field valid, hostile, of a wrong type, or left out. */
export function shapedBody(fields: Record<string, Field>): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(fields).map(
    ([key, field]) =>
      [
        key,
        fc.oneof(
          { weight: 3, arbitrary: fc.constant(field.valid) },
          { weight: 3, arbitrary: field.hostile },
          { weight: 1, arbitrary: wrongType },
          { weight: 1, arbitrary: fc.constant<unknown>(OMIT) },
        ),
      ] as const,
  );
  return fc
    .tuple(
      fc.record(Object.fromEntries(entries) as Record<string, fc.Arbitrary<unknown>>),
      fc.option(
        fc.tuple(
          fc.constantFrom("__proto__", "constructor", "id", "planId", "x", "version"),
          wrongType,
        ),
        {
          freq: 4,
        },
      ),
    )
    .map(([record, extra]) => {
      const body: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(record)) if (value !== OMIT) body[key] = value;
      // defineProperty: `body.__proto__ = …` would set the prototype, not send a key.
      if (extra) Object.defineProperty(body, extra[0], { value: extra[1], enumerable: true });
      return body;
    });
}

/** The valid body of `fields`, for the limit and content-type checks. */
export const validBody = (fields: Record<string, Field>) =>
  Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, field.valid]));

/** JSON body text: mostly shaped from `fields`, else not JSON at all or JSON of a wrong shape. */
export function jsonBodyText(fields: Record<string, Field>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: shapedBody(fields).map(jsonText) },
    { weight: 1, arbitrary: malformedJsonText },
    { weight: 1, arbitrary: wrongType.map(jsonText) },
  );
}
