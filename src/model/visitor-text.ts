/**
 * Visitor pages speak to people locked out of a site, not to developers: HTTP messages (a status line,
 * a header field, a `curl -v` exchange) belong only under the page's "For the technically curious"
 * heading, where whoever wants them can read on. Commands a visitor runs themselves (resync the clock,
 * set a proxy) are steps, not protocol text, and may appear anywhere.
 */
export const CURIOUS_HEADING = '## For the technically curious';

/** Header fields and request/status lines, at the start of a line (after any list marker or code fence content). */
const PROTOCOL_LINE = /^(?:[-*>]\s+)?(?:HTTP\/\d(?:\.\d)?\s+\d{3}\b|(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \/\S* HTTP\/|(?:Authorization|WWW-Authenticate|Proxy-Authenticate|Proxy-Authorization|Set-Cookie|Cookie):\s)/i;
/** `curl -v`, `curl -sv` or `curl --verbose`: word by word, so nothing backtracks. */
const curlVerbose = (text: string) => {
  const words = text.split(/\s+/);
  return words.some((w) => /^`?curl$/.test(w)) && words.some((w) => w === '--verbose' || (/^-[a-z]+$/i.test(w) && w.includes('v')));
};

/** "file: line N: text" for each piece of protocol text above the curious heading of a visitor page. */
export function protocolTextForVisitors(file: string, audience: string, body: string): string[] {
  if (audience !== 'visitor') return [];
  const above = body.split(CURIOUS_HEADING)[0]!;
  return above.split('\n').flatMap((line, i) => {
    const text = line.trim();
    return PROTOCOL_LINE.test(text) || curlVerbose(text) ? [`${file}: line ${i + 1}: protocol text outside "${CURIOUS_HEADING.slice(3)}": ${text.slice(0, 80)}`] : [];
  });
}
