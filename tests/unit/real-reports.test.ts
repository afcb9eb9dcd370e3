/**
 * Real, public 401 reports (tests/fixtures/real-reports/): does the product solve them?
 * Written before any content or ranking was tuned; 70% tune, 30% held out (split by id hash).
 * Both rates are printed; the held-out part is the honest one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentFiles, loadContentDir } from '../../src/model/load-files';
import { flowInputOf } from '../../src/model/flow-input';
import { plainText } from '../../src/markdown/inline';
import { contentDocuments } from '../../src/search/documents';
import { createSearch } from '../../src/search/engine';
import { compileFlow, createGuideMachine, replay } from '../../src/flow/machine';
import { untriedShortlist } from '../../src/flow/types';
import { loadRealReports, type RealReport } from './lib/real-reports';

const reports = loadRealReports();
const { content } = loadContentDir('content');
const fixIds = new Set(content.fixes.map((f) => f.data.id));
const exampleFix = new Map(content.examples.map((e) => [e.data.id, e.data.fixId]));
const { search } = createSearch(
  contentDocuments(content, plainText),
);
const machine = createGuideMachine(
  compileFlow(flowInputOf(content)),
);

/** The fix a search result stands for: a fix page itself, or the fix an example page leads to. */
function fixOfUrl(url: string): string | undefined {
  const [kind, id] = url.split('/').filter(Boolean).slice(-2);
  if (kind === 'guide') return id;
  if (kind === 'examples') return exampleFix.get(id ?? '');
  return undefined;
}

/**
 * The first two fixes the guide offers for a report's answers (the first shown, then after one "No"), and every
 * fix the first fix page names: itself, and its shortlist's other causes ("Next" and "Also likely").
 */
function offered(r: RealReport): { two: string[]; firstPage: string[] } {
  const trail = r.answers.map((answer) => ({ node: '', answer }));
  const first = replay(machine, { trail, tried: [] });
  if (!first || !fixIds.has(first.node)) return { two: [], firstPage: [] };
  const second = replay(machine, { trail, tried: [first.node] });
  const two = second && fixIds.has(second.node) ? [first.node, second.node] : [first.node];
  return { two, firstPage: [...new Set([...two, ...untriedShortlist(first.context, first.node)])] };
}

