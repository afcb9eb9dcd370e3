/**
 * npm run ids: appends every newly published id to content/ids.lock, and every new heading anchor to
 * content/anchors.lock. Both locks only ever grow; the tests fail if a locked id or anchor stops resolving.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadContentDir } from '../src/model/load-files';
import { parseIdsLock, unlockedIds } from '../src/model/integrity';
import { liveAnchors, parseAnchorsLock } from '../src/model/anchors';

const { content, bodies, problems } = loadContentDir('content');
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}

function append(lockPath: string, header: string, live: string[], parse: (text: string) => string[]) {
  const current = existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : header;
  const locked = new Set(parse(current));
  const added = live.filter((l) => !locked.has(l));
  if (!added.length) console.log(`${lockPath} is up to date.`);
  else {
    writeFileSync(lockPath, current.replace(/\n*$/, '\n') + added.join('\n') + '\n');
    console.log(`Added ${added.length} line(s) to ${lockPath}${added.length <= 20 ? `:\n${added.join('\n')}` : ''}`);
  }
}

append('content/ids.lock', '', unlockedIds(content, parseIdsLock(readFileSync('content/ids.lock', 'utf8'))), parseIdsLock);
append(
  'content/anchors.lock',
  '# Every heading anchor ever published, as <url-space>/<id>#<anchor>. Help desks copy links to them: never\n# delete a line. To reword a heading, list its old anchor under `anchorAliases` in the page. Append with: npm run ids\n',
  [...liveAnchors(content, bodies)],
  parseAnchorsLock,
);
