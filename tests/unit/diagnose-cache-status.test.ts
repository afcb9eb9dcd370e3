/**
 * Caching rules (src/diagnose/cache.ts), status rules (src/diagnose/status.ts) and the
 * analyzer's summary, de-duplication and cap (src/diagnose/analyze.ts), pinned through analyze().
 */
import { describe, expect, it } from "vitest";
import { MAX_FINDINGS } from "../../src/diagnose";
import { find, ids, run } from "./lib/findings";

const cacheIds = (text: string) =>
  ids(text).filter((id) => id.startsWith("cache-"));
/** A pasted raw response: status line, headers, then an optional body after a blank line. */
const response = (status: string, headers: string[], body: string[] = []) =>
  [
    `HTTP/1.1 ${status}`,
    ...headers,
    ...(body.length > 0 ? ["", ...body] : []),
  ].join("\n");
/** A 401 that names its scheme, so only the caching headers under test vary. */
const res401 = (...headers: string[]) =>
  response("401 Unauthorized", [
    'WWW-Authenticate: Basic realm="app"',
    ...headers,
  ]);
/** curl -v transcript of one https request and its response. */
const exchange = (request: string[], status: string, headers: string[]) =>
  [
    "* Connected to app.example.com (192.0.2.1) port 443",
    "> GET /me HTTP/1.1",
    "> Host: app.example.com",
    ...request.map((l) => `> ${l}`),
    ">",
    `< HTTP/1.1 ${status}`,
    ...headers.map((h) => `< ${h}`),
    "<",
  ].join("\n");
const DATE = "Date: Sun, 01 Jun 2025 12:00:00 GMT";

describe("cache: reading Cache-Control", () => {
  it("reads directive names case-insensitively and with spaces around them", () => {
    expect(cacheIds(res401("Cache-Control: S-Maxage=300"))).toContain(
      "cache-stores-401",
    );
    expect(cacheIds(res401("Cache-Control: no-cache, s-maxage=300"))).toContain(
      "cache-stores-401",
    );
    expect(
      cacheIds(res401("Cache-Control: s-maxage=300 , must-revalidate")),
    ).toContain("cache-stores-401");
  });

  it("accepts a quoted delta-seconds value", () => {
    expect(cacheIds(res401('Cache-Control: s-maxage="300"'))).toContain(
      "cache-stores-401",
    );
  });

  it("keeps the first of a repeated directive, across Cache-Control lines", () => {
    expect(
      cacheIds(
        res401("Cache-Control: max-age=600", "Cache-Control: max-age=0"),
      ),
    ).toContain("cache-stores-401");
    expect(
      cacheIds(
        res401("Cache-Control: max-age=0", "Cache-Control: max-age=600"),
      ),
    ).toEqual([]);
  });

  it("does not count a non-integer max-age as freshness", () => {
    // delta-seconds is digits only (RFC 9111 section 1.2.2); "1.5" is invalid, so the 401 stays unstored.
    expect(cacheIds(res401("Cache-Control: s-maxage=1.5"))).toEqual([]);
    expect(cacheIds(res401("Cache-Control: max-age=1.5"))).toEqual([]);
  });
});

