/**
 * Browser console lines. They carry the URL and status but never the headers,
 * so analyzers must not conclude anything from a header being absent here.
 */

export interface ConsoleError {
  readonly text: string;
  readonly lineNo: number;
  readonly url?: string;
  readonly origin?: string;
  readonly method?: string;
  readonly status?: number;
  readonly statusText?: string;
  readonly cors: boolean;
  readonly preflight: boolean;
}

// Chrome: "GET https://x/y 401 (Unauthorized)", "GET https://x/y net::ERR_FAILED 401";
// Firefox: "XHR GET https://x/y [HTTP/2 401 Unauthorized 35ms]". \S+ and \s+ never
// overlap, so a failed match gives back at most one URL's worth of characters.
const NETWORK =
  /(?:^|[^A-Za-z]|XHR|Fetch)(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(https?:\/\/\S+)\s+(?:net::[A-Z_]+\s+)?(?:\[HTTP\/[\d.]+\s+)?(\d{3})(?!\d)/;
const FAILED_TO_LOAD = /responded with a status of (\d{3})(?:\s*\(([^)]{0,60})\))?/;
const STATUS_CODE = /Status code: (\d{3})/; // Firefox and Safari end a CORS message with it.

function between(text: string, start: string, end: string): string | undefined {
  const i = text.indexOf(start);
  if (i < 0) return undefined;
  const from = i + start.length;
  const j = text.indexOf(end, from);
  const value = (j < 0 ? text.slice(from) : text.slice(from, j)).trim();
  return value === '' ? undefined : value;
}

function statusTextAfter(rest: string): string | undefined {
  const paren = /^\s*\(([^)]{0,60})\)/.exec(rest);
  if (paren?.[1]) return paren[1].trim();
  const words = /^\s+([A-Za-z][A-Za-z -]{0,40})/.exec(rest);
  // A reason phrase ends the line or the bracket, or comes before the timing ("[HTTP/2 401 Unauthorized 35ms]");
  // what runs on into "." or ":" is the console's source link ("401 app.js:12"), not a reason.
  const next = words ? rest[words[0].length] : undefined;
  if (next !== undefined && next !== ']' && !/\d/.test(next)) return undefined;
  // The class holds no digits, so trimming is all that is left to do.
  const text = words?.[1]?.trim();
  return text ? text : undefined;
}

// Every console shape below has a URL or one of these words; most lines of a paste have neither.
const MAYBE_CONSOLE = /:\/\/|blocked|responded with a status of|access-control-allow-origin|preflight response/i;
// Safari: "Origin https://app.example is not allowed by Access-Control-Allow-Origin. Status code: 401",
// "Fetch API cannot load https://api.example/me due to access control checks." and
// "Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true." and
// "Preflight response is not successful. Status code: 401".
const SAFARI_CORS = /not allowed by access-control-allow-origin|due to access control checks|cannot use wildcard in access-control-allow-origin|preflight response is not successful/;
const SAFARI_ORIGIN = /\bOrigin (\S+) is not allowed by/;

export function parseConsoleLine(text: string, lineNo: number): ConsoleError | undefined {
  if (!MAYBE_CONSOLE.test(text)) return undefined;
  const lower = text.toLowerCase();
  const preflight = lower.includes('preflight');

  /** A browser's CORS message, with what it names of the request. */
  const cors = (url?: string, origin?: string, status?: string): ConsoleError => ({
    text,
    lineNo,
    cors: true,
    preflight,
    ...(url && { url }),
    ...(origin && { origin }),
    ...(status && { status: Number(status) }),
  });
  if (lower.includes('blocked by cors policy')) return cors(between(text, " at '", "'"), between(text, "from origin '", "'"));
  if (lower.includes('cross-origin request blocked'))
    return cors(between(text, 'remote resource at ', ' ')?.replace(/[.,]$/, ''), undefined, STATUS_CODE.exec(text)?.[1]);
  if (SAFARI_CORS.test(lower))
    return cors(between(text, 'cannot load ', ' '), SAFARI_ORIGIN.exec(text)?.[1], STATUS_CODE.exec(text)?.[1]);
  const network = NETWORK.exec(text);
  if (network?.[1] && network[2] && network[3]) {
    const statusText = statusTextAfter(text.slice(network.index + network[0].length));
    return {
      text,
      lineNo,
      cors: false,
      preflight: network[1] === 'OPTIONS' || preflight,
      method: network[1],
      url: network[2],
      status: Number(network[3]),
      ...(statusText && { statusText }),
    };
  }
  const failed = FAILED_TO_LOAD.exec(text);
  if (failed?.[1]) {
    return {
      text,
      lineNo,
      cors: false,
      preflight,
      status: Number(failed[1]),
      ...(failed[2] && { statusText: failed[2].trim() }),
    };
  }
  return undefined;
}
