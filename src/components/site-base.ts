/**
 * The site's base path in the browser ("/" or "/help/401/"), as the layout writes it on
 * `<html data-base>`. Client scripts build guide URLs with `nodeUrl(base(), id)` from
 * src/flow/addresses.ts; the pages use src/lib/urls.ts.
 */
export const base = () => document.documentElement.dataset.base ?? '/';
