/**
 * <platform-tabs>: upgrades the alternatives src/markdown/platform-tabs.ts wraps
 * (each panel keeps its ### heading, so without JavaScript all show in order)
 * to WAI-ARIA tabs: arrow keys, Home and End move and select. The first tab
 * shown is the one the person chose before, else the platform their guide
 * answers name, else their phone's, else the author's first (see choosePlatform).
 */
import { choosePlatform, hintFromAnswers, parseChoices, phoneOf, rememberChoice } from '../markdown/platforms';
import { loadContext } from './guide-store';

const STORE = 'fix401:platform';
const SYNC = 'fix401:platform';
let count = 0;

function stored() {
  try {
    return parseChoices(localStorage.getItem(STORE));
  } catch {
    return [];
  }
}
const answers = () => loadContext()?.trail?.map((t) => t.answer).filter((a) => typeof a === 'string') ?? [];

class PlatformTabs extends HTMLElement {
  private tabs: HTMLButtonElement[] = [];
  private panels: HTMLElement[] = [];

  connectedCallback() {
    // The guide may take a step out of the page and put it back (Back, Forward): listen again, build once.
    document.addEventListener(SYNC, this.onSync);
    addEventListener('hashchange', this.onHash);
    if (!this.tabs.length) this.build();
  }

  private build() {
    const panels = [...this.children].filter((c): c is HTMLElement => c instanceof HTMLElement && c.classList.contains('platform-panel'));
    if (panels.length < 2) return;
    const uid = `pt${++count}`;
    const list = document.createElement('div');
    list.className = 'platform-tablist';
    list.setAttribute('role', 'tablist');
    list.setAttribute('aria-label', 'Platform');
    for (const panel of panels) {
      const key = panel.dataset.platform ?? '';
      const heading = panel.querySelector(':scope > h3');
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.id = `${uid}-${key}-tab`;
      tab.setAttribute('role', 'tab');
      tab.dataset.platform = key;
      tab.textContent = heading?.textContent?.trim() || key;
      panel.id ||= `${uid}-${key}`;
      tab.setAttribute('aria-controls', panel.id);
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', tab.id);
      panel.tabIndex = 0;
      list.append(tab);
      this.tabs.push(tab);
    }
    this.panels = panels;
    this.prepend(list);
    this.classList.add('is-tabs');

    list.addEventListener('click', (e) => {
      const tab = (e.target as Element).closest<HTMLButtonElement>('[role="tab"]');
      if (tab) this.choose(tab.dataset.platform!);
    });
    list.addEventListener('keydown', (e) => {
      const at = this.tabs.indexOf(document.activeElement as HTMLButtonElement);
      const n = this.tabs.length;
      const to = { ArrowRight: at + 1, ArrowLeft: at - 1 + n, Home: 0, End: n - 1 }[e.key];
      if (at < 0 || to === undefined) return;
      e.preventDefault();
      const tab = this.tabs[to % n]!;
      this.choose(tab.dataset.platform!);
      tab.focus();
    });
    const available = this.tabs.map((t) => t.dataset.platform!);
    const fromHash = this.panelKeyFor(location.hash);
    if (fromHash) return this.onHash();
    this.select(
      choosePlatform({
        available,
        answers: answers(),
        stored: stored(),
        phone: phoneOf(navigator.userAgent, matchMedia('(pointer: coarse)').matches),
      })!,
    );
  }

  disconnectedCallback() {
    document.removeEventListener(SYNC, this.onSync);
    removeEventListener('hashchange', this.onHash);
  }

  private onSync = (e: Event) => {
    const key = (e as CustomEvent<string>).detail;
    if (e.target !== this && this.tabs.some((t) => t.dataset.platform === key)) this.select(key);
  };

  private onHash = () => {
    const key = this.panelKeyFor(location.hash);
    if (key) {
      this.select(key);
      document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
    }
  };

  /** A link to a heading inside a hidden panel (#android) opens that panel. */
  private panelKeyFor(hash: string): string | undefined {
    if (hash.length < 2) return undefined;
    let target: Element | null = null;
    try {
      target = document.getElementById(decodeURIComponent(hash.slice(1)));
    } catch {
      return undefined;
    }
    return this.panels.find((p) => target && p.contains(target))?.dataset.platform;
  }

  /** A choice made by the person: shown, remembered where storage allows, mirrored in other tab sets. */
  private choose(key: string) {
    this.select(key);
    const hint = hintFromAnswers(this.tabs.map((t) => t.dataset.platform!), answers());
    try {
      localStorage.setItem(STORE, JSON.stringify(rememberChoice(stored(), hint ? { p: key, h: hint } : { p: key })));
    } catch {
      /* storage refused: the choice lasts for this page */
    }
    this.dispatchEvent(new CustomEvent(SYNC, { detail: key, bubbles: true }));
  }

  private select(key: string) {
    if (!this.tabs.some((t) => t.dataset.platform === key)) key = this.tabs[0]!.dataset.platform!;
    this.tabs.forEach((tab, i) => {
      const on = tab.dataset.platform === key;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      this.panels[i]!.hidden = !on;
    });
  }
}

if (!customElements.get('platform-tabs')) customElements.define('platform-tabs', PlatformTabs);
