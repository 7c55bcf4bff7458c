/**
 * The value of a closed set (a generated enum's values) that `text` names, or undefined when it names none ('' and
 * absent included): for text the type system cannot vouch for, such as a <select>'s value or a filter kept as text.
 */
export function oneOf<T extends string>(values: readonly T[], text: string | null | undefined): T | undefined {
  return values.find((value) => value === text);
}