describe("cache: when a shared cache may store a 401", () => {
  it.each([
    ["Cache-Control: no-store, max-age=600"],
    ["Cache-Control: private, max-age=600"],
    ["Cache-Control: max-age=0"],
    ["Cache-Control: s-maxage=0"],
  ])("%s keeps the 401 out of shared caches", (cc) => {
    expect(cacheIds(res401(cc))).toEqual([]);
  });

  it('treats "public" alone as permission to store', () => {
    expect(cacheIds(res401("Cache-Control: public"))).toEqual([
      "cache-stores-401",
      "cache-vary-missing",
    ]);
  });

  it("lets max-age=0 or s-maxage=0 override a later Expires", () => {
    const expires = "Expires: Sun, 01 Jun 2025 13:00:00 GMT";
    expect(cacheIds(res401("Cache-Control: max-age=0", DATE, expires))).toEqual(
      [],
    );
    expect(
      cacheIds(res401("Cache-Control: s-maxage=0", DATE, expires)),
    ).toEqual([]);
  });

  it("counts Expires only when it is a valid date later than Date", () => {
    expect(
      cacheIds(res401(DATE, "Expires: Sun, 01 Jun 2025 13:00:00 GMT")),
    ).toContain("cache-stores-401");
    // Same instant as Date: already stale.
    expect(
      cacheIds(res401(DATE, "Expires: Sun, 01 Jun 2025 12:00:00 GMT")),
    ).toEqual([]);
    expect(
      cacheIds(res401(DATE, "Expires: Sun, 01 Jun 2025 11:00:00 GMT")),
    ).toEqual([]);
    // "Expires: -1" is the classic "already expired" value.
    expect(cacheIds(res401(DATE, "Expires: -1"))).toEqual([]);
    // Without Date there is nothing to compare against.
    expect(cacheIds(res401("Expires: Sun, 01 Jun 2025 13:00:00 GMT"))).toEqual(
      [],
    );
  });

  it("explains a stored 401 quoting the Cache-Control line", () => {
    const f = find(res401("Cache-Control: s-maxage=300"), "cache-stores-401");
    expect(f).toEqual({
      id: "cache-stores-401",
      severity: "problem",
      fixId: "cached-401-response",
      title: "Caches are allowed to store this 401",
      detail:
        '"Cache-Control: s-maxage=300" let a CDN or proxy keep the 401 and serve it to later requests, even ones ' +
        'with valid credentials. Send "Cache-Control: no-store" on 401 responses.',
      quote: "Cache-Control: s-maxage=300",
    });
  });

  it("quotes Expires when that is what makes the 401 storable", () => {
    const f = find(
      res401(DATE, "Expires: Sun, 01 Jun 2025 13:00:00 GMT"),
      "cache-stores-401",
    );
    expect(f.detail).toMatch(
      /^"Expires: Sun, 01 Jun 2025 13:00:00 GMT" let a CDN or proxy keep the 401/,
    );
    expect(f.quote).toBe("Expires: Sun, 01 Jun 2025 13:00:00 GMT");
  });

  it("does not report a cacheable anonymous 200 at all", () => {
    const text = exchange([], "200 OK", [
      "Cache-Control: public, max-age=600",
      "X-Cache: Hit from cloudfront",
      "Age: 30",
    ]);
    expect(cacheIds(text)).toEqual([]);
  });
});

describe("cache: a 401 answered by a cache", () => {
  it.each([
    ["cf-cache-status: HIT"],
    ["CF-Cache-Status: stale"],
    ["X-Cache: Hit from cloudfront"],
    ["X-Cache-Status: HIT"],
    ["X-Proxy-Cache: HIT"],
    ["X-Cache-Lookup: HIT from squid.example:3128"],
    // Fastly with shielding lists one result per layer: a hit at the shield is still a cached answer.
    ["X-Cache: HIT, MISS"],
    ["X-Cache: MISS, HIT"],
    ["Age: 120"],
  ])("%s marks the 401 as served from a cache", (header) => {
    expect(find(res401(header), "cache-hit-401").quote).toBe(header);
  });

  it.each([
    ["cf-cache-status: DYNAMIC"],
    ["X-Cache-Status: BYPASS"],
    ["X-Cache: Miss from cloudfront"],
    ["X-Cache: MISS, MISS"],
    ["X-Cache: HIT-MISS"],
    ["Age: 0"],
    // Only cache-status headers count: other values that happen to contain "hit" or a number do not.
    ["Set-Cookie: theme=white; Path=/"],
    ["Content-Length: 12"],
  ])("%s is not a cache hit", (header) => {
    expect(ids(res401(header))).not.toContain("cache-hit-401");
  });

  it("prefers a named cache status over Age", () => {
    expect(
      find(res401("Age: 30", "X-Cache: Hit from cloudfront"), "cache-hit-401")
        .quote,
    ).toBe("X-Cache: Hit from cloudfront");
  });

  it("explains the hit with the header that shows it", () => {
    const f = find(res401("cf-cache-status: HIT"), "cache-hit-401");
    expect(f.title).toBe("This 401 was served from a cache");
    expect(f.detail).toBe(
      '"cf-cache-status: HIT" means a cache answered, not the application. Everyone requesting this URL may get ' +
        "the same 401 until it expires: purge it, and stop caching 401s and signed-in routes.",
    );
  });
});

