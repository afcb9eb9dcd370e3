/**
 * curl's two paste formats: a curl command (typed, or "Copy as cURL") and a curl -v
 * transcript. Exercises the command parser (shell words, options, URL) directly and
 * the transcript and continuation handling through parseInput.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { parseInput } from '../../src/diagnose';
import { continuesOnNextLine, parseCurlCommand, shellWords } from '../../src/diagnose/input-curl-command';

beforeEach(() => {
  expect.hasAssertions();
});

const BASIC_FROM_U = 'Basic (credentials given with curl -u)';

describe('shellWords', () => {
  it('splits on runs of spaces, tabs and newlines, with no empty words at either end', () => {
    expect(shellWords('  curl  -sS\t-v\nhttps://api.example.com/v1/me  ')).toEqual([
      'curl',
      '-sS',
      '-v',
      'https://api.example.com/v1/me',
    ]);
    expect(shellWords('curl\t-I')).toEqual(['curl', '-I']);
    expect(shellWords('curl\n-I')).toEqual(['curl', '-I']);
    expect(shellWords('')).toEqual([]);
    expect(shellWords('   ')).toEqual([]);
  });

  it('keeps "$" that does not open an ANSI-C string as an ordinary character', () => {
    expect(shellWords('curl -H "X-Price: $5" $TOKEN')).toEqual(['curl', '-H', 'X-Price: $5', '$TOKEN']);
  });

  it('reads an unterminated single-quoted word to the end of the paste', () => {
    expect(shellWords("curl -H 'Authorization: Bearer abc")).toEqual(['curl', '-H', 'Authorization: Bearer abc']);
  });

  it("decodes $'...' strings: \\n, \\t, \\r and any other escaped character as itself", () => {
    expect(shellWords("curl --data-raw $'a\\tb\\r\\nc\\'d\\x' next")).toEqual([
      'curl',
      '--data-raw',
      "a\tb\r\nc'dx",
      'next',
    ]);
    expect(shellWords("curl $'abc")).toEqual(['curl', 'abc']);
    // A backslash as the last character of a truncated paste is kept.
    expect(shellWords("curl $'ab\\")).toEqual(['curl', 'ab\\']);
  });

  it('in double quotes unescapes only " \\ $ and `, and stops at the closing quote', () => {
    expect(shellWords('curl -H "X-Path: C:\\dir\\"x\\" \\$HOME \\`id\\`" after')).toEqual([
      'curl',
      '-H',
      'X-Path: C:\\dir"x" $HOME `id`',
      'after',
    ]);
    expect(shellWords('curl "abc')).toEqual(['curl', 'abc']);
    expect(shellWords('curl "ab\\')).toEqual(['curl', 'ab\\']);
  });

  it('outside quotes: a backslash escapes the next character, a backslash-newline joins lines', () => {
    expect(shellWords("curl --data \\' https://a.example/")).toEqual(['curl', '--data', "'", 'https://a.example/']);
    expect(shellWords('curl -v \\\nhttps://a.example/')).toEqual(['curl', '-v', 'https://a.example/']);
    expect(shellWords('curl \\\n  -v')).toEqual(['curl', '-v']);
    expect(shellWords('curl -v \\')).toEqual(['curl', '-v', '\\']);
  });
});

describe('continuesOnNextLine', () => {
  it('is true only for a backslash at the end of the line, even with trailing spaces', () => {
    expect(continuesOnNextLine("curl 'https://api.example.com/v1/me' \\")).toBe(true);
    expect(continuesOnNextLine("  -H 'accept: */*' \\  ")).toBe(true);
    expect(continuesOnNextLine("  -H 'X-Domain-User: CORP\\alice'")).toBe(false);
  });
});

