'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { type Phase, PHASES, REQUIRED_PHASES } from '@/lib/domain/phases';
import { type ControlState, REVEAL_MODES } from '@/lib/domain/workshop';
import { Button } from '../ui/button';
import { ErrorMessage } from '../ui/error-message';
import { useCommand } from './use-command';

/** Which phases the workshop uses, whether it is anonymous, and what entering the reveal shows. */
export function WorkshopSettings({ control }: { control: ControlState }) {
  const t = useTranslations();
  const tr = useTranslations('revealFlow');
  const { run, error } = useCommand();
  const [chosen, setChosen] = useState<Phase[] | null>(null);
  const enabled = chosen ?? control.enabledPhases;
  return (
    <details className="rounded-xl bg-white p-4 shadow-sm">
      <summary className="cursor-pointer font-semibold">{t('settings.heading')}</summary>
      <div className="mt-3 flex flex-col gap-4">
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 font-medium">{t('settings.phases')}</legend>
          {PHASES.map((p) => (
            <label key={p} className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={enabled.includes(p)}
                disabled={REQUIRED_PHASES.includes(p) || p === control.phase}
                onChange={(e) =>
                  setChosen(e.target.checked ? [...enabled, p] : enabled.filter((x) => x !== p))
                }
              />
              {t(`phases.${p}`)}
            </label>
          ))}
          <Button
            variant="secondary"
            className="mt-2 self-start"
            disabled={!chosen}
            onClick={async () => {
              if (chosen && (await run('phase:configure', { enabled: chosen }))) setChosen(null);
            }}
          >
            {t('settings.save')}
          </Button>
        </fieldset>
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            className="mt-1"
            checked={control.anonymous}
            onChange={(e) => run('settings:anonymous', { anonymous: e.target.checked })}
          />
          <span>
            {t('settings.anonymous')}
            <span className="block text-sm text-stone-700">{t('settings.anonymousHelp')}</span>
          </span>
        </label>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 font-medium">{tr('modeLegend')}</legend>
          {REVEAL_MODES.map((mode) => (
            <label key={mode} className="flex items-start gap-2">
              <input
                type="radio"
                name="reveal-mode"
                className="mt-1"
                value={mode}
                checked={control.revealMode === mode}
                onChange={() => run('settings:reveal', { mode })}
              />
              <span>
                {tr(mode === 'walked' ? 'modeWalked' : 'modeStepwise')}
                <span className="block text-sm text-stone-700">
                  {tr(mode === 'walked' ? 'modeWalkedHelp' : 'modeStepwiseHelp')}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <ErrorMessage code={error} />
      </div>
    </details>
  );
}
