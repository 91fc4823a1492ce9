'use client';

import { useLocale, useTranslations } from 'next-intl';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api, type CreatedWorkshop } from '@/lib/client/api';
import { saveFacilitatorKey } from '@/lib/client/credentials';
import { WORKSHOP_TITLE_MAX_CHARS } from '@/lib/constants';
import { LOCALES, type Locale } from '@/lib/domain/roles';
import type { Template } from '@/lib/templates/schema';
import { Button } from '../ui/button';
import { ErrorMessage } from '../ui/error-message';
import { Field, inputClass } from '../ui/field';
import { CreatedWorkshopCard } from './created-workshop-card';

export function CreateWorkshopForm() {
  const t = useTranslations('landing');
  const tl = useTranslations('locale');
  const uiLocale = useLocale() as Locale;
  const [templates, setTemplates] = useState<Template[]>([]);
  const [title, setTitle] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [locale, setLocale] = useState<Locale>(uiLocale);
  const [anonymous, setAnonymous] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedWorkshop | null>(null);

  useEffect(() => {
    api.templates().then(
      ({ templates: list }) => {
        setTemplates(list);
        setTemplateId((current) => current || list.find((tpl) => tpl.steps.length > 0)?.id || '');
      },
      (err: unknown) => setError(err instanceof ApiError ? err.code : 'network'),
    );
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await api.createWorkshop({ title, template: templateId, locale, anonymous });
      saveFacilitatorKey(result.id, result.facilitatorKey);
      setCreated(result);
    } catch (err) {
      setError(err instanceof ApiError ? err.code : 'INTERNAL');
    } finally {
      setBusy(false);
    }
  }

  if (created) return <CreatedWorkshopCard workshop={created} />;

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" aria-labelledby="create-heading">
      <h2 id="create-heading" className="text-xl font-semibold">
        {t('createHeading')}
      </h2>
      <Field id="workshop-title" label={t('titleLabel')}>
        <input
          id="workshop-title"
          className={inputClass}
          required
          maxLength={WORKSHOP_TITLE_MAX_CHARS}
          placeholder={t('titlePlaceholder')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
      </Field>
      <Field id="workshop-template" label={t('templateLabel')}>
        <select
          id="workshop-template"
          className={inputClass}
          required
          value={templateId}
          onChange={(e) => setTemplateId(e.target.value)}
        >
          {templates.map((tpl) => (
            <option key={tpl.id} value={tpl.id}>
              {tpl.title[uiLocale]} ({t('steps', { count: tpl.steps.length })})
            </option>
          ))}
        </select>
      </Field>
      <Field id="workshop-locale" label={t('localeLabel')}>
        <select
          id="workshop-locale"
          className={inputClass}
          value={locale}
          onChange={(e) => setLocale(e.target.value as Locale)}
        >
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {tl(l)}
            </option>
          ))}
        </select>
      </Field>
      <div className="flex items-start gap-3">
        <input
          id="workshop-anonymous"
          type="checkbox"
          className="mt-1 size-5 shrink-0 accent-boot"
          checked={anonymous}
          aria-describedby="workshop-anonymous-help"
          onChange={(e) => setAnonymous(e.target.checked)}
        />
        <div>
          <label htmlFor="workshop-anonymous" className="font-medium">
            {t('anonymousLabel')}
          </label>
          <p id="workshop-anonymous-help" className="text-sm text-stone-700">
            {t('anonymousHelp')}
          </p>
        </div>
      </div>
      <ErrorMessage code={error} />
      <Button type="submit" disabled={busy || !title.trim() || !templateId}>
        {busy ? t('creating') : t('create')}
      </Button>
    </form>
  );
}
