/** What the nginx, Apache and PHP readings share. */
import { isOmissionLine } from '../../src/markdown/code-blocks';

/** Lines that stand for omitted config ("...", "…", "# …") are dropped: they are prose, not config. */
export const withoutEllipses = (code: string) =>
  code
    .split('\n')
    .filter((l) => !isOmissionLine(l))
    .join('\n');

/** Whether a tool's complaint is one of those that only describe the reader's own setup (hosts, files, modules). */
export const forgiven = (environmentOnly: readonly RegExp[], message: string): boolean => environmentOnly.some((re) => re.test(message));
