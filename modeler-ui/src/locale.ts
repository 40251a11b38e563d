// The chosen language, shared with the portal through the same storage key.
import type { Locale } from './i18n';

const KEY = 'motcua.locale';

export function storedLocale(): Locale {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(KEY, locale);
  } catch {
    // Private browsing: the choice lasts for this page only.
  }
}
