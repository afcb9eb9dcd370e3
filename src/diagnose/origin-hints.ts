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

/** What a detector sees: the exchange and quick header lookups. */
interface View {
  readonly e: Exchange;
  readonly status: number;
  readonly server: Header | undefined;
  /** The Server value, trimmed and lowercased ('' when absent). */
  readonly serverValue: string;
  readonly has: (name: string) => Header | undefined;
  readonly anyPrefix: (prefix: string) => Header | undefined;
}

interface Detector {
  /** A match names the hop that answered, so the generic server-software note is not needed. */
  readonly identifies: boolean;
  /** undefined: no match; []: a match with nothing to say. */
  readonly detect: (v: View) => Finding[] | undefined;
}

const quoteOf = (v: View, ...lines: (Header | undefined)[]) => lines.find((l) => l !== undefined)?.[2] ?? v.e.anchor.text;

const cloudflare: Detector = {
  identifies: true,
  detect: (v) => {
    const cfRay = v.has('cf-ray');
    if (v.serverValue !== 'cloudflare' && !cfRay) return undefined;
    return [
      makeFinding(
        'origin-cloudflare',
        'The response passed through Cloudflare',
        "Cloudflare passes your server's 401 through unchanged, so a 401 most likely comes from the origin. Blocks " +
          'Cloudflare makes itself are usually a 403 with a cf-mitigated header or a Cloudflare error page.' +
          (cfRay ? ` Find this request in Security Events by its Ray ID (${shown(cfRay[1], 40)}).` : ''),
        quoteOf(v, cfRay, v.server),
      ),
    ];
  },
};

const cdnChallenge: Detector = {
  identifies: false,
  detect: (v) => {
    const mitigated = v.has('cf-mitigated') ?? v.has('x-amzn-waf-action');
    if (!mitigated) return undefined;
    return [
      makeFinding(
        'cdn-challenge',
        `The CDN firewall challenged this request (${shown(mitigated[1], 30)})`,
        'The firewall answered with a challenge or block instead of forwarding the request. API clients, apps and ' +
          'scripts cannot solve a challenge. Add a rule that skips bot checks for the API, login and OAuth callback paths.',
        mitigated[2],
      ),
    ];
  },
};

const cloudFront: Detector = {
  identifies: true,
  detect: (v) => {
    const headers = v.e.response.headers;
    const line =
      v.has('x-amz-cf-id') ??
      headersNamed(headers, 'via').find((h) => /cloudfront/i.test(h[1])) ??
      headersNamed(headers, 'x-cache').find((h) => /cloudfront/i.test(h[1]));
    if (!line) return undefined;
    return [
      makeFinding(
        'origin-cloudfront',
        'The response passed through Amazon CloudFront',
        '"Error from cloudfront" only says the response was an error; it usually still came from the origin. ' +
          'CloudFront forwards the Authorization header to the origin only when the cache policy includes it.',
        line[2],
      ),
    ];
  },
};

function awsGatewayFinding(v: View): Finding | undefined {
  const errorType = v.has('x-amzn-errortype');
  const apigw = v.has('x-amzn-requestid') ?? v.has('x-amz-apigw-id');
  // The body is only read when the headers already point at API Gateway: it can be thousands of lines.
  const unauthorizedBody =
    apigw && v.status === 401 ? v.e.response.body.find((l) => /"message" *: *"Unauthorized"/i.test(l.text)) : undefined;
  if (errorType && /missingauthenticationtoken/i.test(errorType[1])) {
    return makeFinding(
      'origin-aws-missing-route',
      'API Gateway found no route for this request ("Missing Authentication Token")',
      'Despite the name, this usually means no API Gateway route matches the path and method: a typo, a missing ' +
        'stage in the URL, or an API not deployed. Only with IAM authorization does it mean the request was not signed.',
      errorType[2],
    );
  }
  if ((errorType && /unauthorized|accessdenied/i.test(errorType[1])) || unauthorizedBody) {
    return makeFinding(
      'origin-aws-authorizer',
      "AWS API Gateway's authorizer rejected the request",
      "API Gateway answered itself; the request never reached the backend. That happens when the authorizer's " +
        'identity source (usually the Authorization header) is missing, or the Lambda, Cognito or JWT authorizer ' +
        "rejects the token. Check the header the authorizer reads, the token's issuer and audience, and the cached result (TTL).",
      errorType?.[2] ?? unauthorizedBody?.text ?? v.e.anchor.text,
    );
  }
  if (!errorType && !apigw) return undefined;
  return makeFinding(
    'origin-aws-api-gateway',
    'The response passed through AWS API Gateway',
    'Use the x-amzn-RequestId to find the request in the API Gateway execution logs: they show whether the ' +
      'authorizer or the backend produced the error.',
    quoteOf(v, errorType, apigw),
  );
}

const awsApiGateway: Detector = {
  identifies: true,
  detect: (v) => {
    const f = awsGatewayFinding(v);
    return f && [f];
  },
};

const awsAlb: Detector = {
  identifies: true,
  detect: (v) =>
    v.serverValue.startsWith('awselb') && (v.status === 401 || v.status === 403)
      ? [
          makeFinding(
            'origin-aws-alb',
            'The AWS load balancer answered, not your application',
            '"Server: awselb" means the Application Load Balancer generated this response. An ALB answers 401 when an ' +
              'authenticate-oidc or authenticate-cognito rule refuses a request it cannot redirect to the login page ' +
              '(API calls, or on-unauthenticated-request set to deny); a 403 comes from a listener rule or AWS WAF.',
            quoteOf(v, v.server),
          ),
        ]
      : undefined,
};

