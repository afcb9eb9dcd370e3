import { withBase } from '../markdown/base-links';

/** Every internal URL goes through here so a sub-path deployment (BASE_PATH) just works. */
export const BASE = import.meta.env.BASE_URL;
export const href = (path: string) => withBase(BASE, path.startsWith('/') ? path : `/${path}`);

export const guideUrl = (id = '') => href(id ? `/guide/${id}/` : '/guide/');
export const exampleUrl = (id: string) => href(`/examples/${id}/`);
export const checklistUrl = (id: string, item?: string) => href(`/checklists/${id}/${item ? `#${item}` : ''}`);
export const learnUrl = (id: string) => href(`/learn/${id}/`);
