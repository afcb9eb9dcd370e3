import type { Locator } from '@playwright/test';

/**
 * Puts a large multi-line text into a field the way a paste leaves it: the value set, one `input`
 * event. `fill()` goes through Chromium's editing, which takes ~7 s here for 2,000 lines; that
 * measures the browser, not the page's handling of a big paste, which is what the tests are for.
 */
export async function setValue(field: Locator, text: string): Promise<void> {
  await field.evaluate((el: HTMLTextAreaElement | HTMLInputElement, value) => {
    el.focus();
    el.value = value;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
}
