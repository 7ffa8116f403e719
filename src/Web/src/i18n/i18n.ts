import { signal } from '../app/signal';
import en from './en.json';
import tr from './tr.json';

export type Language = 'en' | 'tr';
export type MessageKey = keyof typeof en;

const catalogues: Record<Language, Record<MessageKey, string>> = { en, tr };
export const languages: readonly Language[] = ['en', 'tr'];
const storageKey = 'chatapp.language';

/** The browser's preferred language when we speak it, else English. */
export function preferredLanguage(stored: string | null, browser: readonly string[]): Language {
  if (stored === 'en' || stored === 'tr') return stored;
  for (const tag of browser) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'en' || primary === 'tr') return primary;
  }
  return 'en';
}

export const language = signal<Language>(preferredLanguage(localStorage.getItem(storageKey), navigator.languages ?? [navigator.language]));
document.documentElement.lang = language.value;

export function setLanguage(next: Language): void {
  localStorage.setItem(storageKey, next);
  document.documentElement.lang = next;
  language.value = next;
}

/** The text of a key in the current language, with {name} placeholders filled in. */
export function t(key: MessageKey, values?: Record<string, string | number>): string {
  return format(catalogues[language.value][key] ?? en[key], values);
}

export function format(template: string, values?: Record<string, string | number>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Plural-aware: picks `key.one` or `key.other` by the language's plural rules. */
export function tn(key: string, count: number, values?: Record<string, string | number>): string {
  const rule = new Intl.PluralRules(language.value).select(count) === 'one' ? 'one' : 'other';
  return t(`${key}.${rule}` as MessageKey, { count: count.toLocaleString(language.value), ...values });
}

export const time = {
  clock: (iso: string) => new Intl.DateTimeFormat(language.value, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso)),
  day: (iso: string) => new Intl.DateTimeFormat(language.value, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso)),
  dateTime: (iso: string) => new Intl.DateTimeFormat(language.value, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
  /** "14:05" today, "Mon" this week, else a short date: what a conversation list shows. */
  recent(iso: string, now = new Date()): string {
    const date = new Date(iso);
    const days = (startOfDay(now) - startOfDay(date)) / 86_400_000;
    if (days < 1) return time.clock(iso);
    if (days < 7) return new Intl.DateTimeFormat(language.value, { weekday: 'short' }).format(date);
    return new Intl.DateTimeFormat(language.value, { day: 'numeric', month: 'short' }).format(date);
  },
  /** "5 minutes ago" and the like. */
  ago(iso: string, now = Date.now()): string {
    const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
    const format = new Intl.RelativeTimeFormat(language.value, { numeric: 'auto' });
    const abs = Math.abs(seconds);
    if (abs < 60) return format.format(0, 'second');
    if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
    if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
    return format.format(Math.round(seconds / 86_400), 'day');
  },
};

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}
