import { named, object, string } from '../contract/contractBuilders';
import type { Infer } from '../contract/Contract';

export const localizedTextContract = named('localizedText', object({
  zh: string({ minLength: 1, description: '简体中文 Simplified Chinese' }),
  en: string({ minLength: 1, description: 'English' }),
}, { description: '中英文文本，中文为默认界面语言。Text in both UI languages; Simplified Chinese is the default.' }));

/** A text in the two UI languages; Simplified Chinese is the default. */
export type LocalizedText = Infer<typeof localizedTextContract>;

export type Locale = keyof LocalizedText;
