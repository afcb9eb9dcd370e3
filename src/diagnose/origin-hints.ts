/**
 * Which hop produced the error: CDN, WAF, load balancer, API gateway, service mesh
 * or the application. The fix depends on it, and the headers usually tell.
 */
import type { Exchange, Rule } from './context';
import { makeFinding, type Finding } from './finding';
import { firstHeader, headersNamed, type Header } from './headers';
import { shown } from './text';

const SERVER_NOTES: ReadonlyArray<readonly [RegExp, string, string]> = [
  [
    /^(nginx|openresty)/i,
    'nginx',
    "nginx produces 401s itself with auth_basic or auth_request; otherwise it is passing on the application's 401.",
  ],
  [
    /^apache/i,
    'Apache',
    "Apache produces 401s itself with AuthType Basic or Digest (in .htaccess or the site config); otherwise it is passing on the application's 401.",
  ],
  [
    /^microsoft-iis/i,
    'IIS',
    "IIS answers 401 itself when the site's Authentication settings (Windows, Basic, Anonymous) do not match the request; the IIS log has the sub-status (401.1, 401.2).",
  ],
  [
    /^litespeed/i,
    'LiteSpeed',
    'LiteSpeed reads .htaccess like Apache, so a password-protected directory or a security plugin rule can produce the 401.',
  ],
  [
    /^caddy/i,
    'Caddy',
    "Caddy produces 401s itself with basic_auth or forward_auth; otherwise it is passing on the application's 401.",
  ],
  [
    /^kestrel/i,
    'ASP.NET Core (Kestrel)',
    'The application answered: the 401 comes from ASP.NET Core authentication middleware.',
  ],
  [
    /^gunicorn|^uvicorn|^werkzeug/i,
    'a Python app server',
    'The application answered: the 401 comes from the Python app (Django, Flask, FastAPI) itself.',
  ],
];

const POWERED_BY_NOTES: ReadonlyArray<readonly [RegExp, string, string]> = [
  [
    /express/i,
    'Express',
    'Express answered, so the 401 comes from the Node.js application: an auth middleware such as Passport, express-jwt or express-oauth2-jwt-bearer.',
  ],
  [
    /php/i,
    'PHP',
    'PHP answered, so the application produced the 401. Behind Apache with CGI or FastCGI, PHP does not see the Authorization header unless it is passed on explicitly.',
  ],
  [/asp\.net/i, 'ASP.NET', "ASP.NET answered, so the 401 comes from the application's authentication setup."],
  [/next\.js/i, 'Next.js', 'Next.js answered, so the 401 comes from the app: a route handler or middleware.'],
];

