/**
 * Set-Cookie checks (src/diagnose/cookies.ts) and WWW-Authenticate challenges
 * (src/diagnose/challenges.ts): the exact findings, messages and summary fields
 * a person sees, and the RFC boundaries the checks turn on.
 */
import { describe, expect, it, vi } from 'vitest';
import { defaultPath, domainMatches, MAX_COOKIE_BYTES, pathMatches } from '../../src/diagnose/cookies';
import { curlVerbose as verbose, response } from './lib/pastes';
import { find, ids, run } from './lib/findings';

/** `curl -i URL` and the response it printed: the URL (and its scheme) is known. */
const curl = (url: string, status: string, ...headers: string[]) =>
  [`$ curl -i ${url}`, `HTTP/1.1 ${status}`, ...headers].join('\n');
/** A 200 from https://app.example.com/account/settings that sets one cookie. */
const setCookie = (cookie: string, url = 'https://app.example.com/account/settings') =>
  curl(url, '200 OK', `Set-Cookie: ${cookie}`);

describe('cookie matching helpers (RFC 6265 section 5.1)', () => {
  it('path-matches a path equal to the cookie path, and not a sibling outside a Path ending in /', () => {
    expect(pathMatches('/admin', '/admin')).toBe(true);
    expect(pathMatches('/login', '/admin/')).toBe(false);
    expect(pathMatches('/admin/users', '/admin/')).toBe(true);
  });

  it('uses / as the default path for an empty or relative request path', () => {
    expect(defaultPath('')).toBe('/');
    expect(defaultPath('img/logo.png')).toBe('/');
    expect(defaultPath('/a/b/c')).toBe('/a/b');
  });

  it('never domain-matches an IPv4 address by suffix, but does match a hostname that starts with digits', () => {
    expect(domainMatches('192.168.1.20', '168.1.20')).toBe(false);
    expect(domainMatches('10.0.0.1.nip.io', 'nip.io')).toBe(true);
  });
});

describe('cookie Domain', () => {
  it('accepts Domain written without a leading dot when it covers the host', () => {
    expect(ids(setCookie('sid=1; Domain=example.com; Path=/; Secure'))).toEqual([]);
  });

  it('treats an empty Domain attribute as absent', () => {
    expect(ids(setCookie('sid=1; Domain=; Path=/; Secure'))).toEqual([]);
  });

  it('matches a nip.io-style hostname that begins with an IP address', () => {
    expect(ids(setCookie('sid=1; Domain=nip.io; Path=/; Secure', 'https://10.0.0.1.nip.io/'))).toEqual([]);
  });

  it('flags a Domain the host is not inside, saying which host set it', () => {
    const f = find(setCookie('sid=1; Domain=www.example.com; Path=/; Secure'), 'cookie-domain-mismatch');
    expect(f).toEqual({
      id: 'cookie-domain-mismatch',
      severity: 'problem',
      fixId: 'cookie-domain-mismatch',
      title: 'The cookie "sid" is for www.example.com, but app.example.com set it',
      detail:
        'Browsers drop a Set-Cookie whose Domain does not cover the host that sent it (RFC 6265 section 5.3), ' +
        'so this cookie is never stored and the next request arrives without it. Set it from a host inside that ' +
        'domain, or leave out Domain so it belongs to this host.',
      quote: 'Set-Cookie: sid=1; Domain=www.example.com; Path=/; Secure',
    });
  });

  it('flags a Domain set from an IP address, and names an IPv6 host without brackets', () => {
    expect(
      find(setCookie('sid=1; Domain=168.1.20; Path=/; Secure', 'https://192.168.1.20/'), 'cookie-domain-mismatch').title,
    ).toBe('The cookie "sid" is for 168.1.20, but 192.168.1.20 set it');
    expect(
      find(setCookie('sid=1; Domain=example.com; Path=/; Secure', 'https://[2001:db8::1]/'), 'cookie-domain-mismatch')
        .title,
    ).toBe('The cookie "sid" is for example.com, but 2001:db8::1 set it');
  });
});

