import { describe, expect, it } from 'vitest';
import { analyze, type Finding } from '../../src/diagnose';
import { buildContext } from '../../src/diagnose/context';
import { parseInput } from '../../src/diagnose/input';
import { originHintsRule } from '../../src/diagnose/origin-hints';
import { NOW } from './fixtures/diagnose-corpus';

/** The origin rule alone, in its own order: other rules' findings would only blur which hop was named. */
const hints = (text: string): Finding[] => originHintsRule(buildContext(parseInput(text), NOW), []);
const ids = (text: string) => hints(text).map((f) => f.id);
/** The one finding with this id; fails here when it is missing or repeated. */
const only = (text: string, id: string): Finding => {
  const found = hints(text).filter((f) => f.id === id);
  expect(found, `"${id}" findings`).toHaveLength(1);
  return found[0]!;
};
const response = (status: string, ...headers: string[]) => [`HTTP/1.1 ${status}`, ...headers].join('\n');
const withBody = (status: string, headers: string[], body: string[]) => [response(status, ...headers), '', ...body].join('\n');

describe('Cloudflare', () => {
  it('recognises a cf-ray header alone and points at the Ray ID to look up', () => {
    const f = only(response('401 Unauthorized', 'Content-Type: application/json', 'cf-ray: 8f1c2d3e4a5b6c7d-FRA'), 'origin-cloudflare');
    expect(f.title).toBe('The response passed through Cloudflare');
    expect(f.detail).toContain("Cloudflare passes your server's 401 through unchanged");
    expect(f.detail).toContain('usually a 403 with a cf-mitigated header');
    expect(f.detail).toContain('Find this request in Security Events by its Ray ID (8f1c2d3e4a5b6c7d-FRA).');
    expect(f.quote).toBe('cf-ray: 8f1c2d3e4a5b6c7d-FRA');
    expect(f.severity).toBe('info');
  });

  it('recognises "Server: Cloudflare" in any case, quoting it, with no Ray ID sentence when there is none', () => {
    const f = only(response('401 Unauthorized', 'Content-Type: text/html', 'Server: Cloudflare'), 'origin-cloudflare');
    expect(f.quote).toBe('Server: Cloudflare');
    expect(f.detail.endsWith('a Cloudflare error page.')).toBe(true);
  });

  it('does not name Cloudflare for other servers', () => {
    expect(ids(response('401 Unauthorized', 'Server: nginx'))).not.toContain('origin-cloudflare');
    expect(ids(response('401 Unauthorized', 'Content-Type: text/plain'))).toEqual([]);
  });

  it('names the hop, so the generic server-software note is left out', () => {
    expect(ids(response('401 Unauthorized', 'Server: cloudflare', 'X-Powered-By: Express'))).toEqual(['origin-cloudflare']);
  });
});

describe('CDN challenges', () => {
  it('reports a Cloudflare cf-mitigated challenge with its value, linked to the WAF fix', () => {
    const f = only(response('403 Forbidden', 'Server: cloudflare', 'cf-mitigated: challenge'), 'cdn-challenge');
    expect(f.title).toBe('The CDN firewall challenged this request (challenge)');
    expect(f.detail).toContain('answered with a challenge or block instead of forwarding the request');
    expect(f.detail).toContain('Add a rule that skips bot checks');
    expect(f.quote).toBe('cf-mitigated: challenge');
    expect(f.fixId).toBe('waf-cdn-blocks-auth');
  });

  it('is not a named hop: the server note still appears beside it', () => {
    expect(ids(response('405 Method Not Allowed', 'Server: nginx', 'x-amzn-waf-action: captcha'))).toEqual([
      'cdn-challenge',
      'origin-server-software',
    ]);
  });
});