/** The misses printed: the first 40, or every miss of the batches whose file name contains REPORT_FILES (a new batch's). */
const shown = <T,>(misses: T[], reportOf: (m: T) => RealReport): T[] => {
  const only = process.env.REPORT_FILES;
  return only ? misses.filter((m) => reportOf(m).file.includes(only)) : misses.slice(0, 40);
};
const pct = (n: number, d: number) => `${n}/${d} (${((100 * n) / d).toFixed(1)}%)`;
const parts = ['tuning', 'held-out'] as const;
/** The same rate per file: a batch written later is a fresh test of what earlier batches tuned. */
function byBatch(rs: RealReport[], misses: RealReport[]): string {
  const files = [...new Set(rs.map((r) => r.file))];
  if (files.length < 2) return '';
  return ` (${files.map((f) => {
    const n = rs.filter((r) => r.file === f).length;
    return `${f} ${pct(n - misses.filter((m) => m.file === f).length, n)}`;
  }).join('; ')})`;
}
/**
 * Floors, not goals. The goal is 90% (tuning) and 85% (held out) for both checks; the floors sit a little
 * under the last measured figures, so a change that makes things worse fails and the gap stays visible.
 * Each batch, measured on arrival before any change for it (search top-3, guide within two), and the
 * totals (tuning / held out) after tuning on it:
 * - part-1, part-2 (2026-11-29): totals search 90.4% / 64.3%, guide 87.6% / 70.0%.
 * - part-3: totals search 92.5% / 63.6%, guide 88.3% / 72.7%.
 * - part-4, 102 reports: 69 and 74 on arrival; totals search 86.9% / 65.2%, guide 84.6% / 74.1%.
 * - part-5, 66: 37 and 42 (held-out 16: 7 and 9); totals search 84.8% / 62.9%, guide 82.8% / 72.2%.
 * - part-6, 60: 34 and 33 on that day's starting code, 36 and 34 after its changes; totals search 82.8% / 60.6%, guide 79.8% / 71.2%.
 * - part-7, 60: 29 and 29 on the day's starting code, 32 and 36 after; totals search 84.4% / 61.3%, guide 79.1% / 69.6%.
 * - part-8, 60 (at 55318ba): 31 and 36; totals search 80.8% / 63.6%, guide 78.1% / 70.4%.
 * - part-9, 60 (at 898d19b; 55318ba scored 32 and 40, so part-8's knowledge did not carry over): 31 and 40;
 *   totals search 80.5% / 62.6%, guide 78.0% / 70.5%.
 * - part-10, 17, cut short when the session's search budget ran out (at 327f5ae; 55318ba scored 13 and 15):
 *   12 and 15; totals after three recorded gaps were filled, search 80.8% / 63.1%, guide 78.1% / 71.2%.
 * - part-11, 60 (at e92c0ad, search and routing as at cded818): 36 and 41 (60% and 68%, held-out 18: 14 and 17);
 *   totals on arrival search 78.7% / 64.1%, guide 76.6% / 72.9%; after its knowledge, search 80.6% / 64.1%, guide unchanged.
 * - part-12, 60, collected as a help desk meets reports (common causes welcome, not only new ones): at e92c0ad
 *   33 and 40; at cfc3644 (after part-11's knowledge) 34 and 40. Totals on arrival search 78.9% / 63.8%,
 *   guide 76.1% / 72.0%; after its knowledge and two shortlists, search 79.5% / 63.8%, guide 76.4% / 72.0%
 *   (13 tuning reports gained, 9 older ones lost to pages that now share their words).
 * - part-13, 60, collected the same way: at e92c0ad 37 and 42; at 770e011 (after part-11's and part-12's
 *   knowledge) 38 and 42. Totals on arrival search 79.0% / 62.5%, guide 76.0% / 71.9%; after Porter stems
 *   and its knowledge, search 79.8% / 62.5% (the knowledge alone: 9 tuning reports gained, 7 lost), guide unchanged.
 * - part-14, 14 (collection stopped when the session's search budget ran out): 7 and 7 at e92c0ad and at
 *   c140960 alike. Totals on arrival search 79.6% / 61.9%, guide 75.8% / 71.1%.
 * - The four "Not sure" answers of 6c6bf1a: a blind reader re-walked the 131 reports that pass those questions
 *   and picked one for 15; with those answers, guide within two 505 / 205, and 505 / 207 once the new API answer's
 *   shortlist took the order of the "expired" answer's (chosen after seeing the held-out walk, so that part is not
 *   a clean measurement).
 * - part-15, 66, collected as a help desk meets reports (at bd2f3f7): 44 and 40 (67% and 61%; held-out 17: 9 and 11).
 *   Totals on arrival search 79.0% / 61.4%, guide 74.7% / 70.8%: the guide floors moved down with it.
 *   After its knowledge and BM25 length normalisation for long questions: search 81.1% / 64.0%, guide unchanged.
 * - part-16, 66, collected the same way: at bd2f3f7 (this day's start) 41 and 43; at c219715 (after part-15's
 *   knowledge and the length normalisation) 44 and 43; at 0c8acfd (the knowledge, before the normalisation) 44 too,
 *   so the normalisation that gained 5 held-out reports of the older corpus gained none of this batch. Totals on
 *   arrival search 80.6% / 63.4%, guide 74.4% / 69.8%. After its knowledge and three shortlists: search 81.2% / 64.3%,
 *   guide within two unchanged, named on the first fix page 83.0% / 78.4%.
 * - part-17, 66, collected the same way and not tuned on this day: at bd2f3f7 44 and 49; at the day's end 45 and 49.
 *   Totals with it search 81.2% / 63.2%, guide 74.3% / 70.2%; the floors sit under these.
 * - part-18, 43 (collection ran dry: ordinary queries now mostly return threads already here): at bd2f3f7 32 and 30;
 *   at a5a4aac, the day's end, 33 and 30. Totals with it search 81.4% / 64.0%, guide 74.9% / 70.2%.
 * - Four new questions (2026-11-30: where a failing token comes from, which app fails and since when, what goes
 *   wrong behind nginx or Apache, which CMS credential is refused), each answered by a blind reader for every
 *   report that reaches it, and the curl-vs-code shortlist reordered: guide 76.9% / 71.0%, first fix right
 *   61.6% / 57.0%; the guide floors rose. Three more splits were tried and withdrawn, each losing tuning reports:
 *   the same token question after "my API rejects tokens that look valid" (1), hosted vs self-hosted registries
 *   (1), and the WordPress REST API's error code (2, though it put more right fixes first).
 * - Three shortlists given the next cause their tuning reports named (after an upgrade, a known bug in the new
 *   release; after a headless CMS token, secrets unset per container; after an SPA login, a front end that never
 *   attaches the token): guide 77.7% / 71.0%. A fourth (the header format first for tokens that look valid) gained
 *   2 tuning reports and lost 4 held-out ones; it was withdrawn, so the held-out part is not clean for it.
 * - part-19, 66, collected by product and audience as a help desk meets reports, its answers from two blind readers
 *   who saw only the words (the ids hidden): at 8a5c02b (this day's start) and at e380766 alike search 43 and
 *   guide 41 (65% and 62%; held-out 17: 10 and 11). Totals on arrival search 80.6% / 63.8%, guide 76.8% / 70.7%.
 *   After its knowledge, the app-password reorder and a new question behind "I can't get into the admin" of a CMS
 *   (blocked, loops back to the login, locked out, not sure; its 15 reports answered it blind): search 81.4% / 63.8%,
 *   guide 77.4% / 70.7%.
 * - part-20, 66, collected the same way from other fields (package managers and git, data and monitoring tools,
 *   smart homes and AI clients, enterprise sign-in and mobile clients): at 6aa774e search 40 and guide 35 (61% and
 *   53%; held-out 20: 11 and 12); at 8a5c02b (this day's start) 41 and 36. Totals on arrival search 80.5% / 63.3%,
 *   guide 76.0% / 70.2%.
 * - part-21, 67 (hosting platforms and social sign-in, home devices and mail clients, less common backend
 *   frameworks): at 527ef2d search 41 and guide 44 (61% and 66%; held-out 27: 16 and 16); at 8a5c02b 41 and 43.
 *   Totals on arrival search 79.7% / 62.8%, guide 76.1% / 69.5%: the search tuning and guide held-out floors
 *   moved down with it.
 * - part-22, 65 (commerce and messaging APIs, homelab software, infrastructure automation and SSO): at fdbf91e
 *   search 41 and guide 40 (63% and 62%; held-out 21: 11 and 11); at 8a5c02b 37 and 38, the first batch that
 *   scored better against the day's end than its start (all four search gains refused API keys). Totals on arrival search 79.5% / 62.4%, guide 76.0% /
 *   68.5%: the guide held-out floor moved down with it.
 * - part-23, 64 (proxies, web servers and gateways; data stores and backend services; phone and desktop apps and
 *   CMSs other than WordPress): at a87780f search 35 and guide 37 (55% and 58%; held-out 12: 7 and 7), the lowest
 *   arrival yet. Totals on arrival search 79.2% / 63.5%, guide 75.1% / 68.2%.
 * - The 267 \`gap\` notes audited page by page: 174 were stale (a section now covers the cause) and were dropped,
 *   15 of them gaining the covering page in \`fixes\` (search +2 / +2, guide +4 / +2 from labels alone). Sections
 *   for every remaining cause seen twice or more, and a page for the admin login of an app you host, reached from
 *   "a password is refused" behind "a site or server I run" (the 327 reports that start there re-answered those
 *   two questions blind; a trail changed only where the reader now chose the password answer, 23 of them). The
 *   knowledge alone moved search by 0 / -2; the reports whose gap it fills then got it in \`fixes\` (+2 / +2).
 *   Totals: search 79.8% / 64.0%, guide 75.7% / 69.3%, first fix right 59.2% / 56.3%.
 * - part-24, 66 (CI/CD and registries, identity providers and frameworks' own sign-in, self-hosted home and media
 *   software), collected after all of the above: search 49 and guide 39 (74% and 59%; held-out 15: 11 and 10); at
 *   a87780f (this day's start) 46 and 37, the two guide gains being the new self-hosted admin answer. Totals on
 *   arrival search 79.5% / 64.3%, guide 74.8% / 69.2%: the guide tuning floor moved down with it.
 * - Three blind readers walked 300 tuning reports and named every question where no answer fitted. Two missing
 *   answers followed: a developer tool at the start (24 of 300 lacked it; all 1,592 reports re-asked the first
 *   question, 203 picks applied) and an app, not a web page, behind "a sign-in keeps coming back" (6 picks), with
 *   the "can't run these tests" shortlist reordered: guide 75.1% / 69.8%, search 79.6% / 64.5%. A third, "it
 *   worked for weeks or months, then every call fails" behind "it worked, then started failing", drew 20 picks from
 *   485 API reports and lost 3 tuning and 4 held-out reports (their causes were too varied for one shortlist): it
 *   was withdrawn, so the held-out part is not clean for it.
 * - part-25, 66 (SaaS and payment APIs; developer tools on a workstation or in CI; ordinary people's mail, media,
 *   game and router apps), collected after the new answers, in fields chosen partly to try them: search 46 (70%;
 *   at a87780f 43) and guide 48 (73%, the highest arrival yet; held-out 19: 14 and 12). 26 of its walks use an
 *   answer added this day, 23 of them the developer-tool one, which reaches the same shortlists as before one
 *   answer sooner, so the day's-start guide cannot be walked with them. Totals on arrival search 79.1% / 64.8%,
 *   guide 75.2% / 69.6%.
 * - part-26, 66 (web frameworks and single-page apps; hosting panels, WordPress and the sites visitors use; cloud
 *   platforms and monitoring tools), collected at 66475ac: search 39 (59%; held-out 17: 12) on 53c85b6, whose only
 *   change is search.json's format. Its answers were walked blind with one new answer behind "my API rejects":
 *   "it says no token was found, though I send one" (a miss the misfit review named): guide 37 (56%; held-out 10),
 *   three walks using it, none of them reaching a right fix with the first order tried (the proxy first). The 84
 *   older reports that reach that question were asked it again, blind, and 12 picked the new answer. Ordered by
 *   those picks of the tuning part (a header the client never attaches, then a proxy that strips it): the older
 *   reports +5 -1 tuning, 0 held out; part-26 guide 38. Totals search 78.3% / 65.0%, guide 74.8% / 69.2%: the search
 *   tuning floor moved down with the batch.
 * - A question behind "right after sign-in or a redirect" on a site you run (a sign-in loop, the leaf with the most
 *   misses, 11 of 21 tuning reports): what is around the sign-in (the browser drops the cookie, HTTPS ends at a
 *   proxy, sign-in on another host, several servers, after an update, not sure). Its 29 reports answered it blind,
 *   14 of them "not sure", which keeps the old shortlist: guide +3 tuning, +1 -1 held out; first fix right +4 / 0.
 * - A question behind "a username and password (Basic auth)" for API calls that always fail (the shortlist whose
 *   reports were offered a right fix third or later, or never, most often): symbols in the password, the same login
 *   works on the website, the server says nothing was sent, it worked before, not sure. Its 44 reports answered it
 *   blind (20 "not sure"): guide +3 -1 tuning, +3 held out; first fix right +5 / +5. Totals search 78.3% / 65.0%,
 *   guide 75.2% / 69.8%, first fix right 58.9% / 57.1%.
 * - A question behind a visitor's "my username or password" (44 reports, 8 of 30 tuning ones missed): whose
 *   account (a service someone else runs, or the admin login of an app or device I set up myself, 19 picks),
 *   a password just changed, symbols in it, after an update, not sure. Answered blind: +1 / +1; first fix right
 *   +1 -1 in each part, after the first order tried (the self-hosted page first) lost 7 first fixes to the
 *   generic password page that most of those reports name, which points on to it.
 * - Knowledge for part-26's gaps (ten sections) and a few symptoms: search 942 / 341 on the corpus of the time.
 * - part-27, 66 (ordinary people's apps and services; third-party APIs and SDKs; self-hosted servers, auth gateways
 *   and registries), collected after all of the above: search 33 (50%; held-out 18: 11) at 7a3b5bc, against 36 on
 *   66475ac (the day's start): the day's sections pulled three of its reports to the wrong page. One symptom that
 *   describes a password layer in front of Grafana as much as its own data source was dropped (9af1b1a): 34. Guide
 *   43 (65%; held-out 11); the day's-start guide, walked with the same answers cut short where a question is new,
 *   42. Totals on arrival search 77.2% / 65.4%, guide 74.9% / 69.7%: the search tuning floor moved down with it.
 * - "Not sure" behind the Basic-auth question no longer starts with the password-encoding page, since people with
 *   symbols in the password have their own answer now: the account first, then the API's own token or key (the
 *   other order made the key page the one offered first, wrongly, to 4.6% of all reports, over the limit):
 *   guide +5 -1 tuning, +3 -1 held out.
 * - Tried and withdrawn: "an app that signs in to a server address I typed in" behind "only one app fails" (15 of
 *   73 re-asked picked it; their causes were the same mix as "it never worked": -2 and -1 tuning in two orders, -1
 *   held out), and the client-secret shortlist led by the request format (tuning +2, held out -1 then 0), and a question
 *   behind "tokens that look valid" on what the API says about the token (34 re-asked, 15 "not sure": +2 tuning,
 *   -1 held out within two, +2 first fix right), and one behind "an API key" on what
 *   the API says about the key (81 re-asked; +1 tuning, 0 held out, first fix right +3 -1 and -1 after reordering
 *   by the tuning picks: not worth a question), so the held-out part is not clean for them.
 * - Symptoms weigh 2.5 in search, not 2 (0aa83e9): tuning 966 -> 973, held out 352 -> 356.
 * - part-28, 63 (enterprise sign-in and Microsoft servers; mobile and client developers; data, ML and build
 *   tooling), collected at the end of the stop: search 27 (43%; held-out 16: 4), against 29 on 66475ac (the day's
 *   start), whose content with the new weight also gives 29: the day's sections cost it two (a cookie section and
 *   a Cognito symptom pulled two reports). Guide 38 (60%; held-out 8), against 35 on 66475ac walked with the same
 *   answers cut short where a question is new (10 walks use one). Totals on arrival search 76.7% / 65.0%, guide
 *   74.8% / 69.5%: the search tuning floor moved down with it.
 * - part-29, 66 (people's home devices, media servers and mail clients; developers calling APIs from code; web
 *   servers, auth proxies, CI and CMS owners), collected at 73f730f (the next stop's start, whose only change is a
 *   list of sections on fix pages): search 35 (53%; held-out 21: 7), guide 46 (70%; held-out 14), first fix right
 *   37. Totals on arrival search 76.1% / 64.2%, guide 74.7% / 69.4%.
 * - Two solve-audit rounds (README, Real reports): remedies the pages lacked for 486 tuning reports they already
 *   land, plus sections for part-29's two repeated gaps (a device's own local account; CUPS's SystemGroup and
 *   PAM). Search words were kept to new cases, yet every section moves the vocabulary: search 1023 -> 1025 tuning,
 *   369 -> 367 held out (the first round alone 366); the guide is unchanged (content only).
 * - Two more solve-audit rounds (221 tuning reports) and their remedies: search 1025 -> 1027 -> 1025 tuning,
 *   367 -> 368 -> 365 held out (round three, then four; four's new words reshuffled 25 tuning reports, 12 up,
 *   13 down); the guide is unchanged (content only).
 * - part-30, 46 (visitors' sites and apps; registries, CI and cloud CLIs; identity, gateways and CMSs beyond
 *   WordPress: the collectors found most threads in their fields already used), collected after those rounds:
 *   search 34 (74%; held-out 13: 9), guide 33 (72%; held-out 13: 9), first fix right 21, median answers 3. The
 *   best search arrival yet (part-29: 53%). Totals on arrival search 76.3% / 63.6%, guide 74.7% / 69.6%.
 * - Remedies for part-30's own tuning gaps (its solve audit): search 1050 -> 1051 tuning, 374 -> 373 held out
 *   (two new error strings with generic words cost four tuning hits and were left out of `errors`). On the
 *   1,919 reports this stop began with: search 1025 -> 1026 tuning, 367 -> 364 held out; guide unchanged.
 * - part-31, 47 (data and monitoring services; app developers, bots and home-automation integrations; developer
 *   platforms, git over HTTPS and IDE plugins), collected at the end of the stop: search 30 (64%; held-out 9: 6),
 *   guide 33 (70%; held-out 9: 9), first fix right 24, median answers 3. Totals on arrival search 75.97% /
 *   63.5%, guide 74.3% / 70.0%: the search tuning floor moved down with it, to 0.75.
 * - Remedies for part-31's own tuning gaps: search 1075 -> 1072 tuning (seven reports lost a place in the top
 *   three to a page that gained words, four gained one), 379 held out unchanged; guide unchanged. Net for the stop
 *   on the 1,919 reports it began with: search 1025 -> 1022 tuning, 367 -> 364 held out.
 * - Ranking, not content: a fifth of a page's score from its one best passage (scoring.ts, BEST_PASSAGE), chosen
 *   on the tuning part: search 1072 -> 1100 tuning (77.7%), and held out, measured once, 379 -> 387 (64.8%). The
 *   search floors moved up with it.
 * - part-32, 60 (app developers on hosted auth and SaaS SDKs; web frameworks' own authentication; AI and LLM APIs
 *   and their tools), collected after the ranking change: search 36 (60%; held-out 10: 6), the same batch on the
 *   stop's starting commit 2a6cb7e 35; guide within two 41 (68%; held-out 10: 8), first fix right 31. Totals on
 *   arrival search 77.1% / 64.7%, guide 74.1% / 70.2%: the search tuning floor moved down to 0.76 with it, as
 *   it did for part-28 and part-31.
 * - On the 2,072 reports: solve-audit round five (49 more landed tuning reports, 27 full on arrival) and its
 *   remedies, search 1130 -> 1134 tuning, 393 -> 396 held out; a version number in a query searches for the
 *   upgrade it implies (reduce.ts, VERSION), 1134 -> 1140, 396 -> 399; remedies for part-32's tuning gaps,
 *   1140 -> 1152, 399 -> 406 (the seven held-out gains are older reports, none of part-32's). Guide unchanged
 *   (a reorder of one answer's shortlist moved first fix right only). The search floors moved up with it.
 * - part-33, 59 (shop platforms and payment plugins; BI, analytics and data tools; NAS, network appliances and
 *   self-hosted infrastructure UIs), collected after all of the above: search 37 (63%; held-out 18: 11), against
 *   34 on the day's starting commit 2a6cb7e and 36 after the ranking change alone; guide within two 39 (66%;
 *   held-out 18: 6), first fix right 37. Totals on arrival search 78.2% / 66.7%, guide 74.2% / 69.1%.
 * - Remedies for part-33's tuning gaps: search 1178 -> 1182 tuning, 417 -> 418 held out; guide unchanged. Net for
 *   the stop on the 2,012 reports it began with: search 1072 -> 1116 tuning, 379 -> 400 held out; guide within
 *   two unchanged (1052 / 418), first fix right 813 -> 819 tuning, 342 held out.
 * - part-34, 60 (collaboration and sync software; API test tools, WebSocket, gRPC and HTTP client libraries;
 *   infrastructure auth layers: Traefik, Envoy, Prometheus, Loki, Kafka, Terraform providers), collected and walked
 *   blind at 2594af1 (the next stop's start): search 40 (67%; held-out 17: 11), guide within two 41 (68%; held-out
 *   17: 11), first fix right 27. Totals on arrival search 78.2% / 66.8%, guide 74.1% / 69.0%.
 *   Its solve audit on arrival (the 41 reports the guide landed, judged against the pages as they were): 16 full,
 *   24 partial, 1 none. Remedies for its tuning gaps and partials (30 sections on 14 pages): search 1211 -> 1218
 *   tuning, 429 -> 427 held out; guide unchanged (content only).
 * - part-35, 61 (front-end and mobile app auth; data, analytics and automation tools; everyday devices, shops and
 *   learning platforms), collected and walked blind at dbf5a6e: search 31 (51%; held-out 21: 13), guide within
 *   two 33 (54%; held-out 21: 11), first fix right 26. Totals on arrival search 77.8% / 66.4% (below the 0.78
 *   tuning floor, which is why that commit's CI went red), guide 73.6% / 68.5%. Its solve audit on arrival (the
 *   33 reports the guide landed): 17 full, 14 partial, 2 none.
 * - Six leaves' shortlists reordered by what the tuning reports reaching them needed: guide within two 1170 ->
 *   1177 tuning, 454 -> 458 held out. Remedies for part-35's tuning gaps and partials (19 pages): search 1236 ->
 *   1248 tuning (78.5%), 440 -> 440 held out (66.4%); guide unchanged (content only). Two SonarQube error lines
 *   and a Node-RED symptom were cut back to their specific words after they pushed right pages out of the top
 *   three of unrelated tuning reports.
 * - A second remedy round on tuning near-misses (a right page just outside the top three; 17 pages): search
 *   1248 -> 1275 tuning (80.2%; 38 gained, 11 lost), 440 -> 441 held out (66.5%); guide unchanged (1177 / 458).
 * - part-36, 39 (household and consumer app clients; CI, registries, brokers and API clients; web servers, serverless
 *   and headless CMS), collected from threads not yet in the corpus and walked blind (a walker saw only the words
 *   and the questions) at b082a2e: search 22 (56%; held-out 7: 4), guide within two 29 (74%; held-out 7: 4), first
 *   fix right 20. Totals on arrival search 79.8% / 66.4%, guide 74.2% / 69.0%. One report collected was dropped:
 *   the content already cites its thread.
 *   Remedies for its 14 tuning misses (11 pages, sections written from official docs where there are any):
 *   search 1293 -> 1305 tuning (80.5%; 11 of the 14 now found, 17 gained and 4 lost in all), 445 -> 447 held out
 *   (66.7%); guide unchanged (content only).
 * - A question after "An API key" (api-key-symptom: invalid key, no key seen, a new key or a changed account, test vs
 *   live, only "401"), for the 19 tuning misses of that leaf (9 wanted api-account-not-active, third in its list).
 *   The 102 reports that had stopped at "An API key" were walked on blind by two helpers who saw only the words and
 *   the new question. Guide within two 1202 -> 1207 tuning, 462 -> 462 held out; first fix right 942 -> 944
 *   tuning, 376 -> 376 held out. Median answers stays 3.
 * - part-37, 40 (SSO and business SaaS APIs; AI, data and automation APIs; front ends and mobile apps against their
 *   own back ends), collected and walked blind (with the API key question) at 430157c: search 32 (80%; held-out 9:
 *   9), guide within two 30 (75%; held-out 9: 7), first fix right 28. Totals on arrival search 80.4% / 67.2%, guide
 *   74.5% / 69.1%. Remedies for its 8 tuning misses (8 pages): search 1328 -> 1335 tuning (80.8%), 456 -> 458 held
 *   out (67.5%); guide unchanged (content only).
 * - part-38, 40 (people locked out at work, school and home: browsers, extensions, router, NAS and printer UIs, mail
 *   add-ons; Kubernetes and cloud CLIs and platforms; WordPress, WooCommerce, Jetpack and Magento), collected and
 *   walked blind at 26ec1c1: search 30 (75%; held-out 10: 8), guide within two 32 (80%; held-out 10: 8), first fix
 *   right 28. Totals on arrival search 80.7% / 67.6%, guide 74.6% / 69.2%.
 *   Remedies for its 8 tuning misses (8 pages): search 1357 -> 1359 tuning (80.8%; 5 of the 8 now found, 6 gained
 *   and 4 lost in all), 466 -> 466 held out (67.6%; 2 gained, 2 lost); guide unchanged (content only).
 * - Solve audit of part-36 to -38 (the 116 reports that land on a right page, judged by helpers against the pages
 *   after the remedies above): 49 full, 55 partial, 12 none. The missing content (a product's own credential or
 *   setting, release regressions, fixes written on a sibling page) was added to 30 pages as body text and sources;
 *   the round's new symptom lines were dropped again (search 1359 -> 1354 tuning with them, back to 1359 without).
 * - part-39, 40 (payment, commerce and messaging APIs; mobile and desktop app developers; self-hosted team tools),
 *   collected and walked blind at f5b12f0: search 23 (58%; held-out 9: 6), guide within two 29 (73%; held-out 9: 6),
 *   first fix right 27. Totals on arrival search 80.3% / 67.6%, guide 74.5% / 69.2%.
 *   Remedies for its 14 tuning misses (10 pages): search 1376 -> 1381 tuning (80.6%), 472 -> 478 held out (68.5%);
 *   guide unchanged (content only).
 * - part-40, 61 (serverless, API gateways and hosted backends; people's sync, reader, media and home apps; HTTP
 *   client libraries and CMSs or shops other than WordPress), collected and walked blind at 9cf0153 (content as
 *   at 16da75d): search 31 (51%; held-out 15: 7), guide within two 32 (52%; held-out 15: 6), the lowest arrival
 *   yet: sync and reader apps that only say "login failed", and client libraries' own bugs. Totals on arrival
 *   search 79.9% / 68.0%, guide 74.1% / 68.6%.
 *   Remedies for its tuning misses (7 pages, official docs and product source only): search 1405 -> 1412 tuning
 *   (80.3%; 9 gained, 2 lost, 5 of the gains older reports the writers never saw), 485 -> 484 held out (67.9%;
 *   3 gained, 4 lost); guide unchanged (content only).
 * - Tried and withdrawn: "A client ID and secret" (api-always) offering api-key-wrong-header (its token-endpoint
 *   section) first gained 3 tuning and 0 held out, but made that page the first wrong offer for 4.6% of reports,
 *   over the absorber limit below; second in the list it gains only 1.
 * - part-41, 60 (the Microsoft stack: Graph, SharePoint, Azure DevOps, Power BI, IIS; browser apps and their auth
 *   libraries; developer automation: forge APIs, Jenkins, SonarQube, Artifactory, IDE extensions), collected and
 *   walked blind after part-40's remedies: search 40 (67%; held-out 15: 12), guide within two 29 (48%; held-out
 *   15: 7); exactly the same against this stop's starting code 16da75d, so part-40's remedies did not reach it.
 *   Totals on arrival search 79.8% / 68.1%, guide 73.4% / 68.1%: the guide tuning
 *   floor moved down with it.
 * - A seventh answer to which-tool, "An IDE extension, code scanner or CI plugin that calls a server" (part-41's
 *   walkers found no answer for SonarQube scanners, editor extensions or a build agent's setup). All 354 reports that
 *   pass which-tool were asked it again blind; the 18 who picked the new answer now take it. Guide within two
 *   unchanged (1325 / 496; first fix right +1): those people reach the same first page as before, now by an answer
 *   that names them.
 * - Remedies for part-41's tuning misses (8 pages: Windows sign-in through proxies, Extended Protection, 401.3 and
 *   group changes; Microsoft 365 admin switches and EWS permissions; third-party-cookie renewal, Safari's localhost
 *   cookies, Firebase's __session; GitHub Enterprise and Azure DevOps Server addresses; tokens saved with a line
 *   break, CI secrets empty on forks): search 1440 -> 1443 tuning (10 gained, 7 lost), 496 -> 494 held out; guide
 *   unchanged (content only). Four overlapping symptom lines were dropped to keep search.json inside 78 KB.
 * - Solve audit of part-40 and part-41 after those remedies: 93 of 121 landed on a right page; 45 full, 39 partial,
 *   9 none (held-out: 21 landed, 9 full). Body-only remedies from the tuning notes; the 12 held-out reports not
 *   full were judged again on the new pages: 0 became full.
 * - part-42, 62 (single sign-on at universities, agencies and companies; observability and data platforms;
 *   messaging, mail and chat integrations), collected and walked blind at the end of the stop: search 34 (55%;
 *   held-out 15: 9), guide within two 42 (68%; held-out 15: 8); against the stop's starting code 16da75d, 33 and
 *   42. Totals on arrival search 79.3% / 67.7%, guide 73.4% / 67.8%: the guide held-out floor moved down with it.
 *   Remedies for its tuning misses (5 pages: SAML attributes behind a proxy, certificate rollover, assertion clock
 *   skew, SP cookie loops, OpenTelemetry exporter headers, InfluxDB token scopes; the verification search had run out,
 *   so facts were checked in the products' shipped files and source): search 1468 -> 1470 tuning, 503 -> 504 held
 *   out. The SES SMTP section (a gap seen three times) is not written: nothing could be verified.
 * - part-43, 66 (CMSs and shops, headless CMSs; people's home servers, apps and browser sign-in; API and cloud
 *   developers: AI, maps, payments, mobile backends, registries), collected and walked blind at the start of the
 *   next stop, measured at 113d60d: search 35 (53%; held-out 13: 10), guide within two 34 (52%; held-out 13: 10).
 *   Totals on arrival search 78.5% / 68.0%, guide 72.6% / 68.0%: the guide tuning floor moved down to 0.72.
 *   The SES SMTP section was then written from AWS's SES guide (search 1495 -> 1496 tuning). Remedies for part-43's
 *   tuning misses (Appwrite regions and permissions, sentry-cli's token and address, wg-easy's password hash,
 *   Mapbox tokens, WooCommerce keys of a deleted user): search 1496 -> 1492 tuning, 514 -> 513 held out. No one page
 *   accounts for the loss (each page alone is worth at most one report): longer pages shift every word's weight.
 *   Then remedies for its gap notes (kaniko's Docker config path, an admin page running its old cached script, a key
 *   from the environment that belongs to another provider): tuning unchanged at 1492; each symptom line tried for the
 *   cached-script section pulled two or three unrelated reports, so it went in body only.
 *   Solve audit of part-43 on arrival: 45 of 66 landed on a right page; 23 fully solved (tuning 15 of 33, held-out 8
 *   of 12), 17 partial, 5 not. Body-only remedies from the 18 tuning notes left search at 1492; the 4 held-out
 *   reports not full, judged again on the new pages: 0 became full.
 *   Tried on the scorer and not applied: SATURATION 1 -> 2.5 gained 19 tuning reports (the best of 0.7 to 4) and lost
 *   3 held out, so the gain is the tuning part's, not the world's.
 * - part-44, 61 (people running web servers, proxies and sign-in portals; developers building sign-in into their own
 *   apps; Kubernetes, registries, CI and cloud CLIs), collected and walked blind late in the same stop: search 36 (59%;
 *   held-out 18: 10), guide within two 30 (49%; held-out 18: 10), the same at the stop's starting code 113d60d, so
 *   this stop's remedies (all body text, or symptom lines for other causes) moved none of its landings. Totals on
 *   arrival search 78.0% / 67.8%, guide 72.1% / 67.7%: the search tuning floor moved down to 0.77. Over the whole
 *   corpus the stop's content changes cost 3 tuning search hits (1521 at 113d60d, 1518) and gained 1 held out.
 *   Its solve audit: 44 of 61 landed; 20 fully solved (tuning 15 of 31, held-out 5 of 13), 20 partial, 4 not.
 *   Body-only remedies from the 16 tuning notes (search and guide unchanged); the 8 held-out reports not full,
 *   judged again on the new pages: 0 became full.
 * - Next stop, three shortlist orders, each chosen for what its answer says and checked on the tuning part: a
 *   Basic-auth password failing through a proxy (header-lost) offers the two-password-layers page second, as its
 *   label names that case (within two 1403 -> 1407 tuning, 524 -> 525 held out); "docker login, push or pull" offers
 *   the saved-credentials page first and the registry-key page second (first fix right 1103 -> 1121 tuning, 431 -> 435
 *   held out); an app that never worked while the website does offers the app's known bug before the password (first
 *   fix right unchanged on tuning; the password page's wrong first offers 112 -> 83 of 2,721). Tried and not kept: an
 *   API caller not sure what the code sends offered the key page first (+1 tuning), which made it the first wrong
 *   offer to 160 of 2,721 reports, over ABSORB_LIMIT.
 * - part-45, 60 (visitors of consumer apps and sign-in portals; developers calling third-party APIs and building their
 *   own; self-hosters, proxies, serverless, Kubernetes and CI), collected and walked blind after those orders, measured
 *   at f8226cc: search 39 (65%; held-out 15: 11), guide within two 36 (60%; held-out 15: 9), first fix right 29; the
 *   same 39 and 36 at the stop's starting code 98df594 (no order above touched its walks). Totals on arrival search
 *   77.6% / 67.9%, guide 72.0% (1434 of 1,992, under 0.72 by two reports) / 67.7%: the guide tuning floor moved down
 *   to 0.71.
 *   Its solve audit on arrival: 46 of 60 landed; 26 fully solved (tuning 19 of 34, held-out 7 of 12), 17 partial, 3
 *   not. Body-only remedies from the 15 tuning notes (search and guide unchanged); the 5 held-out partial reports,
 *   judged again on the new pages: 0 became full.
 */