describe('cookie Path', () => {
  it('accepts a Path equal to the request path', () => {
    expect(ids(setCookie('sid=1; Path=/account/settings; Secure'))).toEqual([]);
  });

  it('flags a Path that does not cover the URL that set it', () => {
    const f = find(setCookie('sid=1; Path=/admin; Secure'), 'cookie-path-mismatch');
    expect(f.severity).toBe('warning');
    expect(f.title).toBe('The cookie "sid" has Path=/admin, which does not cover /account/settings');
    expect(f.detail).toBe(
      'The browser stores it but only sends it to URLs under that path, so requests to this URL (and to other ' +
        'parts of the site) go without it. A session cookie normally needs Path=/.',
    );
  });

  it('flags a Path outside the request path even when the cookie Path ends in /', () => {
    expect(ids(setCookie('sid=1; Path=/admin/; Secure', 'https://app.example.com/login'))).toEqual([
      'cookie-path-mismatch',
    ]);
  });

  it('treats a Path that does not start with / as missing and falls back to the default path', () => {
    expect(ids(setCookie('sid=1; Path=account; Secure'))).toEqual(['cookie-default-path-narrow']);
  });

  it('explains the default path of a cookie set without Path below the site root', () => {
    const f = find(setCookie('sid=1; Secure'), 'cookie-default-path-narrow');
    expect(f.severity).toBe('info');
    expect(f.title).toBe('The cookie "sid" has no Path, so it only goes to /account/...');
    expect(f.detail).toBe(
      'Without Path the browser uses the directory of the URL that set it (RFC 6265 section 5.1.4), here /account. ' +
        'Pages outside it never receive the cookie. Add Path=/ to a session cookie.',
    );
  });

  it('says nothing about a missing Path when the URL is at the site root', () => {
    expect(ids(setCookie('sid=1; Secure', 'https://app.example.com/login'))).toEqual([]);
  });
});

describe('Secure and SameSite', () => {
  it('flags a Secure cookie set over plain http to a real host', () => {
    const f = find(setCookie('sid=1; Path=/; Secure', 'http://app.example.com/'), 'cookie-secure-over-http');
    expect(f.severity).toBe('problem');
    expect(f.title).toBe('The Secure cookie "sid" was set over plain http');
    expect(f.detail).toBe(
      'Browsers ignore Secure cookies set by an http:// page and never send them to one. Serve the site (and this ' +
        'response) over https, or check that a proxy in front is not talking plain http to the browser.',
    );
  });

  it.each(['http://localhost:3000/', 'http://127.0.0.1:8080/', 'http://app.localhost/'])(
    'allows a Secure cookie from the local development host %s',
    (url) => {
      expect(ids(setCookie('sid=1; Path=/; Secure', url))).toEqual([]);
    },
  );

  it('says nothing about a cookie without Secure over http, or a Secure cookie over https', () => {
    expect(ids(setCookie('theme=dark; Path=/', 'http://app.example.com/'))).toEqual([]);
    expect(ids(setCookie('sid=1; Path=/; Secure', 'https://app.example.com/'))).toEqual([]);
  });

  it('flags SameSite=None without Secure', () => {
    const f = find(setCookie('sid=1; Path=/; SameSite=None'), 'cookie-samesite-none-without-secure');
    expect(f.severity).toBe('problem');
    expect(f.title).toBe('The cookie "sid" has SameSite=None but not Secure');
    expect(f.detail).toBe(
      'Browsers reject SameSite=None cookies that are not also Secure, so this cookie is never stored. ' +
        'Add Secure (and serve over https).',
    );
  });

  it('accepts SameSite=None with Secure, and a non-Secure cookie with SameSite=Lax or none', () => {
    expect(ids(setCookie('sid=1; Path=/; Secure; SameSite=None'))).toEqual([]);
    expect(ids(setCookie('theme=dark; Path=/; SameSite=Lax'))).toEqual([]);
    expect(ids(setCookie('theme=dark; Path=/'))).toEqual([]);
  });
});

