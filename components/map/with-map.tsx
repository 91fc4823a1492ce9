'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type * as Y from 'yjs';
import { mapAvailable } from '@/lib/board/journey-map';
import type { PathStep } from '@/lib/board/path-doc';
import type { ControlState } from '@/lib/domain/workshop';
import type { BoardViewer } from '../board/board-view';
import { Tabs } from '../ui/tabs';
import { LiveJourneyMap } from './live-journey-map';

/**
 * A phase's own view with the journey map beside it, as two tabs ("Board | Map"), from
 * reflect on; before that, only the phase's view.
 */
export function WithMap({
  label,
  children,
  doc,
  steps,
  control,
  viewer,
}: {
  /** The first tab's name: what the phase shows (the board, the vote, …). */
  label: string;
  children: ReactNode;
  doc: Y.Doc | null;
  steps: PathStep[];
  control: ControlState;
  viewer: BoardViewer;
}) {
  const t = useTranslations('map');
  if (!mapAvailable(control.phase)) return <>{children}</>;
  return (
    <Tabs
      label={t('views')}
      tabs={[
        {
          id: 'phase',
          label,
          content: <div className="flex min-w-0 flex-col gap-4">{children}</div>,
        },
        {
          id: 'map',
          label: t('tab'),
          content: <LiveJourneyMap doc={doc} steps={steps} control={control} viewer={viewer} />,
        },
      ]}
    />
  );
}
