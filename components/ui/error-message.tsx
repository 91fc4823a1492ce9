'use client';

import { useTranslations } from 'next-intl';

/** Shows a named error code in the reader's language; announced to screen readers. */
export function ErrorMessage({ code }: { code: string | null }) {
  const t = useTranslations('errors');
  if (!code) return null;
  return (
    <p role="alert" className="rounded-md border border-red-700 bg-red-50 px-3 py-2 text-red-900">
      <span aria-hidden="true">⚠ </span>
      {t.has(code) ? t(code) : t('INTERNAL')}
    </p>
  );
}