describe('cookie expiry', () => {
  const tail =
    ' is already in the past, which is how servers delete a cookie. Right for a sign-out; anywhere else ' +
    'the browser throws the session away at once. If the date is only slightly past, check the server clock.';

  it('treats Max-Age=0 as a deletion and quotes Max-Age even when Expires is also given', () => {
    const f = find(
      setCookie('sid=; Path=/; Secure; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT'),
      'cookie-already-expired',
    );
    expect(f.severity).toBe('warning');
    expect(f.title).toBe('The cookie "sid" is deleted as soon as it arrives');
    expect(f.detail).toBe(`Max-Age=0${tail}`);
  });

  it('treats an Expires equal to the current time as past and quotes the date', () => {
    const f = find(setCookie('sid=1; Path=/; Secure; Expires=Sun, 01 Jun 2025 12:00:00 GMT'), 'cookie-already-expired');
    expect(f.detail).toBe(`Expires Sun, 01 Jun 2025 12:00:00 GMT${tail}`);
    expect(ids(setCookie('sid=1; Path=/; Secure; Expires=Sun, 01 Jun 2025 12:00:01 GMT'))).toEqual([]);
    expect(ids(setCookie('sid=1; Path=/; Secure; Max-Age=1'))).toEqual([]);
  });
});

describe('cookie name prefixes', () => {
  const hostRule =
    'A __Host- cookie must be Secure, have Path=/ and no Domain attribute. ' +
    'Browsers silently refuse cookies that break the rules of their name prefix.';

  it('accepts a __Host- cookie that is Secure with Path=/ and no (or an empty) Domain', () => {
    expect(ids(setCookie('__Host-sid=1; Path=/; Secure'))).toEqual([]);
    expect(ids(setCookie('__Host-sid=1; Path=/; Secure; Domain='))).toEqual([]);
  });

  it.each([
    ['__Host-sid=1; Path=/', 'not Secure'],
    ['__Host-sid=1; Path=/app; Secure', 'a Path other than /'],
    ['__Host-sid=1; Path=/; Secure; Domain=app.example.com', 'a Domain'],
  ])('rejects %s (%s)', (cookie) => {
    const f = find(setCookie(cookie), 'cookie-prefix-violation');
    expect(f.severity).toBe('problem');
    expect(f.title).toBe('The browser will reject the cookie "__Host-sid"');
    expect(f.detail).toBe(hostRule);
  });

  it('requires Secure on a __Secure- cookie and accepts it with Secure', () => {
    const f = find(setCookie('__Secure-sid=1; Path=/'), 'cookie-prefix-violation');
    expect(f.title).toBe('The browser will reject the cookie "__Secure-sid"');
    expect(f.detail).toBe(
      'A __Secure- cookie must have the Secure attribute. Browsers silently refuse cookies that break the rules of their name prefix.',
    );
    expect(ids(setCookie('__Secure-sid=1; Path=/; Secure'))).toEqual([]);
  });
});

describe('cookie size', () => {
  it('allows exactly 4096 bytes of name plus value and flags one byte more', () => {
    expect(MAX_COOKIE_BYTES).toBe(4096);
    expect(ids(setCookie(`sid=${'x'.repeat(4093)}; Path=/; Secure`))).toEqual([]);
    const f = find(setCookie(`sid=${'x'.repeat(4094)}; Path=/; Secure`), 'cookie-too-large');
    expect(f.title).toBe('The cookie "sid" is too large (4097 bytes)');
    expect(f.detail).toBe(
      'Browsers ignore cookies above 4096 bytes (name plus value). Store the session on the server and keep only an id in the cookie.',
    );
  });

  it('counts the value as sent, without percent-decoding it', () => {
    // 4 + 4200 bytes on the wire; decoded it would be 1404 characters.
    expect(find(setCookie(`cart=${'%7B'.repeat(1400)}; Path=/; Secure`), 'cookie-too-large').title).toBe(
      'The cookie "cart" is too large (4204 bytes)',
    );
  });
});