function hint(e: Exchange): Finding[] {
  const headers = e.response.headers;
  const status = e.response.status ?? 0;
  const findings: Finding[] = [];
  const server = firstHeader(headers, 'server');
  const serverValue = server?.[1].trim().toLowerCase() ?? '';
  const has = (name: string) => firstHeader(headers, name);
  const anyPrefix = (prefix: string): Header | undefined => headers.find((h) => h[0].toLowerCase().startsWith(prefix));
  let identified = false;

  const cfRay = has('cf-ray');
  if (serverValue === 'cloudflare' || cfRay) {
    identified = true;
    findings.push(
      makeFinding(
        'origin-cloudflare',
        'The response passed through Cloudflare',
        "Cloudflare passes your server's 401 through unchanged, so a 401 most likely comes from the origin. Blocks " +
          'Cloudflare makes itself are usually a 403 with a cf-mitigated header or a Cloudflare error page.' +
          (cfRay ? ` Find this request in Security Events by its Ray ID (${shown(cfRay[1], 40)}).` : ''),
        (cfRay ?? server)?.[2] ?? e.anchor.text,
      ),
    );
  }
  const mitigated = has('cf-mitigated') ?? has('x-amzn-waf-action');
  if (mitigated) {
    findings.push(
      makeFinding(
        'cdn-challenge',
        `The CDN firewall challenged this request (${shown(mitigated[1], 30)})`,
        'The firewall answered with a challenge or block instead of forwarding the request. API clients, apps and ' +
          'scripts cannot solve a challenge. Add a rule that skips bot checks for the API, login and OAuth callback paths.',
        mitigated[2],
      ),
    );
  }

  const cfId = has('x-amz-cf-id');
  const viaCloudFront = headersNamed(headers, 'via').find((h) => /cloudfront/i.test(h[1]));
  const xCacheCloudFront = headersNamed(headers, 'x-cache').find((h) => /cloudfront/i.test(h[1]));
  if (cfId || viaCloudFront || xCacheCloudFront) {
    identified = true;
    findings.push(
      makeFinding(
        'origin-cloudfront',
        'The response passed through Amazon CloudFront',
        '"Error from cloudfront" only says the response was an error; it usually still came from the origin. ' +
          'CloudFront forwards the Authorization header to the origin only when the cache policy includes it.',
        (cfId ?? viaCloudFront ?? xCacheCloudFront)?.[2] ?? e.anchor.text,
      ),
    );
  }

  const errorType = has('x-amzn-errortype');
  const apigw = has('x-amzn-requestid') ?? has('x-amz-apigw-id');
  const unauthorizedBody = e.response.body.find((l) => /"message"\s*:\s*"Unauthorized"/i.test(l.text));
  if (errorType && /missingauthenticationtoken/i.test(errorType[1])) {
    identified = true;
    findings.push(
      makeFinding(
        'origin-aws-missing-route',
        'API Gateway found no route for this request ("Missing Authentication Token")',
        'Despite the name, this usually means no API Gateway route matches the path and method: a typo, a missing ' +
          'stage in the URL, or an API not deployed. Only with IAM authorization does it mean the request was not signed.',
        errorType[2],
      ),
    );
  } else if (
    (errorType && /unauthorized|accessdenied/i.test(errorType[1])) ||
    (apigw && unauthorizedBody && status === 401)
  ) {
    identified = true;
    findings.push(
      makeFinding(
        'origin-aws-authorizer',
        "AWS API Gateway's authorizer rejected the request",
        "API Gateway answered itself; the request never reached the backend. That happens when the authorizer's " +
          'identity source (usually the Authorization header) is missing, or the Lambda, Cognito or JWT authorizer ' +
          "rejects the token. Check the header the authorizer reads, the token's issuer and audience, and the cached result (TTL).",
        errorType?.[2] ?? unauthorizedBody?.text ?? e.anchor.text,
      ),
    );
  } else if (errorType || apigw) {
    identified = true;
    findings.push(
      makeFinding(
        'origin-aws-api-gateway',
        'The response passed through AWS API Gateway',
        'Use the x-amzn-RequestId to find the request in the API Gateway execution logs: they show whether the ' +
          'authorizer or the backend produced the error.',
        (errorType ?? apigw)?.[2] ?? e.anchor.text,
      ),
    );
  }

  if (serverValue.startsWith('awselb') && (status === 401 || status === 403)) {
    identified = true;
    findings.push(
      makeFinding(
        'origin-aws-alb',
        'The AWS load balancer answered, not your application',
        '"Server: awselb" means the Application Load Balancer generated this response. An ALB answers 401 when an ' +
          'authenticate-oidc or authenticate-cognito rule refuses a request it cannot redirect to the login page ' +
          '(API calls, or on-unauthenticated-request set to deny); a 403 comes from a listener rule or AWS WAF.',
        server?.[2] ?? e.anchor.text,
      ),
    );
  }
  if (serverValue === 'amazons3') {
    identified = true;
    findings.push(
      makeFinding(
        'origin-amazon-s3',
        'Amazon S3 answered',
        "S3 does not know your app's users. Its refusals come from the bucket policy, object permissions, or a " +
          'presigned URL that expired or was signed for another method.',
        server?.[2] ?? e.anchor.text,
      ),
    );
  }
  const azureRef = has('x-azure-ref');
  if (azureRef) {
    identified = true;
    findings.push(
      makeFinding(
        'origin-azure-front-door',
        'The response passed through Azure Front Door',
        "Look up the x-azure-ref value in Front Door's access and WAF logs to see whether its WAF policy acted or the origin answered.",
        azureRef[2],
      ),
    );
  }

  const upstreamTime = has('x-envoy-upstream-service-time');
  const envoy = serverValue.includes('envoy') || anyPrefix('x-envoy-') !== undefined;
  if (envoy) {
    identified = true;
    if (upstreamTime) {
      findings.push(
        makeFinding(
          'origin-envoy-upstream',
          'Envoy forwarded this response from your service',
          'x-envoy-upstream-service-time shows the service behind the mesh or gateway answered, so the 401 comes from ' +
            'the application, not from the proxy.',
          upstreamTime[2],
        ),
      );
    } else if (status === 401 || status === 403) {
      findings.push(
        makeFinding(
          'origin-envoy-generated',
          'The Envoy proxy (service mesh or gateway) answered itself',
          'There is no x-envoy-upstream-service-time, so the request never reached the service. With Istio, a ' +
            'RequestAuthentication or AuthorizationPolicy rejected it: check its JWT rules (issuer, JWKS, audiences) and that ' +
            'the Authorization header survives every hop in front of the mesh.',
          server?.[2] ?? anyPrefix('x-envoy-')?.[2] ?? e.anchor.text,
        ),
      );
    }
  }

  for (const via of headersNamed(headers, 'via')) {
    if (/cloudfront/i.test(via[1])) continue;
    findings.push(
      makeFinding(
        'origin-proxy-via',
        `The response passed through a proxy (Via: ${shown(via[1], 80)})`,
        "Each hop listed in Via can answer, cache or rewrite requests. If the 401 is missing from the application's " +
          'logs, one of these hops produced it.',
        via[2],
      ),
    );
  }

  if (!identified) {
    const poweredBy = firstHeader(headers, 'x-powered-by');
    const powered = poweredBy && POWERED_BY_NOTES.find(([re]) => re.test(poweredBy[1]));
    const software = server && SERVER_NOTES.find(([re]) => re.test(server[1].trim()));
    const note = powered ? ([powered, poweredBy] as const) : software ? ([software, server] as const) : undefined;
    if (note) {
      const [[, label, detail], line] = note;
      findings.push(
        makeFinding('origin-server-software', `The response came from ${label}`, detail, line?.[2] ?? e.anchor.text),
      );
    }
  }

  const defaultPage = e.response.body.find((l) => {
    const t = l.text.toLowerCase();
    return (
      t.includes('could not verify that you') || t.includes('<center>nginx') || t.includes('401 authorization required')
    );
  });
  if (defaultPage && status === 401) {
    findings.push(
      makeFinding(
        'origin-default-error-page',
        "This is the web server's built-in 401 page",
        "The body is nginx's or Apache's default error page, so the web server configuration (auth_basic, AuthType, " +
          'Require rules) produced the 401, not the application.',
        defaultPage.text,
      ),
    );
  }
  return findings;
}

export const originHintsRule: Rule = (ctx) =>
  ctx.exchanges
    .filter((e) => e.headersKnown && (e.response.status === undefined || e.response.status >= 400))
    .flatMap(hint);