describe('CloudFront', () => {
  it.each([
    ['X-Amz-Cf-Id: 3kqXyZ_abc==', 'X-Amz-Cf-Id: 3kqXyZ_abc=='],
    ['Via: 1.1 0a1b2c.cloudfront.net (CloudFront)', 'Via: 1.1 0a1b2c.cloudfront.net (CloudFront)'],
    ['X-Cache: Error from cloudfront', 'X-Cache: Error from cloudfront'],
  ])('recognises %s on its own and quotes it', (header, quote) => {
    const found = hints(response('401 Unauthorized', 'Content-Type: application/json', header));
    expect(found.map((f) => f.id)).toEqual(['origin-cloudfront']);
    expect(found[0]!.title).toBe('The response passed through Amazon CloudFront');
    expect(found[0]!.detail).toContain('"Error from cloudfront" only says the response was an error');
    expect(found[0]!.detail).toContain('only when the cache policy includes it');
    expect(found[0]!.quote).toBe(quote);
  });

  it('ignores X-Cache and Via values that are not CloudFront', () => {
    expect(ids(response('401 Unauthorized', 'X-Cache: MISS'))).toEqual([]);
    expect(ids(response('401 Unauthorized', 'Via: 1.1 varnish'))).not.toContain('origin-cloudfront');
  });

  it('names the hop, so a Server header behind it adds no software note', () => {
    expect(ids(response('401 Unauthorized', 'Server: nginx', 'X-Cache: Error from cloudfront'))).toEqual(['origin-cloudfront']);
  });
});

describe('AWS API Gateway', () => {
  it('explains "Missing Authentication Token" as a missing route, not an authorizer refusal', () => {
    const text = response(
      '403 Forbidden',
      'x-amzn-RequestId: 5d3f-1',
      'x-amzn-ErrorType: MissingAuthenticationTokenException',
    );
    expect(ids(text)).toEqual(['origin-aws-missing-route']);
    const f = only(text, 'origin-aws-missing-route');
    expect(f.title).toBe('API Gateway found no route for this request ("Missing Authentication Token")');
    expect(f.detail).toContain('no API Gateway route matches the path and method');
    expect(f.detail).toContain('Only with IAM authorization does it mean the request was not signed.');
    expect(f.quote).toBe('x-amzn-ErrorType: MissingAuthenticationTokenException');
    expect(f.fixId).toBe('not-an-auth-error');
  });

  it.each(['UnauthorizedException', 'AccessDeniedException'])('blames the authorizer for x-amzn-ErrorType %s', (type) => {
    const text = response('401 Unauthorized', `x-amzn-ErrorType: ${type}`);
    expect(ids(text)).toEqual(['origin-aws-authorizer']);
    const f = only(text, 'origin-aws-authorizer');
    expect(f.title).toBe("AWS API Gateway's authorizer rejected the request");
    expect(f.detail).toContain('the request never reached the backend');
    expect(f.detail).toContain('identity source (usually the Authorization header) is missing');
    expect(f.detail).toContain("the token's issuer and audience");
    expect(f.quote).toBe(`x-amzn-ErrorType: ${type}`);
    expect(f.fixId).toBe('ingress-drops-authorization');
  });

  it.each([
    ['x-amzn-RequestId: 7a9c-2', '{"message":"Unauthorized"}'],
    ['x-amz-apigw-id: Ab12Cd=', '{"message": "Unauthorized"}'],
  ])('blames the authorizer for a 401 with %s and the body %s', (header, body) => {
    const f = only(withBody('401 Unauthorized', [header, 'Content-Type: application/json'], [body]), 'origin-aws-authorizer');
    expect(f.quote).toBe(body);
  });

  it('reads the Unauthorized body only on a 401 from API Gateway', () => {
    // A 403 is the resource policy or WAF, not the authorizer.
    const forbidden = hints(withBody('403 Forbidden', ['x-amzn-RequestId: 7a9c-2'], ['{"message":"Unauthorized"}']));
    expect(forbidden.map((f) => f.id)).toEqual(['origin-aws-api-gateway']);
    // The same body from any other server is just the app's JSON.
    expect(ids(withBody('401 Unauthorized', ['Content-Type: application/json'], ['{"message":"Unauthorized"}']))).toEqual([]);
  });

  it('only notes the gateway when neither the error type nor the body blames the authorizer', () => {
    const f = only(withBody('401 Unauthorized', ['x-amzn-RequestId: 7a9c-2'], ['{"error":"invalid_token"}']), 'origin-aws-api-gateway');
    expect(f.title).toBe('The response passed through AWS API Gateway');
    expect(f.detail).toContain('Use the x-amzn-RequestId to find the request in the API Gateway execution logs');
    expect(f.detail).toContain('authorizer or the backend produced the error.');
    expect(f.quote).toBe('x-amzn-RequestId: 7a9c-2');
    expect(ids(withBody('401 Unauthorized', ['x-amzn-RequestId: 7a9c-2'], ['{"error":"invalid_token"}']))).toEqual([
      'origin-aws-api-gateway',
    ]);
  });

  it('notes the gateway from an unrelated x-amzn-ErrorType alone, quoting it', () => {
    const f = only(response('400 Bad Request', 'x-amzn-ErrorType: BadRequestException'), 'origin-aws-api-gateway');
    expect(f.quote).toBe('x-amzn-ErrorType: BadRequestException');
  });

  it('names the hop, so X-Powered-By behind it adds no software note', () => {
    expect(ids(response('502 Bad Gateway', 'x-amz-apigw-id: Ab12Cd=', 'X-Powered-By: Express'))).toEqual(['origin-aws-api-gateway']);
  });
});

