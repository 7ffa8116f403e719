import { describe, expect, it } from 'vitest';
import en from '../src/i18n/en.json';
import tr from '../src/i18n/tr.json';
import { format, preferredLanguage } from '../src/i18n/i18n';

describe('translations', () => {
  it('have the same keys in English and Turkish', () => {
    expect(Object.keys(tr).sort()).toEqual(Object.keys(en).sort());
  });

  it('use the same placeholders in both languages, and no empty text', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const [key, english] of Object.entries(en)) {
      const turkish = (tr as Record<string, string>)[key]!;
      expect(turkish.trim(), key).not.toBe('');
      expect(placeholders(turkish), key).toEqual(placeholders(english));
    }
  });

  it('covers every key the code asks for', async () => {
    const sources = import.meta.glob('../src/**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
    const used = new Set<string>();
    for (const text of Object.values(sources))
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z.]+)'/g)) used.add(match[1]!);
    const missing = [...used].filter((key) => !(key in en));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(100);
  });
});

describe('language choice', () => {
  it('keeps a stored choice, else takes the first browser language we speak, else English', () => {
    expect(preferredLanguage('tr', ['en-US'])).toBe('tr');
    expect(preferredLanguage(null, ['de-DE', 'tr-TR', 'en'])).toBe('tr');
    expect(preferredLanguage(null, ['de-DE'])).toBe('en');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
