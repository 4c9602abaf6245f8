/**
 * The values of a settings form that differ from those in force, per category for per-category
 * records: only these are sent, so that saving a township's form does not pin what it inherits.
 */
export function changedValues<T extends object>(next: T, inForce: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    const before = (inForce as Record<string, unknown>)[key];
    if (value && typeof value === 'object' && key !== 'slotWindows') {
      const diff = Object.fromEntries(
        Object.entries(value).filter(([c, v]) => v !== (before as Record<string, unknown>)?.[c]),
      );
      if (Object.keys(diff).length) out[key] = diff;
    } else if (JSON.stringify(value) !== JSON.stringify(before)) out[key] = value;
  }
  return out as Partial<T>;
}