describe('parseCurlCommand: method', () => {
  it('defaults to GET, to POST with a body, to HEAD with -I or --head', () => {
    expect(parseCurlCommand('curl https://api.example.com/v1/me').method).toBe('GET');
    expect(parseCurlCommand("curl -H 'Accept: application/json' -o me.json https://api.example.com/v1/me").method).toBe(
      'GET',
    );
    expect(parseCurlCommand('curl --data-urlencode q=a https://api.example.com/search').method).toBe('POST');
    expect(parseCurlCommand('curl -F file=@a.png https://api.example.com/upload').method).toBe('POST');
    expect(parseCurlCommand('curl -I https://api.example.com/v1/me').method).toBe('HEAD');
    expect(parseCurlCommand('curl --head https://api.example.com/v1/me').method).toBe('HEAD');
  });

  it('takes -X, --request and -XMETHOD, upper-cased, over the default', () => {
    expect(parseCurlCommand('curl -X put https://api.example.com/v1/me -d a=1').method).toBe('PUT');
    expect(parseCurlCommand('curl --request DELETE https://api.example.com/v1/me').method).toBe('DELETE');
    expect(parseCurlCommand('curl -Xpatch https://api.example.com/v1/me').method).toBe('PATCH');
    expect(parseCurlCommand('curl -XPOST -I https://api.example.com/v1/me').method).toBe('POST');
  });

  it('reads a group of short flags as curl does: -sSLX POST, -sI, -sXPUT', () => {
    expect(parseCurlCommand('curl -sSLX POST https://api.example.com/v1/me').method).toBe('POST');
    expect(parseCurlCommand('curl -sSLX POST https://api.example.com/v1/me').url).toBe('https://api.example.com/v1/me');
    expect(parseCurlCommand('curl -sI https://api.example.com/v1/me').method).toBe('HEAD');
    expect(parseCurlCommand('curl -sXPUT https://api.example.com/v1/me').method).toBe('PUT');
    expect(parseCurlCommand("curl -sH 'Authorization: Bearer abc' https://api.example.com/v1/me").headers).toEqual([
      ['Authorization', 'Bearer abc', 'Authorization: Bearer abc'],
    ]);
  });

  it('sends -G data as a GET query, and -T uploads with PUT', () => {
    expect(parseCurlCommand('curl -G -d q=1 https://api.example.com/search').method).toBe('GET');
    expect(parseCurlCommand('curl --get --data-urlencode q=a https://api.example.com/search').method).toBe('GET');
    expect(parseCurlCommand('curl -T report.pdf https://api.example.com/files/').method).toBe('PUT');
    expect(parseCurlCommand('curl --upload-file report.pdf https://api.example.com/files/').method).toBe('PUT');
    expect(parseCurlCommand('curl -X POST -T report.pdf https://api.example.com/files/').method).toBe('POST');
  });
});

describe('parseCurlCommand: options that take a file or a number are not the URL', () => {
  it.each([
    ['-D', 'headers.txt'],
    ['--dump-header', 'headers.txt'],
    ['--trace-ascii', 'trace.log'],
    ['--trace', 'trace.bin'],
    ['--stderr', 'err.txt'],
    ['--netrc-file', 'my.netrc'],
    ['--unix-socket', 'docker.sock'],
    ['--max-redirs', '5'],
  ])('%s %s', (option, value) => {
    expect(parseCurlCommand(`curl ${option} ${value} https://api.example.com/v1/me`).url).toBe('https://api.example.com/v1/me');
  });
});

describe('parseCurlCommand: headers', () => {
  it('reads -H and --header, trimming the name and value', () => {
    expect(
      parseCurlCommand("curl --header ' Authorization : Bearer t ' -H 'X-Api-Key:k' https://a.example/").headers,
    ).toEqual([
      ['Authorization', 'Bearer t', ' Authorization : Bearer t '],
      ['X-Api-Key', 'k', 'X-Api-Key:k'],
    ]);
  });

  it('skips -H arguments that are not "Name: value" with a valid header name', () => {
    expect(
      parseCurlCommand("curl -H 'X-Debug' -H 'Content Type: application/json' -H ': x' https://a.example/").headers,
    ).toEqual([]);
  });

  it('turns -u and --user into a Basic Authorization header without quoting the credentials', () => {
    expect(parseCurlCommand('curl -u bob:secret https://a.example/').headers).toEqual([
      ['Authorization', BASIC_FROM_U, '-u …'],
    ]);
    expect(parseCurlCommand('curl --user bob:secret https://a.example/').headers).toEqual([
      ['Authorization', BASIC_FROM_U, '--user …'],
    ]);
  });

  it('turns --oauth2-bearer into a Bearer Authorization header', () => {
    expect(parseCurlCommand('curl --oauth2-bearer tok123 https://a.example/').headers).toEqual([
      ['Authorization', 'Bearer tok123', '--oauth2-bearer tok123'],
    ]);
  });

  it('turns -b and --cookie with name=value into a Cookie header, but not a cookie file', () => {
    expect(parseCurlCommand('curl -b sid=abc https://a.example/').headers).toEqual([['Cookie', 'sid=abc', '-b sid=abc']]);
    expect(parseCurlCommand("curl --cookie 'sid=abc; theme=dark' https://a.example/").headers).toEqual([
      ['Cookie', 'sid=abc; theme=dark', '--cookie sid=abc; theme=dark'],
    ]);
    expect(parseCurlCommand('curl -b cookies.txt https://a.example/').headers).toEqual([]);
  });

  it('adds no header for other options whose value has "="', () => {
    expect(parseCurlCommand('curl -d user=bob --data-raw a=1 https://a.example/login').headers).toEqual([]);
  });
});

