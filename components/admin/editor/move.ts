/** Moves one item of a list to another index (unchanged when `to` is out of range): the editor's ↑ and ↓ buttons. */
export function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}
