import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '@fangkong/domain';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enUS } from './en-US';
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

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: storedLocale(),
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false }, // React escapes already
});

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
  await i18n.changeLanguage(locale);
}

export { i18n };
