/**
 * Puts one item (or none) at a 1-based position among its ordered siblings and returns the new
 * position of every item whose position changes. Positions are renumbered 1..n, closing any gaps.
 */
export function reorder(
  siblings: readonly { id: number; position: number }[],
  moving: { id: number; to: number } | null,
): { id: number; position: number }[] {
  const rest = siblings.filter((s) => s.id !== moving?.id).map((s) => s.id);
  if (moving) {
    const index = Math.min(Math.max(moving.to, 1), rest.length + 1) - 1;
    rest.splice(index, 0, moving.id);
  }
  const before = new Map(siblings.map((s) => [s.id, s.position]));
  return rest
    .map((id, i) => ({ id, position: i + 1 }))
    .filter(({ id, position }) => before.get(id) !== position);
}
