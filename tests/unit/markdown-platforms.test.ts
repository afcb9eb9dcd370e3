import { describe, expect, it } from 'vitest';
import { ANSWER_PLATFORMS, choosePlatform, parseChoices, phoneOf, platformKey, platformName, rememberChoice, PLATFORM_NAMES } from '../../src/markdown/platforms';

const browsers = ['iphone', 'android', 'chrome', 'edge', 'firefox', 'safari'];
const servers = ['apache', 'nginx', 'caddy', 'iis'];

describe('platform names and keys', () => {
  it('matches whole names only, ignoring case and spacing', () => {
    expect(platformName(' NGINX ')).toBe('nginx');
    expect(platformName('Kubernetes  ingress-nginx')).toBe('Kubernetes ingress-nginx');
    expect(platformName('nginx (Debian)')).toBeUndefined();
  });
  it('gives every name a distinct key', () => {
    const keys = PLATFORM_NAMES.map(platformKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(platformKey('.NET HttpClient')).toBe('net-httpclient');
    expect(platformKey('ASP.NET Core')).toBe('asp-net-core');
  });
  it('maps answers only to keys that exist', () => {
    const keys = new Set(PLATFORM_NAMES.map(platformKey));
    for (const list of Object.values(ANSWER_PLATFORMS)) for (const k of list) expect(keys.has(k), k).toBe(true);
  });
});

describe('phoneOf', () => {
  it('reads iPhone, iPad and Android user agents', () => {
    expect(phoneOf('Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15')).toBe('iphone');
    expect(phoneOf('Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Mobile Safari/537.36')).toBe('android');
    expect(phoneOf('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15', true)).toBe('iphone');
    expect(phoneOf('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15')).toBeUndefined();
    expect(phoneOf('Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0')).toBeUndefined();
  });
});

describe('choosePlatform', () => {
  it('falls back to the author order', () => {
    expect(choosePlatform({ available: servers })).toBe('apache');
  });
  it('takes the platform from the answers ("nginx or Apache" -> nginx first)', () => {
    expect(choosePlatform({ available: servers, answers: ['owner', 'nginx-apache'] })).toBe('nginx');
    expect(choosePlatform({ available: ['nginx', 'kubernetes-ingress-nginx'], answers: ['kubernetes'] })).toBe('kubernetes-ingress-nginx');
    // An answer naming a platform this tab set lacks changes nothing.
    expect(choosePlatform({ available: browsers, answers: ['nginx-apache'] })).toBe('iphone');
  });
  it('picks the phone the visitor is on', () => {
    expect(choosePlatform({ available: browsers, phone: 'android' })).toBe('android');
    expect(choosePlatform({ available: servers, phone: 'android' })).toBe('apache');
  });
  it('keeps a choice the person made, unless their answers now point elsewhere', () => {
    expect(choosePlatform({ available: servers, stored: [{ p: 'caddy' }] })).toBe('caddy');
    expect(choosePlatform({ available: browsers, stored: [{ p: 'firefox' }], phone: 'android' })).toBe('firefox');
    // Chosen while the answers said nginx: still the choice while they do.
    expect(choosePlatform({ available: servers, answers: ['nginx-apache'], stored: [{ p: 'apache', h: 'nginx' }] })).toBe('apache');
    // Chosen before this visit's answers: the answers win.
    expect(choosePlatform({ available: servers, answers: ['nginx-apache'], stored: [{ p: 'apache' }] })).toBe('nginx');
    // The most recent remembered choice this tab set offers.
    expect(choosePlatform({ available: servers, stored: [{ p: 'chrome' }, { p: 'iis' }, { p: 'caddy' }] })).toBe('iis');
  });
});

describe('stored choices', () => {
  it('ignores anything malformed', () => {
    for (const raw of [null, '', '{', '"nginx"', '{"p":"nginx"}', 'null', '[1,null,"x"]']) expect(parseChoices(raw)).toEqual([]);
    expect(parseChoices('[{"p":"nginx","h":3},{"p":"iis","h":"nginx","x":1},{"p":5}]')).toEqual([{ p: 'iis', h: 'nginx' }]);
  });
  it('keeps the newest first, one per platform, at most 12', () => {
    let list = parseChoices('[{"p":"nginx"},{"p":"iis"}]');
    list = rememberChoice(list, { p: 'iis', h: 'nginx' });
    expect(list).toEqual([{ p: 'iis', h: 'nginx' }, { p: 'nginx' }]);
    for (let i = 0; i < 20; i++) list = rememberChoice(list, { p: `p${i}` });
    expect(list).toHaveLength(12);
  });
});
