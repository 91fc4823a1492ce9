'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { JOIN_CODE_LENGTH } from '@/lib/constants';
import { normaliseJoinCode } from '@/lib/domain/join-code';
import { Button } from '../ui/button';
import { Field, inputClass } from '../ui/field';

/**
 * `initialCode`: a code to correct (one that found no workshop), rather than to type again.
 * `heading`: h1 where the form is the page (`/join`).
 */
export function JoinCodeForm({
  initialCode = '',
  heading: Heading = 'h2',
}: {
  initialCode?: string;
  heading?: 'h1' | 'h2';
}) {
  const t = useTranslations('landing');
  const router = useRouter();
  const [code, setCode] = useState(initialCode);

  function submit(e: FormEvent) {
    e.preventDefault();
    const normalised = normaliseJoinCode(code);
    if (normalised) router.push(`/join/${normalised}`);
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" aria-labelledby="join-heading">
      <Heading id="join-heading" className="text-xl font-semibold">
        {t('joinHeading')}
      </Heading>
      <Field id="join-code" label={t('codeLabel')}>
        <input
          id="join-code"
          className={`${inputClass} font-mono text-2xl uppercase tracking-widest`}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={JOIN_CODE_LENGTH + 4}
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      </Field>
      <Button type="submit" disabled={!code.trim()}>
        {t('join')}
      </Button>
    </form>
  );
}
