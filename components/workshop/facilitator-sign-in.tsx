'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '@/lib/client/api';
import { PARTICIPANT_NAME_MAX_CHARS } from '@/lib/constants';
import { Button } from '../ui/button';
import { ErrorMessage } from '../ui/error-message';
import { Field, inputClass } from '../ui/field';

/** First visit with the facilitator key: the facilitator gives a name and gets a token. */
export function FacilitatorSignIn({
  workshopId,
  facilitatorKey,
  onToken,
}: {
  workshopId: string;
  facilitatorKey: string;
  onToken: (token: string) => void;
}) {
  const t = useTranslations('facilitator');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const joined = await api.join(workshopId, { name }, facilitatorKey);
      onToken(joined.token);
    } catch (err) {
      setError(err instanceof ApiError ? err.code : 'INTERNAL');
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={submit}
      className="mx-auto flex max-w-md flex-col gap-4 rounded-xl bg-white p-6 shadow-sm"
    >
      <Field id="facilitator-name" label={t('nameLabel')}>
        <input
          id="facilitator-name"
          className={inputClass}
          required
          maxLength={PARTICIPANT_NAME_MAX_CHARS}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      {error === 'UNAUTHORIZED' ? <p role="alert">{t('badKey')}</p> : <ErrorMessage code={error} />}
      <Button type="submit" disabled={busy || !name.trim()}>
        {t('start')}
      </Button>
    </form>
  );
}
