import { withBase } from '../markdown/base-links';
import { nodeUrl } from '../flow/addresses';
import type { Next } from '../flow/types';

/** Every internal URL goes through here so a sub-path deployment (BASE_PATH) just works. */
export const BASE = import.meta.env.BASE_URL;
export const href = (path: string) => withBase(BASE, path.startsWith('/') ? path : `/${path}`);

/** A guide node's URL (the start is /guide/); an answer's `next` goes to its first choice. */
export const guideUrl = (node?: Next) => nodeUrl(BASE, node);
export const exampleUrl = (id: string) => href(`/examples/${id}/`);
export const checklistUrl = (id: string, item?: string) => href(`/checklists/${id}/${item ? `#${item}` : ''}`);
export const learnUrl = (id: string) => href(`/learn/${id}/`);