describe("cache: signed-in responses in shared caches", () => {
  const cc = (value: string) => `Cache-Control: ${value}`;

  it("flags a response that sets a cookie and may be stored", () => {
    const f = find(
      response("200 OK", [
        "Set-Cookie: sid=abc; Secure; HttpOnly",
        cc("public, max-age=600"),
      ]),
      "cache-stores-authenticated",
    );
    expect(f).toEqual({
      id: "cache-stores-authenticated",
      severity: "warning",
      fixId: "cached-401-response",
      title: "A signed-in response may be stored by shared caches",
      detail:
        'The response sets a cookie, but "Cache-Control: public, max-age=600" let a CDN keep it and hand it ' +
        '(cookies included) to other visitors. Use "Cache-Control: private" or "no-store" on signed-in responses.',
      quote: "Cache-Control: public, max-age=600",
    });
  });

  it("names the credential the request carried", () => {
    const cookie = find(
      exchange(["Cookie: sid=1"], "200 OK", [cc("max-age=300")]),
      "cache-stores-authenticated",
    );
    expect(cookie.detail).toMatch(
      /^The request carried a Cookie, but "Cache-Control: max-age=300" let a CDN keep it/,
    );
    const auth = find(
      exchange(["Authorization: Bearer x"], "200 OK", [
        cc("public, max-age=300"),
      ]),
      "cache-stores-authenticated",
    );
    expect(auth.detail).toMatch(
      /^The request carried Authorization, but "Cache-Control: public, max-age=300" let/,
    );
  });

  it('says "its caching headers" and quotes Expires when there is no Cache-Control', () => {
    const f = find(
      exchange(["Cookie: sid=1"], "200 OK", [
        DATE,
        "Expires: Sun, 01 Jun 2025 13:00:00 GMT",
      ]),
      "cache-stores-authenticated",
    );
    expect(f.detail).toMatch(
      /^The request carried a Cookie, but its caching headers let a CDN keep it and hand it /,
    );
    expect(f.quote).toBe("< Expires: Sun, 01 Jun 2025 13:00:00 GMT");
  });

  it.each([
    ["public, max-age=300"],
    ["s-maxage=300"],
    ["max-age=300, must-revalidate"],
  ])(
    "stores an Authorization response when told so explicitly: %s",
    (value) => {
      expect(
        cacheIds(exchange(["Authorization: Bearer x"], "200 OK", [cc(value)])),
      ).toContain("cache-stores-authenticated");
    },
  );

  it("stores an Authorization response that also sets a cookie on max-age alone", () => {
    const text = exchange(["Authorization: Bearer x"], "200 OK", [
      cc("max-age=300"),
      "Set-Cookie: sid=2; Secure",
    ]);
    expect(cacheIds(text)).toContain("cache-stores-authenticated");
  });

  it("ignores requests without credentials", () => {
    expect(
      cacheIds(
        exchange(["Accept: text/html"], "200 OK", [cc("public, max-age=600")]),
      ),
    ).toEqual([]);
  });

  it("only looks at successful responses (below 300)", () => {
    const cookieAt = (status: string) =>
      response(status, [
        "Set-Cookie: sid=abc; Secure",
        cc("public, max-age=600"),
      ]);
    expect(cacheIds(cookieAt("300 Multiple Choices"))).not.toContain(
      "cache-stores-authenticated",
    );
    expect(cacheIds(cookieAt("302 Found"))).not.toContain(
      "cache-stores-authenticated",
    );
    // A cookie-setting 401 is a stored 401, not a stored signed-in page.
    expect(
      cacheIds(
        response("401 Unauthorized", [
          "WWW-Authenticate: Basic",
          "Set-Cookie: sid=; Max-Age=0",
          cc("public, max-age=600"),
        ]),
      ),
    ).toEqual(["cache-stores-401", "cache-vary-missing"]);
  });
});

