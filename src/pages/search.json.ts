import type { APIRoute } from 'astro';
import { loadSite } from '../lib/site';
import { contentDocuments } from '../search/documents';
import { plainText } from '../markdown/inline';
import { packDocuments } from '../search/wire';

/** The search documents, packed (see search/wire.ts); fetched by the browser only when someone first searches. */
export const GET: APIRoute = async () => {
  const site = await loadSite();
  const docs = contentDocuments(site.content, plainText);
  return new Response(JSON.stringify(packDocuments(docs)), { headers: { 'Content-Type': 'application/json' } });
};