describe('AWS load balancer and S3', () => {
  it.each(['401 Unauthorized', '403 Forbidden'])('says the ALB answered a %s, quoting its Server header', (status) => {
    const text = response(status, 'Server: awselb/2.0', 'Content-Type: text/html');
    expect(ids(text)).toEqual(['origin-aws-alb']);
    const f = only(text, 'origin-aws-alb');
    expect(f.title).toBe('The AWS load balancer answered, not your application');
    expect(f.detail).toContain('"Server: awselb" means the Application Load Balancer generated this response');
    expect(f.detail).toContain('authenticate-oidc or authenticate-cognito rule refuses a request');
    expect(f.detail).toContain('a 403 comes from a listener rule or AWS WAF.');
    expect(f.quote).toBe('Server: awselb/2.0');
  });

  it('says S3 answered when the Server is AmazonS3, quoting it', () => {
    const text = response('403 Forbidden', 'x-amz-request-id: 4BC1', 'Server: AmazonS3');
    expect(ids(text)).toEqual(['origin-amazon-s3']);
    const f = only(text, 'origin-amazon-s3');
    expect(f.title).toBe('Amazon S3 answered');
    expect(f.detail).toContain("S3 does not know your app's users");
    expect(f.detail).toContain('presigned URL that expired or was signed for another method.');
    expect(f.quote).toBe('Server: AmazonS3');
  });

  it('does not name S3 for other servers', () => {
    expect(ids(response('403 Forbidden', 'Server: AmazonS3-compatible-proxy'))).not.toContain('origin-amazon-s3');
    expect(ids(response('403 Forbidden', 'Content-Type: text/html'))).toEqual([]);
  });
});

describe('Azure Front Door', () => {
  it('points at the x-azure-ref value to look up', () => {
    const text = response('401 Unauthorized', 'x-azure-ref: 0aBcD1234', 'Server: Microsoft-IIS/10.0');
    // Front Door names the hop, so the IIS note behind it is left out.
    expect(ids(text)).toEqual(['origin-azure-front-door']);
    const f = only(text, 'origin-azure-front-door');
    expect(f.title).toBe('The response passed through Azure Front Door');
    expect(f.detail).toContain("Look up the x-azure-ref value in Front Door's access and WAF logs");
    expect(f.quote).toBe('x-azure-ref: 0aBcD1234');
  });
});

