// Every text a person reads goes through t(key). Vietnamese is the default,
// English a switch kept in localStorage. Each area of the portal adds its own
// dictionary with addMessages, so an area's texts load with its code.
import { useSyncExternalStore } from 'react';

export type Locale = 'vi' | 'en';
export type Messages = Record<Locale, Record<string, string>>;
export type LocalText = { vi: string; en: string };

const dictionary: Messages = { vi: {}, en: {} };
const listeners = new Set<() => void>();
let current: Locale = readStoredLocale();

function readStoredLocale(): Locale {
  try {
    return localStorage.getItem('motcua.locale') === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

// Changes when the language changes or an area adds its texts: a page title
// read before its lazily loaded area registered its texts is read again.
let revision = 0;

function changed(): void {
  revision++;
  listeners.forEach((listener) => listener());
}

export function addMessages(messages: Messages): void {
  Object.assign(dictionary.vi, messages.vi);
  Object.assign(dictionary.en, messages.en);
  changed();
}

export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale): void {
  current = locale;
  document.documentElement.lang = locale;
  try {
    localStorage.setItem('motcua.locale', locale);
  } catch {
    // Private browsing: the choice lasts for this page only.
  }
  changed();
}

/** Re-renders the calling component when the language changes or texts are added. */
export function useLocale(): Locale {
  useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => revision,
  );
  return current;
}

/** The text for key in the current language; {name} placeholders filled from params. */
export function t(key: string, params?: Record<string, string | number>): string {
  const text = dictionary[current][key] ?? dictionary.vi[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A { vi, en } text from the API in the current language. */
export function local(text: LocalText | undefined | null): string {
  if (!text) return '';
  return text[current] || text.vi;
}
