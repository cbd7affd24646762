/**
 * Core returns deeply readonly data; Hono's typed c.json wants mutable JSON types. This is a
 * type-only view (no copy): the value is already plain JSON data.
 */
export type DeepMutable<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly (infer U)[]
    ? DeepMutable<U>[]
    : T extends object
      ? { -readonly [K in keyof T]: DeepMutable<T[K]> }
      : T;

export function jsonView<T>(value: T): DeepMutable<T> {
  return value as unknown as DeepMutable<T>;
}