describe("cache: Vary on credential-dependent responses", () => {
  it.each([
    ["Vary: *"],
    ["Vary: Authorization"],
    ["Vary: Accept-Encoding, Cookie"],
  ])("%s keys the cache on credentials", (vary) => {
    expect(cacheIds(res401("Cache-Control: s-maxage=300", vary))).toEqual([
      "cache-stores-401",
    ]);
  });

  it("flags a missing Vary on a cacheable response to a Cookie request", () => {
    expect(
      cacheIds(
        exchange(["Cookie: sid=1"], "200 OK", ["Cache-Control: max-age=300"]),
      ),
    ).toEqual(["cache-stores-authenticated", "cache-vary-missing"]);
  });

  it("explains the missing Vary and quotes the Vary line that lacks credentials", () => {
    const f = find(
      res401("Cache-Control: s-maxage=300", "Vary: Accept-Encoding"),
      "cache-vary-missing",
    );
    expect(f).toEqual({
      id: "cache-vary-missing",
      severity: "warning",
      fixId: "cached-401-response",
      title: "Caching is on, but the cache key ignores credentials",
      detail:
        "The response depends on who is asking, yet Vary names neither Authorization nor Cookie, so a cache can give " +
        "one person's response (or a 401) to everyone. Best: do not cache these responses at all; at least add " +
        '"Vary: Authorization, Cookie".',
      quote: "Vary: Accept-Encoding",
    });
  });

  it("quotes Cache-Control, else the cache-hit header, when there is no Vary", () => {
    expect(
      find(res401("Cache-Control: s-maxage=300"), "cache-vary-missing").quote,
    ).toBe("Cache-Control: s-maxage=300");
    expect(find(res401("Age: 60"), "cache-vary-missing").quote).toBe("Age: 60");
  });
});

describe("status", () => {
  it("describes a 401", () => {
    const f = find(res401(), "status-401");
    expect(f.title).toBe("401 Unauthorized: the request was not authenticated");
    expect(f.detail).toBe(
      "The server did not get credentials, or did not accept the ones it got. The other findings say which, " +
        "and which part of the path (app, proxy, CDN) answered.",
    );
    expect(f.quote).toBe("HTTP/1.1 401 Unauthorized");
  });

  it("explains why a 403 is not fixed by signing in", () => {
    expect(
      find(response("403 Forbidden", ["Content-Type: text/html"]), "status-403")
        .detail,
    ).toBe(
      "403 means the server understood the request and refuses it anyway: a missing permission or role, an IP rule, " +
        "or a firewall. Signing in again rarely changes a 403 (RFC 9110 section 15.5.4); ask for access instead.",
    );
  });

  it("explains a 407 without Proxy-Authenticate", () => {
    const f = find(
      response("407 Proxy Authentication Required", ["Content-Length: 0"]),
      "status-407",
    );
    expect(f.title).toBe(
      "407 Proxy Authentication Required: a proxy wants its own sign-in",
    );
    expect(f.detail).toBe(
      "A proxy between this client and the site (usually a company proxy) refused to forward the request until " +
        "the client authenticates to the proxy itself. The site's own login is not involved: set the proxy " +
        "credentials in the system, browser or tool (HTTPS_PROXY, --proxy-user).",
    );
  });

  it("names each proxy scheme once", () => {
    const f = find(
      response("407 Proxy Authentication Required", [
        "Proxy-Authenticate: Negotiate",
        'Proxy-Authenticate: Basic realm="corp"',
        "Proxy-Authenticate: Negotiate",
      ]),
      "status-407",
    );
    expect(f.detail).toContain(
      "authenticates to the proxy itself (it asks for Negotiate and Basic). ",
    );
  });

  it.each([
    [
      "400 Bad Request",
      "Bad Request: the server could not understand the request (a malformed body, header or parameter).",
    ],
    [
      "404 Not Found",
      "Not Found: nothing answers at this URL (a typo, a missing route, or a deploy that left it out).",
    ],
    ["418 I'm a teapot", "A client error other than authentication."],
    ["501 Not Implemented", "A server-side error."],
  ])("%s is not an authentication error", (status, meaning) => {
    const f = find(
      response(status, ["Content-Type: text/plain"]),
      "status-not-auth-error",
    );
    expect(f.title).toBe(
      `${status.slice(0, 3)} is not an authentication error`,
    );
    expect(f.detail).toBe(
      `${meaning} Credentials are not the problem, so signing in again will not help.`,
    );
  });

  it("leaves a 400 with WWW-Authenticate to the challenge rules", () => {
    const text = response("400 Bad Request", [
      'WWW-Authenticate: Bearer error="invalid_request"',
    ]);
    expect(ids(text)).not.toContain("status-not-auth-error");
    // WWW-Authenticate on another error does not excuse it.
    expect(
      ids(response("404 Not Found", ["WWW-Authenticate: Bearer"])),
    ).toContain("status-not-auth-error");
  });

  it("leaves a 400 from a token endpoint to the message rules, even pretty-printed", () => {
    const body = [
      "{",
      '  "error": "invalid_grant",',
      '  "error_description": "Refresh token expired"',
      "}",
    ];
    expect(
      ids(
        response("400 Bad Request", ["Content-Type: application/json"], body),
      ),
    ).not.toContain("status-not-auth-error");
    // The same body on a 404 is still a 404.
    expect(
      ids(response("404 Not Found", ["Content-Type: application/json"], body)),
    ).toContain("status-not-auth-error");
    expect(
      ids(
        response(
          "400 Bad Request",
          ["Content-Type: application/json"],
          ['{"error": "bad_input"}'],
        ),
      ),
    ).toContain("status-not-auth-error");
  });

  it("requires WWW-Authenticate on every 401 that shows headers", () => {
    expect(ids(res401())).not.toContain("missing-www-authenticate");
    const f = find(
      response("401 Unauthorized", ["Content-Type: text/plain"]),
      "missing-www-authenticate",
    );
    expect(f.title).toBe("The 401 has no WWW-Authenticate header");
    expect(f.detail).toBe(
      "RFC 9110 section 15.5.2 requires every 401 to say how to authenticate in WWW-Authenticate. Without it " +
        "clients cannot tell what is wanted and browsers never show a login prompt. If the server means " +
        '"you are not allowed", the right status is 403.',
    );
  });
});

