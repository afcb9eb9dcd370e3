/**
 * The content shows HTTP messages (```http blocks) as the reference readers compare their own responses
 * with, so each must be a message a server could send: a start line, then `Name: value` header fields, then
 * an optional body after a blank line. The values people copy most are checked by the rules that govern
 * them: challenges by the site's own RFC 9110 parser (the one Diagnose uses), cookies by RFC 6265 and the
 * cookie prefixes and SameSite rules browsers enforce. A set-cookie parsing library would accept all of
 * these; the point here is to refuse what a browser would drop.
 */
import { parseChallenges } from '../diagnose/www-authenticate';
import { parseHeaderLine, parseRequestLine, parseStatusLine } from '../diagnose/input-lines';
import { isOmissionLine } from '../markdown/code-blocks';

/** RFC 9110 token, as a cookie name must be. */
const TOKEN = /^[!#$%&'*+\-.^\w`|~]+$/;
/** RFC 6265 cookie-value: cookie-octets, optionally in double quotes. */
const COOKIE_VALUE = /^(?:"[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*"|[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*)$/;
const COOKIE_ATTRIBUTES = new Set(['expires', 'max-age', 'domain', 'path', 'secure', 'httponly', 'samesite', 'partitioned']);

/** What a browser would refuse or ignore in one Set-Cookie value; [] when it stores the cookie as written. */
export function setCookieProblems(value: string): string[] {
  const [pair = '', ...rest] = value.split(';');
  const eq = pair.indexOf('=');
  const name = eq === -1 ? '' : pair.slice(0, eq).trim();
  const problems: string[] = [];
  if (!TOKEN.test(name)) problems.push(`"${pair.trim()}" is not name=value with a token for the name`);
  else if (!COOKIE_VALUE.test(pair.slice(eq + 1).trim())) problems.push(`the value of ${name} has characters a cookie value cannot hold`);
  const attributes = new Map<string, string>();
  for (const part of rest) {
    const [key = '', ...v] = part.split('=');
    const attribute = key.trim().toLowerCase();
    if (!attribute) continue;
    if (!COOKIE_ATTRIBUTES.has(attribute)) problems.push(`"${key.trim()}" is not a cookie attribute`);
    attributes.set(attribute, v.join('=').trim());
  }
  const sameSite = attributes.get('samesite');
  if (sameSite !== undefined && !['strict', 'lax', 'none'].includes(sameSite.toLowerCase())) problems.push(`SameSite=${sameSite} is not Strict, Lax or None`);
  const secure = attributes.has('secure');
  if (sameSite?.toLowerCase() === 'none' && !secure) problems.push('SameSite=None without Secure: browsers drop the cookie');
  if (attributes.has('partitioned') && !secure) problems.push('Partitioned without Secure: browsers drop the cookie');
  if (name.startsWith('__Secure-') && !secure) problems.push('a __Secure- cookie without Secure: browsers drop it');
  if (name.startsWith('__Host-') && (!secure || attributes.has('domain') || attributes.get('path') !== '/'))
    problems.push('a __Host- cookie needs Secure and Path=/ and no Domain: browsers drop it');
  return problems;
}

/** "line N: problem" for each part of an ```http block that no server could send as written. */
export function httpSnippetProblems(code: string): string[] {
  const lines = code.split('\n');
  const blank = lines.findIndex((l) => l.trim() === '');
  const head = blank === -1 ? lines : lines.slice(0, blank);
  const problems: string[] = [];
  head.forEach((line, i) => {
    const at = `line ${i + 1}`;
    // The start line and the fields are read by the parsers Diagnose reads a pasted response with.
    if ((i === 0 && (parseStatusLine(line) || parseRequestLine(line))) || isOmissionLine(line)) return;
    const field = parseHeaderLine(line);
    if (!field) {
      problems.push(`${at}: "${line}" is neither a start line nor a "Name: value" header field`);
      return;
    }
    const [name, value] = field;
    const lower = name.toLowerCase();
    if (lower === 'www-authenticate' || lower === 'proxy-authenticate') for (const p of parseChallenges(value).problems) problems.push(`${at}: ${name}: ${p}`);
    if (lower === 'set-cookie') for (const p of setCookieProblems(value)) problems.push(`${at}: Set-Cookie: ${p}`);
  });
  return problems;
}
