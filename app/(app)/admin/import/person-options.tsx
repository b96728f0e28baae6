import type { ImportOptions } from "./options";

/** People as <option>s, grouped by unit. */
export function PersonOptions({ people }: { people: ImportOptions["people"] }) {
  const groups = new Map<string, ImportOptions["people"]>();
  for (const person of people)
    groups.set(person.unitName, [...(groups.get(person.unitName) ?? []), person]);
  return [...groups].map(([unitName, members]) => (
    <optgroup key={unitName} label={unitName}>
      {members.map((person) => (
        <option key={person.id} value={person.id}>
          {person.name}
        </option>
      ))}
    </optgroup>
  ));
}
