import { useId } from 'preact/hooks';
import { language, languages, setLanguage, t, type Language } from '../i18n/i18n';

const names: Record<Language, string> = { en: 'English', tr: 'Türkçe' };

export function LanguagePicker() {
  const id = useId();
  return (
    <div class="field language-picker">
      <label for={id}>{t('settings.language')}</label>
      <select id={id} value={language.value} onChange={(event) => setLanguage(event.currentTarget.value as Language)}>
        {languages.map((code) => <option key={code} value={code} lang={code}>{names[code]}</option>)}
      </select>
    </div>
  );
}