describe('reading Set-Cookie lines', () => {
  it('reads one header line as one cookie, keeping a comma inside the value', () => {
    // Browsers do not split a Set-Cookie line on commas: the attributes belong to "prefs".
    expect(run(setCookie('prefs=a,b=c; Path=/; SameSite=None')).findings.map((f) => [f.id, f.title])).toEqual([
      ['cookie-samesite-none-without-secure', 'The cookie "prefs" has SameSite=None but not Secure'],
    ]);
  });

  it('does not write to the console about attributes it cannot parse', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const found = ids(setCookie('sid=%E0%A4%A; Path=/; Secure; Expires=someday; Max-Age=soon'));
      expect(found).toEqual([]);
      expect(error).not.toHaveBeenCalled();
      expect(warn).not.toHaveBeenCalled();
    } finally {
      error.mockRestore();
      warn.mockRestore();
    }
  });

  it('adds the "URL unknown" notice only when a Set-Cookie came without its URL', () => {
    expect(run(response('200 OK', 'Set-Cookie: sid=1; Path=/; Secure')).notices).toEqual([
      'Set-Cookie headers were found but not the URL that set them, so Domain, Path and Secure could not be checked. ' +
        'Include the request URL (curl -v shows it).',
    ]);
    expect(run(setCookie('sid=1; Path=/; Secure')).notices).toEqual([]);
    expect(run(response('200 OK', 'Content-Type: text/html')).notices).toEqual([]);
  });
});

