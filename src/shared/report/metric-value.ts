/** A number read from the report JSON: a plain finite number, or a metric object's `value`; null otherwise. */
export function metricValue(x: unknown): number | null {
  if (typeof x === 'number' && Number.isFinite(x)) return x;
  if (x && typeof x === 'object' && 'value' in x) {
    const v = (x as { value: unknown }).value;
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  }
  return null;
}
