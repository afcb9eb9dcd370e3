/**
 * Platform alternatives: the names a `###` heading may carry to become a tab
 * (content/README, "Platform alternatives as tabs"), the stable key each tab is
 * remembered by, and which tab to show first. Pure: no DOM, no storage.
 */

/** Exactly these heading texts (compared case-insensitively) form tab runs. */
export const PLATFORM_NAMES = [
  'nginx', 'Apache', 'Caddy', 'IIS', 'HAProxy', 'Traefik', 'Varnish', 'Kubernetes ingress-nginx',
  'Cloudflare', 'CloudFront',
  'Chrome', 'Firefox', 'Safari', 'Edge', 'Samsung Internet', 'Android', 'iPhone',
  'curl', 'fetch', 'axios', 'Python requests', '.NET HttpClient', 'Node.js', 'Go', 'Java', 'Python', 'Ruby',
  'Express', 'Django', 'Rails', 'Flask', 'ASP.NET Core', 'Spring', 'Laravel', 'PHP',
  'WordPress', 'Drupal', 'Joomla', 'Ghost', 'Strapi', 'Contentful', 'Directus', 'Sanity',
  'WooCommerce', 'Shopify', 'Magento',
  'Auth0', 'Okta', 'Keycloak',
  'kubectl', 'AWS', 'Azure', 'Google Cloud',
] as const;

// Built on first use, so the browser bundle (which never needs the names) can drop them.
let byLowerName: Map<string, string> | undefined;

/** The platform a heading names, or undefined when its text is not exactly one platform. */
export function platformName(headingText: string): string | undefined {
  byLowerName ??= new Map(PLATFORM_NAMES.map((n) => [n.toLowerCase(), n]));
  return byLowerName.get(headingText.trim().replace(/\s+/g, ' ').toLowerCase());
}

/** "Kubernetes ingress-nginx" -> "kubernetes-ingress-nginx", ".NET HttpClient" -> "net-httpclient". */
export function platformKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * Guide answer ids that name a platform, likeliest tab first. The one table to
 * edit when the flow gains an answer such as "Caddy".
 */
export const ANSWER_PLATFORMS: Readonly<Record<string, readonly string[]>> = {
  'nginx-apache': ['nginx', 'apache'],
  kubernetes: ['kubernetes-ingress-nginx', 'kubectl'],
  ingress: ['kubernetes-ingress-nginx'],
  cli: ['kubectl'],
  'admin-blocked': ['wordpress'],
  'rest-api': ['wordpress'],
  'app-password': ['wordpress'],
  drupal: ['drupal'],
  joomla: ['joomla'],
  ghost: ['ghost'],
};

/**
 * The phone (or tablet) a user agent describes, if any. iPadOS asks for desktop
 * pages with a Mac user agent, so a Mac with a touch-only pointer is an iPad,
 * whose steps are the iPhone's.
 */
export function phoneOf(userAgent: string, coarsePointer = false): 'iphone' | 'android' | undefined {
  if (/iPhone|iPad|iPod/.test(userAgent)) return 'iphone';
  if (/Android/.test(userAgent)) return 'android';
  if (coarsePointer && /Macintosh/.test(userAgent)) return 'iphone';
  return undefined;
}

/** A remembered choice: the tab picked, and the answer-derived hint in force when it was picked. */
export interface StoredChoice {
  p: string;
  h?: string;
}

/** Parse the stored choices; anything malformed is dropped, never thrown. */
export function parseChoices(raw: string | null | undefined): StoredChoice[] {
  if (!raw) return [];
  try {
    const list: unknown = JSON.parse(raw);
    if (!Array.isArray(list)) return [];
    return list
      .filter((c): c is StoredChoice => !!c && typeof c === 'object' && typeof (c as StoredChoice).p === 'string' &&
        ((c as StoredChoice).h === undefined || typeof (c as StoredChoice).h === 'string'))
      .map((c) => (c.h ? { p: c.p, h: c.h } : { p: c.p }))
      .slice(0, 12);
  } catch {
    return [];
  }
}

/** Most recent first, one entry per platform, at most 12. */
export function rememberChoice(list: StoredChoice[], choice: StoredChoice): StoredChoice[] {
  return [choice, ...list.filter((c) => c.p !== choice.p)].slice(0, 12);
}

export interface ChoiceInput {
  /** The tab keys of this tab set, in content order. */
  available: string[];
  /** Answer ids from the guide's trail, oldest first. */
  answers?: string[];
  stored?: StoredChoice[];
  /** The phone the visitor is on, if any. */
  phone?: 'iphone' | 'android';
}

/** The platform the person's own answers point at within this tab set (latest answer wins). */
export function hintFromAnswers(available: string[], answers: string[] = []): string | undefined {
  for (const answer of [...answers].reverse()) {
    const hit = (ANSWER_PLATFORMS[answer] ?? []).find((p) => available.includes(p));
    if (hit) return hit;
  }
  return undefined;
}

/**
 * Which tab to open first: a choice the person made here before, unless their
 * answers now point somewhere new; then their answers; then their phone; then
 * the first tab (the author's order).
 */
export function choosePlatform({ available, answers, stored = [], phone }: ChoiceInput): string | undefined {
  const hint = hintFromAnswers(available, answers);
  const remembered = stored.find((c) => available.includes(c.p));
  if (remembered && (!hint || remembered.h === hint)) return remembered.p;
  if (hint) return hint;
  if (phone && available.includes(phone)) return phone;
  return available[0];
}
