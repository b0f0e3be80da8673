import { createContext, useContext } from 'react';
import type { Locale, LocalizedText } from '../domain/plan/manifest';
import { translate, type MessageKey } from './messages';

export const LocaleContext = createContext<Locale>('zh');

/** `t('key')` for UI strings and `t.text(label)` for labels that come with the data. */
export function useTranslation() {
  const locale = useContext(LocaleContext);
  const t = (key: MessageKey) => translate(locale, key);
  t.text = (text: LocalizedText) => text[locale];
  t.locale = locale;
  return t;
}