describe('Bearer challenges', () => {
  const bearer = (params: string, status = '401 Unauthorized') =>
    response(status, `WWW-Authenticate: Bearer realm="api"${params}`);

  it('explains a Bearer challenge without error code when the request is not shown or sent no token', () => {
    const detail =
      'A Bearer challenge without an error code means the request had no token at all (RFC 6750 section 3.1). ' +
      'Send "Authorization: Bearer" followed by the access token on every request, and check no proxy strips it.';
    const f = find(bearer(''), 'bearer-no-error');
    expect(f.title).toBe('The server wants a Bearer token and saw none');
    expect(f.detail).toBe(detail);
    const noToken = verbose(['GET /x HTTP/1.1', 'Host: app.example.com'], '401 Unauthorized', [
      'WWW-Authenticate: Bearer realm="api"',
    ]);
    expect(find(noToken, 'bearer-no-error').detail).toBe(detail);
  });

  it('says the header may be dropped when the request did send Authorization', () => {
    const text = verbose(['GET /x HTTP/1.1', 'Host: app.example.com', 'Authorization: Bearer abc'], '401 Unauthorized', [
      'WWW-Authenticate: Bearer realm="api"',
    ]);
    const f = find(text, 'bearer-no-error');
    expect(f.title).toBe('The server wants a Bearer token and saw none');
    expect(f.detail).toBe(
      'The request did carry an Authorization header, yet the answer has no error code, which RFC 6750 section 3.1 ' +
        'reserves for requests without a token. Something between the client and the API (a proxy, the framework) ' +
        'may drop the header, or it is not "Authorization: Bearer" followed by a space and the token.',
    );
  });

  it('quotes the server description of an expired token', () => {
    const f = find(
      bearer(', error="invalid_token", error_description="Token expired at 12:00"'),
      'bearer-invalid-token-expired',
    );
    expect(f.title).toBe('The access token has expired');
    expect(f.detail).toBe(
      'Bearer error "invalid_token". The server says: "Token expired at 12:00". Get a new access token (refresh it) ' +
        'and retry once; if new tokens are rejected as expired right away, compare the clocks of the issuer and the API.',
    );
  });

  it('reads "not yet valid" alone (no nbf) as clock skew', () => {
    const f = find(
      bearer(', error="invalid_token", error_description="The token is not yet valid"'),
      'bearer-invalid-token-not-yet-valid',
    );
    expect(f.title).toBe('The token is not valid yet: the clocks disagree');
    expect(f.detail).toBe(
      'Bearer error "invalid_token". The server says: "The token is not yet valid". A fresh token that is "not yet valid" ' +
        "means the API's clock is behind the issuer's. Sync the server clock, or allow 30-60 seconds of leeway in the validator.",
    );
  });

  it('explains a plain invalid_token, with and without a description', () => {
    const f = find(bearer(', error="invalid_token"'), 'bearer-invalid-token');
    expect(f.title).toBe('The API rejected the token');
    expect(f.detail).toBe(
      'Bearer error "invalid_token": the token is expired, revoked, malformed or fails validation (RFC 6750 section 3.1). ' +
        'If it is not expired, compare its issuer (iss), audience (aud) and signing key (kid) with what the API expects.',
    );
    expect(find(bearer(', error="invalid_token", error_description="Invalid audience"'), 'bearer-invalid-token').detail).toBe(
      'Bearer error "invalid_token": the token is expired, revoked, malformed or fails validation (RFC 6750 section 3.1). ' +
        'The server says: "Invalid audience". ' +
        'If it is not expired, compare its issuer (iss), audience (aud) and signing key (kid) with what the API expects.',
    );
  });

  it('names the missing scope, or asks for the needed scopes when none is named', () => {
    const named = find(bearer(', error="insufficient_scope", scope="orders:write"', '403 Forbidden'), 'bearer-insufficient-scope');
    expect(named.detail).toBe(
      'The token is valid but was not granted the permission this request needs (RFC 6750 section 3.1). ' +
        'Request the scope "orders:write" when getting the token, and have it consented.',
    );
    const unnamed = find(bearer(', error="insufficient_scope"', '403 Forbidden'), 'bearer-insufficient-scope');
    expect(unnamed.title).toBe('The token lacks a required scope');
    expect(unnamed.detail).toBe(
      'The token is valid but was not granted the permission this request needs (RFC 6750 section 3.1). ' +
        'Request the needed scopes when getting the token.',
    );
  });

  it('explains invalid_request and quotes the description', () => {
    const f = find(
      bearer(', error="invalid_request", error_description="Token sent twice"', '400 Bad Request'),
      'bearer-invalid-request',
    );
    expect(f.title).toBe('The API found the request malformed (invalid_request)');
    expect(f.detail).toBe(
      'RFC 6750 uses invalid_request for a missing or duplicated token, or a token sent in more than one way ' +
        '(header and query string). The server says: "Token sent twice". Send the token once, in "Authorization: Bearer".',
    );
  });

  it('reports an error code outside RFC 6750 without a status mismatch', () => {
    const text = bearer(', error="use_dpop_nonce"');
    const f = find(text, 'bearer-unknown-error');
    expect(f.title).toBe('The API answered with the Bearer error "use_dpop_nonce"');
    expect(f.detail).toBe(
      "This is not one of the RFC 6750 codes (invalid_request, invalid_token, insufficient_scope), so its meaning is the API's own.",
    );
    expect(ids(text)).not.toContain('bearer-error-status-mismatch');
  });

  it('flags an RFC 6750 error on the wrong status only', () => {
    expect(ids(bearer(', error="invalid_token"'))).not.toContain('bearer-error-status-mismatch');
    const f = find(bearer(', error="invalid_token"', '403 Forbidden'), 'bearer-error-status-mismatch');
    expect(f.title).toBe('"invalid_token" should come with 401, not 403');
    expect(f.detail).toBe(
      'RFC 6750 section 3.1 pairs invalid_request with 400, invalid_token with 401 and insufficient_scope with 403. ' +
        'Clients refresh tokens on 401 only, so a wrong status can send them into a refresh loop or make them give up.',
    );
  });
});

