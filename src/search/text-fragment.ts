/**
 * A link straight to the words on the page: when a result matched a pasted error, its link ends in a text
 * fragment (`#:~:text=…`, WICG Scroll to Text Fragment), so the browser scrolls to where the page names
 * that error (usually the step or the section for it) and highlights it. Fix pages are long; the top of
 * one rarely shows the case the error belongs to. A browser without support, or a page that does not
 * contain the text, just opens the page at the top.
 *
 * Only our own content's error string goes in, never the person's query: the string comes from
 * search.json, so nothing they typed or pasted ends up in a URL (fragments are not sent to servers either).
 */

/** Percent-encodes a text directive's term: `-`, `,` and `&` have meanings of their own there. */
const term = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');

/** Long strings are given by their first and last words, so a small difference in the middle still matches. */
const LONG = 80;

export function textFragment(text: string): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const flat = words.join(' ');
  if (flat.length < 4) return '';
  if (flat.length <= LONG || words.length < 8) return `#:~:text=${term(flat)}`;
  return `#:~:text=${term(words.slice(0, 4).join(' '))},${term(words.slice(-3).join(' '))}`;
}
