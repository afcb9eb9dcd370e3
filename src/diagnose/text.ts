/**
 * Values copied from a paste into a title or detail. Pages render findings with
 * textContent, but a title may also end up in an attribute, a log or a share
 * link, so interpolated input never carries markup characters or control bytes.
 */
const CONTROL = /[\u0000-\u001F\u007F-\u009F]+/g;

export function shown(value: string, max = 120): string {
  const flat = value.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  const clipped = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return clipped.replace(/</g, '‹').replace(/>/g, '›');
}

/** English list: "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** "3 minutes", "2 hours", "5 days": coarse on purpose, the exact date is shown too. */
export function duration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (s < 90) return unit(s, 'second');
  const m = Math.round(s / 60);
  if (m < 90) return unit(m, 'minute');
  const h = Math.round(m / 60);
  if (h < 36) return unit(h, 'hour');
  const d = Math.round(h / 24);
  if (d < 730) return unit(d, 'day');
  return unit(Math.round(d / 365), 'year');
}

/** "in 3 minutes" / "3 minutes ago", relative to a reference time. */
export function relative(ms: number): string {
  return ms >= 0 ? `in ${duration(ms)}` : `${duration(ms)} ago`;
}
