'use client';

import { useTranslations } from 'next-intl';
import { LANES } from '@/lib/board/lanes';
import type { ControlState } from '@/lib/domain/workshop';
import { useCommand } from '../run/use-command';
import { ErrorMessage } from '../ui/error-message';

/** The facilitator chooses the lanes in use and can lock the board for participants. */
export function BoardSettings({ control }: { control: ControlState }) {
  const t = useTranslations();
  const { run, error } = useCommand();
  return (
    <div className="flex flex-col gap-3">
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={control.boardLocked}
          onChange={(e) => run('board:lock', { locked: e.target.checked })}
        />
        {t('board.lockBoard')}
      </label>
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1">
        <legend className="mb-1 text-sm font-medium">{t('board.lanesInUse')}</legend>
        {LANES.map((lane) => (
          <label key={lane} className="flex items-center gap-1 text-sm">
            <input
              type="checkbox"
              checked={!control.hiddenLanes.includes(lane)}
              onChange={(e) =>
                run('board:lanes', {
                  hidden: e.target.checked
                    ? control.hiddenLanes.filter((l) => l !== lane)
                    : [...control.hiddenLanes, lane],
                })
              }
            />
            {t(`lanes.${lane}`)}
          </label>
        ))}
      </fieldset>
      <ErrorMessage code={error} />
    </div>
  );
}
