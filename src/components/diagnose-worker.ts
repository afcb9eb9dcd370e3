/**
 * Runs the response analyzer off the main thread for large pastes, so the page
 * keeps answering while a megabyte is read. Same origin, a module worker bundled
 * by Vite; it makes no request and keeps nothing: text in, findings out.
 */
import { analyze } from '../diagnose/analyze';

self.addEventListener('message', (event: MessageEvent<{ id: number; text: string; now: number }>) => {
  const { id, text, now } = event.data;
  try {
    self.postMessage({ id, analysis: analyze(text, new Date(now)) });
  } catch (e) {
    self.postMessage({ id, error: e instanceof Error ? e.message : 'The analyzer failed on this paste.' });
  }
});
