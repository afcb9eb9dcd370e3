/**
 * The guide's flow as the validator, the compiler and the tests read it: questions and fixes from a loaded
 * content set, each with the file it came from so a problem can name it.
 */
import type { FlowInput } from '../flow/types';
import type { ContentSet } from './integrity';

export const flowInputOf = (content: Pick<ContentSet, 'flow' | 'fixes'>): FlowInput => ({
  questions: content.flow.map((e) => ({ file: e.file, ...e.data })),
  fixes: content.fixes.map((e) => ({ file: e.file, id: e.data.id, title: e.data.title, ifNotFixed: e.data.ifNotFixed })),
});
