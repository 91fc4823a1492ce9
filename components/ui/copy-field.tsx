'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from './button';
import { Field, inputClass } from './field';

/** A read-only value with a copy button (the value can also be selected by hand). */
export function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const t = useTranslations('facilitator');
  const [copied, setCopied] = useState(false);
  return (
    <Field id={id} label={label}>
      <div className="flex gap-2">
        <input
          id={id}
          readOnly
          value={value}
          className={`${inputClass} min-w-0 flex-1 font-mono text-sm`}
          onFocus={(e) => e.target.select()}
        />
        <Button
          variant="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(value).then(() => setCopied(true));
          }}
        >
          <span aria-live="polite">{copied ? t('copied') : t('copy')}</span>
        </Button>
      </div>
    </Field>
  );
}