const amazonS3: Detector = {
  identifies: true,
  detect: (v) =>
    v.serverValue === 'amazons3'
      ? [
          makeFinding(
            'origin-amazon-s3',
            'Amazon S3 answered',
            "S3 does not know your app's users. Its refusals come from the bucket policy, object permissions, or a " +
              'presigned URL that expired or was signed for another method.',
            quoteOf(v, v.server),
          ),
        ]
      : undefined,
};

const azureFrontDoor: Detector = {
  identifies: true,
  detect: (v) => {
    const ref = v.has('x-azure-ref');
    return ref
      ? [
          makeFinding(
            'origin-azure-front-door',
            'The response passed through Azure Front Door',
            "Look up the x-azure-ref value in Front Door's access and WAF logs to see whether its WAF policy acted or the origin answered.",
            ref[2],
          ),
        ]
      : undefined;
  },
};

const envoy: Detector = {
  identifies: true,
  detect: (v) => {
    if (!v.serverValue.includes('envoy') && v.anyPrefix('x-envoy-') === undefined) return undefined;
    const upstreamTime = v.has('x-envoy-upstream-service-time');
    if (upstreamTime) {
      return [
        makeFinding(
          'origin-envoy-upstream',
          'Envoy forwarded this response from your service',
          'x-envoy-upstream-service-time shows the service behind the mesh or gateway answered, so the 401 comes from ' +
            'the application, not from the proxy.',
          upstreamTime[2],
        ),
      ];
    }
    if (v.status !== 401 && v.status !== 403) return [];
    return [
      makeFinding(
        'origin-envoy-generated',
        'The Envoy proxy (service mesh or gateway) answered itself',
        'There is no x-envoy-upstream-service-time, so the request never reached the service. With Istio, a ' +
          'RequestAuthentication or AuthorizationPolicy rejected it: check its JWT rules (issuer, JWKS, audiences) and that ' +
          'the Authorization header survives every hop in front of the mesh.',
        quoteOf(v, v.server, v.anyPrefix('x-envoy-')),
      ),
    ];
  },
};

const proxyVia: Detector = {
  identifies: false,
  detect: (v) =>
    headersNamed(v.e.response.headers, 'via')
      .filter((via) => !/cloudfront/i.test(via[1]))
      .map((via) =>
        makeFinding(
          'origin-proxy-via',
          `The response passed through a proxy (Via: ${shown(via[1], 80)})`,
          "Each hop listed in Via can answer, cache or rewrite requests. If the 401 is missing from the application's " +
            'logs, one of these hops produced it.',
          via[2],
        ),
      ),
};

const DEFAULT_PAGE = /could not verify that you|<center>nginx|401 authorization required/i;

const defaultErrorPage: Detector = {
  identifies: false,
  detect: (v) => {
    if (v.status !== 401) return undefined;
    const line = v.e.response.body.find((l) => DEFAULT_PAGE.test(l.text));
    return line
      ? [
          makeFinding(
            'origin-default-error-page',
            "This is the web server's built-in 401 page",
            "The body is nginx's or Apache's default error page, so the web server configuration (auth_basic, AuthType, " +
              'Require rules) produced the 401, not the application.',
            line.text,
          ),
        ]
      : undefined;
  },
};

/** Only when no detector named the hop: what the Server or X-Powered-By header says about the software. */
function serverSoftware(v: View): Finding[] {
  const poweredBy = v.has('x-powered-by');
  const powered = poweredBy && POWERED_BY_NOTES.find(([re]) => re.test(poweredBy[1]));
  const server = v.server;
  const software = server && SERVER_NOTES.find(([re]) => re.test(server[1].trim()));
  const note = powered ? ([powered, poweredBy] as const) : software ? ([software, server] as const) : undefined;
  if (!note) return [];
  const [[, label, detail], line] = note;
  return [makeFinding('origin-server-software', `The response came from ${label}`, detail, quoteOf(v, line))];
}

/** In the order their findings are listed. The server-software note goes before the default page. */
const DETECTORS: readonly Detector[] = [cloudflare, cdnChallenge, cloudFront, awsApiGateway, awsAlb, amazonS3, azureFrontDoor, envoy, proxyVia];
const LATE_DETECTORS: readonly Detector[] = [defaultErrorPage];

function viewOf(e: Exchange): View {
  const headers = e.response.headers;
  const server = firstHeader(headers, 'server');
  return {
    e,
    status: e.response.status ?? 0,
    server,
    serverValue: server?.[1].trim().toLowerCase() ?? '',
    has: (name) => firstHeader(headers, name),
    anyPrefix: (prefix) => headers.find((h) => h[0].toLowerCase().startsWith(prefix)),
  };
}

function hint(e: Exchange): Finding[] {
  const v = viewOf(e);
  const findings: Finding[] = [];
  let identified = false;
  for (const d of DETECTORS) {
    const found = d.detect(v);
    if (!found) continue;
    identified ||= d.identifies;
    findings.push(...found);
  }
  if (!identified) findings.push(...serverSoftware(v));
  for (const d of LATE_DETECTORS) findings.push(...(d.detect(v) ?? []));
  return findings;
}

export const originHintsRule: Rule = (ctx) =>
  ctx.exchanges
    .filter((e) => e.headersKnown && (e.response.status === undefined || e.response.status >= 400))
    .flatMap(hint);
