import type { APIRoute } from 'astro';
import { loadSite } from '../lib/site';
import { searchDocuments } from '../search/documents';
import { plainText } from '../markdown/inline';

/** The search documents; fetched by the browser only when someone first searches. */
export const GET: APIRoute = async () => {
  const site = await loadSite();
  const docs = searchDocuments(
    site.content.fixes.map((f) => f.data),
    site.content.examples.map((e) => e.data),
    site.content.checklists.map((c) => c.data),
    plainText,
  );
  return new Response(JSON.stringify(docs), { headers: { 'Content-Type': 'application/json' } });
};
