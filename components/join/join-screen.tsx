'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '@/lib/client/api';
import { savedToken, saveToken } from '@/lib/client/credentials';
import { PARTICIPANT_NAME_MAX_CHARS } from '@/lib/constants';
import { normaliseJoinCode } from '@/lib/domain/join-code';
import { JOINABLE_ROLES, type JoinableRole, type Locale } from '@/lib/domain/roles';
import { useWorkshopLocale } from '@/lib/i18n/client-locale';
import { JoinCodeForm } from '../landing/join-code-form';
import { Button } from '../ui/button';
import { ErrorMessage } from '../ui/error-message';
import { Field, inputClass } from '../ui/field';

interface Found {
  workshopId: string;
  title: string;
  locale: Locale;
}

export function JoinScreen({ code: rawCode }: { code: string }) {
  const t = useTranslations('join');
  const tr = useTranslations('roles');
  const th = useTranslations('roleHelp');
  const router = useRouter();
  const code = normaliseJoinCode(decodeURIComponent(rawCode));
  const [found, setFound] = useState<Found | null>(null);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<JoinableRole | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useWorkshopLocale(found?.locale);

  useEffect(() => {
    api.lookupCode(code).then(
      (result) => {
        // Same browser, same person: never a second participant after a reload.
        if (savedToken(result.workshopId)) router.replace(`/w/${result.workshopId}`);
        else setFound(result);
      },
      (err: unknown) => setLookupError(err instanceof ApiError ? err.code : 'network'),
    );
  }, [code, router]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!found || !role) return;
    setBusy(true);
    setError(null);
    try {
      const joined = await api.join(found.workshopId, { name, role });
      saveToken(found.workshopId, joined.token);
      router.push(`/w/${found.workshopId}`);
    } catch (err) {
      setError(err instanceof ApiError ? err.code : 'INTERNAL');
      setBusy(false);
    }
  }

  if (lookupError === 'NOT_FOUND') {
    // A mistyped code is no dead end: the form to type it again, holding it to correct.
    return (
      <div className="flex flex-col gap-6">
        <p role="alert" className="text-lg">
          {t('badCode', { code })}
        </p>
        <JoinCodeForm initialCode={code} />
      </div>
    );
  }
  if (lookupError) return <ErrorMessage code={lookupError} />;
  if (!found) return <p aria-live="polite">{t('checking')}</p>;

  return (
    <form onSubmit={submit} className="flex flex-col gap-5" aria-labelledby="join-title">
      <h1 id="join-title" className="text-2xl font-bold">
        {t('heading', { title: found.title })}
      </h1>
      <Field id="join-name" label={t('nameLabel')}>
        <input
          id="join-name"
          className={inputClass}
          required
          autoComplete="name"
          maxLength={PARTICIPANT_NAME_MAX_CHARS}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">{t('roleLabel')}</legend>
        {JOINABLE_ROLES.map((r) => (
          <label
            key={r}
            className="flex cursor-pointer items-start gap-3 rounded-md border border-stone-300 bg-white p-3 has-[:checked]:border-boot has-[:checked]:ring-2 has-[:checked]:ring-boot"
          >
            <input
              type="radio"
              name="role"
              value={r}
              checked={role === r}
              onChange={() => setRole(r)}
              className="mt-1"
              required
            />
            <span>
              <span className="block font-medium">{tr(r)}</span>
              <span className="block text-sm text-stone-600">{th(r)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <ErrorMessage code={error} />
      <Button type="submit" disabled={busy || !name.trim() || !role}>
        {busy ? t('joining') : t('submit')}
      </Button>
    </form>
  );
}