describe('Envoy', () => {
  it('says the service answered when Envoy timed the upstream', () => {
    const text = response('401 Unauthorized', 'Server: envoy', 'x-envoy-upstream-service-time: 12');
    expect(ids(text)).toEqual(['origin-envoy-upstream']);
    const f = only(text, 'origin-envoy-upstream');
    expect(f.title).toBe('Envoy forwarded this response from your service');
    expect(f.detail).toContain('x-envoy-upstream-service-time shows the service behind the mesh or gateway answered');
    expect(f.detail).toContain('the application, not from the proxy.');
    expect(f.quote).toBe('x-envoy-upstream-service-time: 12');
  });

  it.each(['401 Unauthorized', '403 Forbidden'])('says Envoy answered a %s itself when nothing was forwarded', (status) => {
    const text = response(status, 'Content-Type: text/plain', 'Server: istio-envoy');
    expect(ids(text)).toEqual(['origin-envoy-generated']);
    const f = only(text, 'origin-envoy-generated');
    expect(f.title).toBe('The Envoy proxy (service mesh or gateway) answered itself');
    expect(f.detail).toContain('the request never reached the service');
    expect(f.detail).toContain('RequestAuthentication or AuthorizationPolicy rejected it');
    expect(f.detail).toContain('survives every hop in front of the mesh.');
    expect(f.quote).toBe('Server: istio-envoy');
    expect(f.fixId).toBe('ingress-drops-authorization');
  });

  it('recognises Envoy from an x-envoy- header in any case when there is no Server header, quoting it', () => {
    const f = only(response('401 Unauthorized', 'Content-Type: text/plain', 'X-Envoy-Decorator-Operation: api.default'), 'origin-envoy-generated');
    expect(f.quote).toBe('X-Envoy-Decorator-Operation: api.default');
  });

  it('says nothing for other statuses, yet still counts as the named hop', () => {
    // 404 from Envoy is routing, not auth; but the proxy is known, so no generic software note either.
    expect(ids(response('404 Not Found', 'Server: envoy', 'X-Powered-By: Express'))).toEqual([]);
  });

  it('is not named for responses without Envoy headers', () => {
    const found = ids(response('401 Unauthorized', 'Content-Type: text/plain', 'X-Request-Id: envoy-like'));
    expect(found.filter((id) => id.startsWith('origin-envoy'))).toEqual([]);
  });
});

describe('proxies listed in Via', () => {
  it('reports each non-CloudFront Via hop, and the server note as well', () => {
    const found = hints(response('401 Unauthorized', 'Via: 1.1 varnish', 'Server: nginx', 'Via: 1.1 squid'));
    expect(found.map((f) => f.id)).toEqual(['origin-proxy-via', 'origin-proxy-via', 'origin-server-software']);
    expect(found[0]!.title).toBe('The response passed through a proxy (Via: 1.1 varnish)');
    expect(found[0]!.detail).toContain('Each hop listed in Via can answer, cache or rewrite requests.');
    expect(found[0]!.detail).toContain('one of these hops produced it.');
    expect(found[0]!.quote).toBe('Via: 1.1 varnish');
    expect(found[1]!.quote).toBe('Via: 1.1 squid');
  });

  it('leaves a CloudFront Via to the CloudFront note', () => {
    expect(ids(response('401 Unauthorized', 'Via: 1.1 0a1b2c.cloudfront.net (CloudFront)', 'Via: 1.1 varnish'))).toEqual([
      'origin-cloudfront',
      'origin-proxy-via',
    ]);
  });
});