describe('parseCurlCommand: URL', () => {
  it('keeps http(s) URLs as written and omits url when there is none', () => {
    expect(parseCurlCommand("curl 'HTTPS://api.example.com/v1/me' -v")).toStrictEqual({
      headers: [],
      method: 'GET',
      url: 'HTTPS://api.example.com/v1/me',
    });
    expect(parseCurlCommand('curl -v')).toStrictEqual({ headers: [], method: 'GET' });
  });

  it('assumes http:// for a bare host, as curl does', () => {
    expect(parseCurlCommand('curl api.example.com').url).toBe('http://api.example.com');
    expect(parseCurlCommand('curl localhost:8080/api/me').url).toBe('http://localhost:8080/api/me');
    expect(parseCurlCommand('curl localhost/api/me').url).toBe('http://localhost/api/me');
    expect(parseCurlCommand('curl api.example.com/login?next=https://b.example/').url).toBe(
      'http://api.example.com/login?next=https://b.example/',
    );
  });

  it('does not take option values or other bare words for the URL', () => {
    expect(parseCurlCommand('curl --unix-socket /var/run/docker.sock http://localhost/v1.43/containers/json').url).toBe(
      'http://localhost/v1.43/containers/json',
    );
    expect(parseCurlCommand('curl --max-redirs 5 https://api.example.com/v1/me').url).toBe('https://api.example.com/v1/me');
    expect(parseCurlCommand('curl --tlsv1.2 https://api.example.com/v1/me').url).toBe('https://api.example.com/v1/me');
    expect(parseCurlCommand('curl -o me.json https://api.example.com/v1/me').url).toBe('https://api.example.com/v1/me');
    expect(parseCurlCommand('curl intranet/api').url).toBeUndefined();
  });

  it('keeps the first URL: later URLs, --url, options and their values do not replace it', () => {
    expect(parseCurlCommand('curl https://a.example/one https://b.example/two').url).toBe('https://a.example/one');
    expect(parseCurlCommand('curl https://a.example/x -o out.json -d a=1 -v').url).toBe('https://a.example/x');
    expect(parseCurlCommand('curl https://a.example/one --url https://b.example/two').url).toBe('https://a.example/one');
    expect(parseCurlCommand('curl --url api.example.com/v1/me --url https://b.example/').url).toBe(
      'http://api.example.com/v1/me',
    );
  });

  it('reads only the words after curl (or curl.exe)', () => {
    expect(parseCurlCommand('sudo -u www-data curl https://a.example/')).toStrictEqual({
      headers: [],
      method: 'GET',
      url: 'https://a.example/',
    });
    expect(parseCurlCommand('ssh bastion.example.com curl http://localhost:8080/health').url).toBe(
      'http://localhost:8080/health',
    );
    expect(parseCurlCommand('curl.exe -X POST https://a.example/login').method).toBe('POST');
  });
});

