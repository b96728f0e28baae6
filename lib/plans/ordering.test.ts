import { describe, expect, it } from "vitest";
import { reorder } from "./ordering";

const list = [
  { id: 10, position: 1 },
  { id: 11, position: 2 },
  { id: 12, position: 3 },
];

describe("reorder", () => {
  it("moves an item up and shifts the ones it passes", () => {
    expect(reorder(list, { id: 12, to: 1 })).toEqual([
      { id: 12, position: 1 },
      { id: 10, position: 2 },
      { id: 11, position: 3 },
    ]);
  });

  it("moves an item down", () => {
    expect(reorder(list, { id: 10, to: 2 })).toEqual([
      { id: 11, position: 1 },
      { id: 10, position: 2 },
    ]);
  });

  it("clamps positions past either end", () => {
    expect(reorder(list, { id: 10, to: 99 })).toEqual([
      { id: 11, position: 1 },
      { id: 12, position: 2 },
      { id: 10, position: 3 },
    ]);
    expect(reorder(list, { id: 11, to: 0 })).toEqual([
      { id: 11, position: 1 },
      { id: 10, position: 2 },
    ]);
  });

  it("renumbers without moving anything", () => {
    expect(
      reorder(
        [
          { id: 1, position: 1 },
          { id: 2, position: 4 },
        ],
        null,
      ),
    ).toEqual([{ id: 2, position: 2 }]);
  });

  it("closes gaps and appends a newcomer", () => {
    const gappy = [
      { id: 1, position: 2 },
      { id: 2, position: 5 },
    ];
    expect(reorder(gappy, { id: 3, to: 3 })).toEqual([
      { id: 1, position: 1 },
      { id: 2, position: 2 },
      { id: 3, position: 3 },
    ]);
  });
});
