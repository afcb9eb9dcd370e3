/**
 * npm run ids: appends every newly published id to content/ids.lock. The lock
 * only ever grows; the build fails if a locked id stops resolving.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadContentDir } from '../src/model/load-files';
import { parseIdsLock, unlockedIds } from '../src/model/integrity';

const lockPath = 'content/ids.lock';
const current = readFileSync(lockPath, 'utf8');
const { content, problems } = loadContentDir('content');
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
const added = unlockedIds(content, parseIdsLock(current));
if (!added.length) console.log('ids.lock is up to date.');
else {
  writeFileSync(lockPath, current.replace(/\n*$/, '\n') + added.join('\n') + '\n');
  console.log(`Added ${added.length} id(s) to ${lockPath}:\n${added.join('\n')}`);
}
