/** Outcome of parsing user input: the canonical value, or a machine-readable reason the UI translates. */
export type ParseResult<T, Reason extends string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: Reason };
