'use client';

import { useLocale, useTranslations } from 'next-intl';
import { LOCALES, type Locale } from '@/lib/domain/roles';
import { useSwitchLocale } from '@/lib/i18n/client-locale';

export function LocaleSwitcher() {
  const t = useTranslations('locale');
  const locale = useLocale();
  const switchLocale = useSwitchLocale();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span>{t('label')}</span>
      <select
        className="rounded border border-stone-400 bg-white px-2 py-1"
        value={locale}
        onChange={(e) => switchLocale(e.target.value as Locale)}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {t(l)}
          </option>
        ))}
      </select>
    </label>
  );
}
