import type { APIRoute } from 'astro';
import { loadSite } from '../lib/site';
import { publishFlow } from '../flow/publish';
import { guideUrl } from '../lib/urls';

export const GET: APIRoute = async ({ site: origin }) => {
  const site = await loadSite();
  const body = publishFlow(site.flow, site.machine, site.paths, (id) => new URL(guideUrl(id), origin).pathname);
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json' } });
};