describe('Basic and other challenges', () => {
  const basicDetail =
    'HTTP Basic authentication usually comes from the web server (an .htpasswd file with nginx auth_basic or Apache ' +
    "AuthType Basic), not from the application's own login. If the site should be public, a staging or folder " +
    'password was left on.';

  it('names the Basic realm in the title, or leaves it out', () => {
    const f = find(response('401 Unauthorized', 'WWW-Authenticate: Basic realm="staging"'), 'challenge-basic');
    expect(f.title).toBe('The server asks for a username and password (Basic, realm "staging")');
    expect(f.detail).toBe(basicDetail);
    expect(find(response('401 Unauthorized', 'WWW-Authenticate: Basic'), 'challenge-basic').title).toBe(
      'The server asks for a username and password (Basic)',
    );
  });

  it('says the password is wrong only when the request sent Basic credentials', () => {
    const sent = (authorization: string) =>
      verbose(['GET /x HTTP/1.1', 'Host: app.example.com', `Authorization: ${authorization}`], '401 Unauthorized', [
        'WWW-Authenticate: Basic realm="staging"',
      ]);
    expect(find(sent('Basic dXNlcjpwYXNz'), 'challenge-basic').detail).toBe(
      `${basicDetail} The request did send Basic credentials, so the username or password is wrong, or the server cannot read its password file.`,
    );
    expect(find(sent('Bearer abc'), 'challenge-basic').detail).toBe(basicDetail);
  });

  it('describes other schemes with their realm, and unknown ones as non-standard', () => {
    const digest = find(
      response('401 Unauthorized', 'WWW-Authenticate: Digest realm="api@example.com", nonce="abc", qop="auth"'),
      'challenge-other',
    );
    expect(digest.title).toBe('The server asks for Digest (realm "api@example.com") authentication');
    expect(digest.detail).toBe(
      'Digest is a username-and-password scheme like Basic, usually from a web server password file (htdigest).',
    );
    const custom = find(response('401 Unauthorized', 'WWW-Authenticate: ApiKey'), 'challenge-other');
    expect(custom.title).toBe('The server asks for ApiKey authentication');
    expect(custom.detail).toBe('"ApiKey" is not a standard scheme; the API\'s documentation says what it expects.');
  });

  it('reports a malformed header with the parser note, and not a well-formed one', () => {
    const f = find(response('401 Unauthorized', 'WWW-Authenticate: Bearer realm="unterminated'), 'challenge-malformed');
    expect(f.title).toBe('The WWW-Authenticate header is malformed');
    expect(f.detail).toBe(
      'A quoted value is missing its closing quote. Clients may ignore a challenge they cannot parse ' +
        '(RFC 9110 section 11.6.1 gives the syntax).',
    );
    expect(ids(response('401 Unauthorized', 'WWW-Authenticate: Bearer realm="api"'))).not.toContain(
      'challenge-malformed',
    );
  });
});

describe('challenge summary', () => {
  it('lists only the fields each challenge has', () => {
    const r = run(
      response(
        '401 Unauthorized',
        'WWW-Authenticate: Bearer realm="api", error="insufficient_scope", error_description="Needs orders", scope="orders:write"',
        'WWW-Authenticate: Negotiate YIIGhgYJKoZIhvcSAQICAQBugg',
        'WWW-Authenticate: Basic',
      ),
    );
    expect(r.summary.challenges).toStrictEqual([
      {
        scheme: 'Bearer',
        quote:
          'WWW-Authenticate: Bearer realm="api", error="insufficient_scope", error_description="Needs orders", scope="orders:write"',
        realm: 'api',
        error: 'insufficient_scope',
        errorDescription: 'Needs orders',
        scope: 'orders:write',
      },
      {
        scheme: 'Negotiate',
        quote: 'WWW-Authenticate: Negotiate YIIGhgYJKoZIhvcSAQICAQBugg',
        token68: 'YIIGhgYJKoZIhvcSAQICAQBugg',
      },
      { scheme: 'Basic', quote: 'WWW-Authenticate: Basic' },
    ]);
  });

  it('lists a challenge line repeated across retried requests once', () => {
    const attempt = verbose(['GET /a HTTP/1.1', 'Host: app.example.com'], '401 Unauthorized', [
      'WWW-Authenticate: Bearer realm="api"',
    ]);
    const r = run(`${attempt}\n${attempt}`);
    expect(r.summary.responseCount).toBe(2);
    expect(r.summary.challenges).toStrictEqual([
      { scheme: 'Bearer', quote: '< WWW-Authenticate: Bearer realm="api"', realm: 'api' },
    ]);
  });
});
