/**
 * The third build the help-desk embed and beacon tests need: the site with a help desk's settings
 * (one origin allowed to frame it, an outcome endpoint). `npm test` builds it beside the other two;
 * helpdesk.spec.ts builds it itself when it is missing or older than dist/ (a spec run alone).
 */
export const HELPDESK_DIST = 'dist-helpdesk';
export const GUIDE_PORT = 4402;
export const HOST_PORT = 4410;
export const COLLECTOR_PORT = 4411;
export const STRANGER_PORT = 4412;

export const HELPDESK_BUILD_ENV = {
  EMBED_ORIGINS: `http://127.0.0.1:${HOST_PORT}`,
  OUTCOME_ENDPOINT: `http://127.0.0.1:${COLLECTOR_PORT}/events`,
  OUT_DIR: HELPDESK_DIST,
  // Its own content-layer cache, so it never writes the store another build is using.
  ASTRO_CACHE_DIR: 'node_modules/.astro-helpdesk',
};