describe("analyze: de-duplication, cap and summary", () => {
  it("reports a finding repeated with the same quote only once", () => {
    const one = response("401 Unauthorized", ["Content-Type: text/plain"]);
    const found = ids(`${one}\n\n${one}`).filter(
      (id) => id === "missing-www-authenticate",
    );
    expect(found).toEqual(["missing-www-authenticate"]);
  });

  it(`shows exactly ${MAX_FINDINGS} findings without a truncation notice`, () => {
    const cookies = Array.from(
      { length: MAX_FINDINGS },
      (_, i) => `Set-Cookie: c${i}=1; SameSite=None`,
    );
    const r = run(response("200 OK", cookies));
    expect(r.findings).toHaveLength(MAX_FINDINGS);
    expect(r.notices.filter((n) => n.startsWith("Only the first"))).toEqual([]);
  });

  it("adds no truncation notice to a short result", () => {
    expect(run(res401()).notices).toEqual([]);
  });

  it("summarises status line, Date, request URL and method of the focus response", () => {
    const text = exchange(["Authorization: Bearer x"], "401 Unauthorized", [
      DATE,
      'WWW-Authenticate: Bearer realm="api"',
    ]);
    const s = run(text).summary;
    expect(s.status).toBe(401);
    expect(s.statusText).toBe("Unauthorized");
    expect(s.date).toBe("Sun, 01 Jun 2025 12:00:00 GMT");
    expect(s.requestUrl).toBe("https://app.example.com/me");
    expect(s.method).toBe("GET");
  });

  it("leaves out summary fields the paste does not show", () => {
    const s = run("Hello, I cannot log in since yesterday.").summary;
    for (const key of [
      "status",
      "statusText",
      "requestUrl",
      "method",
      "primaryFixId",
      "date",
    ]) {
      expect(s, key).not.toHaveProperty(key);
    }
    expect(run(res401()).summary).not.toHaveProperty("date");
  });

  it("lists at most 20 challenges in the summary", () => {
    const headers = Array.from(
      { length: 25 },
      (_, i) => `WWW-Authenticate: Basic realm="r${i}"`,
    );
    const s = run(response("401 Unauthorized", headers)).summary;
    expect(s.challenges).toHaveLength(20);
    expect(s.challenges[19]?.realm).toBe("r19");
  });
});
