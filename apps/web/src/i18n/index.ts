import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '@fangkong/domain';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zh-CN';

export { DEFAULT_LOCALE, LOCALES };
export type AppLocale = Locale;
const STORAGE_KEY = 'fangkong.locale';

function storedLocale(): AppLocale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

// Only the default language is in the first download; English comes when chosen (a field page's
// first visit over a weak network carries one language, not two).
async function loadLocale(locale: AppLocale): Promise<void> {
  if (locale === 'en-US' && !i18n.hasResourceBundle(locale, 'translation'))
    i18n.addResourceBundle(locale, 'translation', (await import('./en-US')).enUS);
}

const initial = storedLocale();
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN } },
  lng: initial,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false }, // React escapes already
});
if (initial !== DEFAULT_LOCALE) void loadLocale(initial).then(() => i18n.changeLanguage(initial));

/** The locale in effect now; sent as Accept-Language so server messages match the UI. */
export function currentLocale(): AppLocale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

/** Switches the UI language and remembers the choice in this browser. */
export async function changeLocale(locale: AppLocale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // private mode: the choice just lasts for this page
  }
  await loadLocale(locale);
  await i18n.changeLanguage(locale);
}

export { i18n };