const FLOOR = {
  search: { tuning: 0.77, 'held-out': 0.66 },
  guide: { tuning: 0.71, 'held-out': 0.67 },
} as const;
/** The largest share of all reports that any one page may be offered first to when it is not their fix. */
const ABSORB_LIMIT = 0.045;

describe('the corpus of real 401 reports', () => {
  it('is large, sourced, balanced and names only fixes that exist', () => {
    expect(reports.length).toBeGreaterThanOrEqual(200);
    for (const audience of ['visitor', 'owner', 'api', 'cms', 'cloud'])
      expect(reports.filter((r) => r.audience === audience).length, audience).toBeGreaterThanOrEqual(30);
    expect(new Set(reports.map((r) => r.id)).size).toBe(reports.length);
    expect(new Set(reports.map((r) => r.source)).size).toBe(reports.length);
    const bad = reports.flatMap((r) => [
      ...(/^https?:\/\/\S+$/.test(r.source) ? [] : [`${r.id}: source is not a URL`]),
      ...(r.words.length <= 200 && r.words.trim() ? [] : [`${r.id}: words must be 1-200 characters`]),
      ...(r.cause.trim() ? [] : [`${r.id}: no cause`]),
      ...(r.fixes.length ? [] : [`${r.id}: no fixes`]),
      ...r.fixes.filter((f) => !fixIds.has(f)).map((f) => `${r.id}: unknown fix ${f}`),
      ...(r.answers.length ? [] : [`${r.id}: no answers`]),
    ]);
    expect(bad).toEqual([]);
    // The split is fixed by the ids; a large swing means someone re-keyed reports to move them.
    const held = reports.filter((r) => r.part === 'held-out').length / reports.length;
    expect(held).toBeGreaterThan(0.2);
    expect(held).toBeLessThan(0.4);
  });

  it('is never cited by the content: a page that links a report\'s own thread was written from its answer', () => {
    const bare = (url: string) => url.replace(/[/#]+$/, '').toLowerCase();
    const sources = new Map(reports.map((r) => [bare(r.source), r.id]));
    const cited = contentFiles('content').flatMap((file) =>
      [...readFileSync(`content/${file}`, 'utf8').matchAll(/https?:\/\/[^\s)"'<>\]]+/g)].flatMap(([url]) => {
        const id = sources.get(bare(url));
        return id ? [`${file} cites ${url} (${id})`] : [];
      }),
    );
    expect(cited).toEqual([]);
  });

  it('search puts one of the report\'s fixes in the top three', () => {
    const lines: string[] = [];
    const rates = parts.map((part) => {
      const rs = reports.filter((r) => r.part === part);
      // Each search once: the rate and the printed misses read the same top three.
      const top = new Map(rs.map((r) => [r, search(r.words).results.slice(0, 3).map((x) => fixOfUrl(x.doc.url) ?? x.doc.url)]));
      const misses = rs.filter((r) => !top.get(r)!.some((id) => r.fixes.includes(id)));
      lines.push(`search top-3, ${part}: ${pct(rs.length - misses.length, rs.length)}${byBatch(rs, misses)}`);
      for (const r of shown(misses, (m) => m))
        lines.push(`  miss [${part}] ${r.id}: ${JSON.stringify(r.words.slice(0, 80))} want ${r.fixes.join('|')} got ${top.get(r)!.join(', ') || '(nothing)'}`);
      return { part, rate: (rs.length - misses.length) / rs.length };
    });
    console.log(lines.join('\n'));
    for (const { part, rate } of rates) expect(rate, part).toBeGreaterThanOrEqual(FLOOR.search[part]);
  }, 60_000);

  it('the guide, walked with each report\'s answers, offers one of its fixes first or after one "No"', () => {
    const lines: string[] = [];
    // Each walk once: the rates and the list of pages that collect other cases read the same offers.
    const offeredTo = new Map(reports.map((r) => [r, offered(r)]));
    const rates = parts.map((part) => {
      const rs = reports.filter((r) => r.part === part);
      const walks = rs.map((r) => ({ r, got: offeredTo.get(r)!.two }));
      const first = walks.filter(({ r, got }) => r.fixes.includes(got[0] ?? '')).length;
      const misses = walks.filter(({ r, got }) => !got.some((id) => r.fixes.includes(id)));
      const onFirstPage = rs.filter((r) => offeredTo.get(r)!.firstPage.some((id) => r.fixes.includes(id))).length;
      const answers = rs.map((r) => r.answers.length).sort((a, b) => a - b);
      lines.push(`guide, ${part}: first fix right ${pct(first, rs.length)}, within two ${pct(rs.length - misses.length, rs.length)}${byBatch(rs, misses.map((m) => m.r))}, named on the first fix page ${pct(onFirstPage, rs.length)}, median answers ${answers[answers.length >> 1]}`);
      for (const { r, got } of shown(misses, (m) => m.r)) lines.push(`  miss [${part}] ${r.id} [${r.answers.join(' > ')}] want ${r.fixes.join('|')} got ${got.join(', ') || '(no fix)'}`);
      return { part, rate: (rs.length - misses.length) / rs.length };
    });
    // Which pages collect cases that are not theirs: the fix offered first, and how often it is wrong.
    const firstOffers = new Map<string, { offered: number; wrong: number }>();
    for (const r of reports) {
      const first = offeredTo.get(r)!.two[0];
      if (!first) continue;
      const e = firstOffers.get(first) ?? { offered: 0, wrong: 0 };
      e.offered++;
      if (!r.fixes.includes(first)) e.wrong++;
      firstOffers.set(first, e);
    }
    const absorbers = [...firstOffers].sort((a, b) => b[1].wrong - a[1].wrong).slice(0, 5);
    lines.push(`offered first but not the report's fix (all ${reports.length}): ${absorbers.map(([id, e]) => `${id} ${e.wrong}/${e.offered}`).join(', ')}`);
    console.log(lines.join('\n'));
    for (const { part, rate } of rates) expect(rate, part).toBeGreaterThanOrEqual(FLOOR.guide[part]);
    // No page may collect other people's cases wholesale: the worst one is offered first, and wrong, to at most
    // this share of all reports (3.3% on 2026-11-30; the token page was at 4.8% before its shortlist was reordered).
    const [worst, e] = absorbers[0]!;
    expect(e.wrong / reports.length, `${worst} offered first, and wrong, ${e.wrong} times`).toBeLessThanOrEqual(ABSORB_LIMIT);
  });
});