describe('web server default 401 page', () => {
  it.each([
    ['<center>nginx</center>', 'Server: nginx/1.25.3', 'nginx'],
    ['<title>401 Authorization Required</title>', 'Server: openresty', 'nginx'],
    ['<p>This server could not verify that you are authorized to access the document requested.</p>', 'Server: Apache/2.4.58 (Debian)', 'Apache'],
  ])('spots %s and lists it after the server note', (line, server, label) => {
    const found = hints(withBody('401 Unauthorized', [server, 'Content-Type: text/html'], ['<html>', line, '</html>']));
    expect(found.map((f) => f.id)).toEqual(['origin-server-software', 'origin-default-error-page']);
    expect(found[0]!.title).toBe(`The response came from ${label}`);
    expect(found[1]!.title).toBe("This is the web server's built-in 401 page");
    expect(found[1]!.detail).toContain("The body is nginx's or Apache's default error page");
    expect(found[1]!.detail).toContain('Require rules) produced the 401, not the application.');
    expect(found[1]!.quote).toBe(line);
    expect(found[1]!.fixId).toBe('htaccess-rule-blocks-path');
  });

  it('only applies to a 401', () => {
    expect(ids(withBody('403 Forbidden', ['Content-Type: text/html'], ['<center>nginx</center>']))).toEqual([]);
  });

  it('needs the default page text in the body', () => {
    expect(ids(withBody('401 Unauthorized', ['Content-Type: text/html'], ['<h1>Please sign in</h1>']))).toEqual([]);
  });
});

describe('server software', () => {
  it.each([
    ['Server: nginx/1.25.3', 'nginx', 'auth_basic or auth_request'],
    ['Server: Microsoft-IIS/10.0', 'IIS', 'the IIS log has the sub-status'],
    ['Server: Kestrel', 'ASP.NET Core (Kestrel)', 'ASP.NET Core authentication middleware'],
    ['Server: uvicorn', 'a Python app server', 'Django, Flask, FastAPI'],
    ['X-Powered-By: Express', 'Express', 'Passport, express-jwt'],
    ['X-Powered-By: Next.js', 'Next.js', 'a route handler or middleware'],
  ])('names the software from %s', (header, label, note) => {
    const f = only(response('401 Unauthorized', 'Content-Type: text/html', header), 'origin-server-software');
    expect(f.title).toBe(`The response came from ${label}`);
    expect(f.detail).toContain(note);
    expect(f.quote).toBe(header);
  });

  it('prefers X-Powered-By, which names the application, over the Server in front of it', () => {
    const f = only(response('401 Unauthorized', 'Server: Apache/2.4.58', 'X-Powered-By: PHP/8.2.12'), 'origin-server-software');
    expect(f.title).toBe('The response came from PHP');
    expect(f.quote).toBe('X-Powered-By: PHP/8.2.12');
  });

  it('falls back to the Server header when X-Powered-By names nothing known', () => {
    const f = only(response('401 Unauthorized', 'Server: Apache/2.4.58', 'X-Powered-By: Custom'), 'origin-server-software');
    expect(f.title).toBe('The response came from Apache');
    expect(f.quote).toBe('Server: Apache/2.4.58');
  });

  it('reads a Server value folded onto the next line (obs-fold), whose joined value starts with a space', () => {
    const folded = ['HTTP/1.1 401 Unauthorized', 'Content-Type: text/html', 'Server:', '  nginx/1.25.3'].join('\n');
    expect(only(folded, 'origin-server-software').title).toBe('The response came from nginx');
  });

  it('says nothing about unknown software', () => {
    expect(ids(response('401 Unauthorized', 'Server: MyServer/1.0', 'X-Powered-By: Custom'))).toEqual([]);
  });
});

describe('which responses are described', () => {
  it('includes a 400, the first error status', () => {
    expect(ids(response('400 Bad Request', 'Server: cloudflare'))).toEqual(['origin-cloudflare']);
  });

  it('skips a success response', () => {
    expect(ids(response('200 OK', 'Server: cloudflare'))).toEqual([]);
  });

  it('reaches the page through analyze(), with the catalog severity', () => {
    const f = analyze(response('401 Unauthorized', 'Server: awselb/2.0'), NOW).findings.find((x) => x.id === 'origin-aws-alb');
    expect(f?.severity).toBe('warning');
  });
});
