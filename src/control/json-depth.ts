/** @module How deeply a JSON value nests, found without recursion (so a hostile depth cannot overflow the stack). */

/** Deeper bodies are refused: serialising them would overflow the stack later, after they were applied. */
export const MAX_JSON_DEPTH = 64

/** Depth of `value`: 0 for a scalar, 1 for `[]` or `{}`, and so on; stops counting past `MAX_JSON_DEPTH`. */
export function jsonDepth(value: unknown): number {
  let deepest = 0
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!
    if (typeof item !== 'object' || item === null) continue
    const here = depth + 1
    if (here > deepest) deepest = here
    if (deepest > MAX_JSON_DEPTH) return deepest
    for (const child of Object.values(item)) stack.push([child, here])
  }
  return deepest
}