describe('parseInput: curl commands over several lines', () => {
  it('quotes the first line, end-trimmed, with its line number', () => {
    const parsed = parseInput('\n\ncurl https://api.example.com/v1/me   \n');
    expect(parsed.requestLine).toEqual({ text: 'curl https://api.example.com/v1/me', lineNo: 3 });
    expect(parsed.requestUrl).toBe('https://api.example.com/v1/me');
    expect(parsed.method).toBe('GET');
  });

  it('reads the curl -i output after a one-line command as the response', () => {
    const parsed = parseInput(
      '$ curl -i https://api.example.com/v1/me\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="api"\n',
    );
    expect(parsed.requestUrl).toBe('https://api.example.com/v1/me');
    expect(parsed.responses.map((r) => [r.status, r.headers.map((h) => h[0])])).toEqual([[401, ['WWW-Authenticate']]]);
  });

  it('removes only the continuation backslash, not one inside a value', () => {
    const parsed = parseInput("curl https://api.example.com/v1/me \\\n  -H 'X-Domain-User: CORP\\alice'");
    expect(parsed.requestHeaders).toEqual([
      ['X-Domain-User', 'CORP\\alice', "  -H 'X-Domain-User: CORP\\alice'", 2],
    ]);
  });

  it('treats a continuation as a word break even without a space before the backslash', () => {
    const parsed = parseInput("curl https://api.example.com/v1/me\\\n-H 'Authorization: Bearer abc'");
    expect(parsed.requestUrl).toBe('https://api.example.com/v1/me');
    expect(parsed.requestHeaders).toEqual([['Authorization', 'Bearer abc', "-H 'Authorization: Bearer abc'", 2]]);
  });

  it('joins at most 200 physical lines into one command', () => {
    const lines = ['curl https://api.example.com/v1/me \\'];
    for (let k = 1; k <= 249; k++) lines.push(`  -H 'X-H${k}: ${k}' \\`);
    lines.push("  -H 'X-Last: 1'");
    const parsed = parseInput(lines.join('\n'));
    expect(parsed.requestHeaders).toHaveLength(199);
    expect(parsed.requestHeaders[198]).toEqual(['X-H199', '199', "  -H 'X-H199: 199' \\", 200]);
  });

  it('keeps the first command when a paste holds two', () => {
    const parsed = parseInput("curl -X POST https://a.example/one\ncurl -H 'X-Api-Key: k' https://b.example/two");
    expect(parsed.requestUrl).toBe('https://a.example/one');
    expect(parsed.method).toBe('POST');
    expect(parsed.requestHeaders).toEqual([]);
    expect(parsed.requestLine).toEqual({ text: 'curl -X POST https://a.example/one', lineNo: 1 });
  });
});

describe('parseInput: curl -v transcripts', () => {
  const request = '> GET /v1/me HTTP/1.1\n> Host: api.example.com\n> Authorization: Bearer abc\n>';
  const response = '< HTTP/1.1 401 Unauthorized\n< WWW-Authenticate: Bearer\n<';
  /** The URL curl -v notes let us rebuild, and whether its scheme was a guess. */
  const urlAfter = (...notes: string[]) => {
    const parsed = parseInput(
      [...notes, request, response, '* Connection #0 to host api.example.com left intact'].join('\n'),
    );
    return [parsed.requestUrl, parsed.requestUrlSchemeAssumed];
  };

  it('names the format curl-verbose from the sent half or the received half alone', () => {
    expect(parseInput(request).format).toBe('curl-verbose');
    expect(parseInput(response).format).toBe('curl-verbose');
  });

  it('ends the request block at ">": a header line after it starts the response', () => {
    const parsed = parseInput(`${request}\nWWW-Authenticate: Bearer error="invalid_token"`);
    expect(parsed.requestHeaders.map((h) => h[0])).toEqual(['Host', 'Authorization']);
    expect(parsed.responses.map((r) => [r.requestMethod, r.headers.map((h) => h[0])])).toEqual([
      ['GET', ['WWW-Authenticate']],
    ]);
  });

  it('reads the lines after "<" as the body, even when they look like headers', () => {
    const parsed = parseInput(`${response}\nUnauthorized: token expired`);
    expect(parsed.responses[0]?.headers.map((h) => h[0])).toEqual(['WWW-Authenticate']);
    expect(parsed.responses[0]?.body).toEqual([{ text: 'Unauthorized: token expired', lineNo: 4 }]);
  });

  it('takes the scheme from the port in "Trying" and "Connected to" notes', () => {
    expect(urlAfter('*   Trying 203.0.113.5:80...')).toEqual(['http://api.example.com/v1/me', false]);
    expect(urlAfter('* Connected to api.example.com (203.0.113.5) port 80')).toEqual([
      'http://api.example.com/v1/me',
      false,
    ]);
    expect(urlAfter('* Connected to api.example.com (203.0.113.5) port 443')).toEqual([
      'https://api.example.com/v1/me',
      false,
    ]);
    expect(urlAfter('*   Trying 203.0.113.5:443...', '* Connected to api.example.com (203.0.113.5) port 8080')).toEqual(
      ['https://api.example.com/v1/me', true],
    );
  });

  it('takes https from TLS notes, not from an HTTP/1.x one', () => {
    expect(urlAfter('*   Trying 203.0.113.5:8443...', '*  SSL certificate verify ok.')).toEqual([
      'https://api.example.com/v1/me',
      false,
    ]);
    expect(urlAfter('*   Trying 203.0.113.5:8080...', '* using HTTP/1.x')).toEqual([
      'https://api.example.com/v1/me',
      true,
    ]);
  });
});
