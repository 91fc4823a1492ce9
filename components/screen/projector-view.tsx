'use client';

import { useTranslations } from 'next-intl';
import { type ComponentType, useState } from 'react';
import { mapAvailable } from '@/lib/board/journey-map';
import { summariseProgress } from '@/lib/domain/progress';
import type { Phase } from '@/lib/domain/phases';
import { useSession } from '@/lib/stores/session-store';
import { ReadinessPanel } from '../run/readiness-panel';
import { RevealView } from '../run/reveal-view';
import { TargetList } from '../run/target-list';
import { TimerDisplay } from '../run/timer-display';
import { ConnectionBadge } from '../workshop/connection-badge';
import { ActionsPart } from './actions-part';
import { IdeatePart } from './ideate-part';
import { JoinCorner } from './join-corner';
import { LobbyPart } from './lobby-part';
import { ProjectorMap } from './projector-map';
import type { PartProps } from './part-props';
import { ReflectPart } from './reflect-part';
import { SummaryPart } from './summary-part';
import { VotePart } from './vote-part';
import { WalkPart } from './walk-part';
import { WarmupPart } from './warmup-part';

/** The targets, two columns of steps so that a long path fits the wall. */
function TargetPart({ steps }: PartProps) {
  return (
    <div className="text-2xl [&_ol]:grid [&_ol]:grid-cols-2 [&_ol]:gap-x-6">
      <TargetList steps={steps} doc={null} editable={false} />
    </div>
  );
}

/** The reveal: the largest gap and the curves. */
function RevealPart({ state, steps }: PartProps) {
  // The heat map's numbers are for reading up close: on the wall, the curves and the gap.
  return <RevealView steps={steps} round={state.control.round} size="huge" heatMap={false} />;
}

/** Every phase has its part on the wall: a new phase does not compile until it has one. */
const PARTS: { [P in Phase]: ComponentType<PartProps> } = {
  lobby: LobbyPart,
  warmup: WarmupPart,
  target: TargetPart,
  walk: WalkPart,
  reveal: RevealPart,
  reflect: ReflectPart,
  ideate: IdeatePart,
  vote: VotePart,
  actions: ActionsPart,
  summary: SummaryPart,
};

/**
 * The wall display, one phase at a time: big type (the page's rem grows with the
 * projector, see globals.css), nothing private, names hidden when the workshop is anonymous.
 */
export function ProjectorView(props: PartProps) {
  const t = useTranslations();
  const status = useSession((s) => s.status);
  const { state, joinUrl } = props;
  const { control } = state;
  const Part = PARTS[control.phase];
  // The room's progress, the same count every other screen shows: beside the part where it
  // is what the room waits on (answers, ratings, dots), a line under it where only "I'm
  // done" counts (it must not take the curves' or the notes' space).
  const counted = summariseProgress(state);
  const progressAt = !counted ? null : counted.signal === 'ready' ? 'line' : 'side';
  // From reflect on the wall can show the whole path instead of the phase: a press on the
  // projector's own screen (it is usually the facilitator's second display).
  const [mapShown, setMapShown] = useState(false);
  const canMap = mapAvailable(control.phase);
  const showMap = canMap && mapShown;
  return (
    <main
      // With the map, exactly one screen high: the map takes what the header leaves.
      className={`flex flex-col gap-4 bg-white px-10 py-4 ${showMap ? 'h-screen overflow-hidden' : 'min-h-screen'}`}
      data-projector
      data-testid="projector"
      data-phase={control.phase}
    >
      <header className="flex items-start justify-between gap-8">
        <div className="min-w-0">
          <div className="flex items-center gap-4">
            <p className="truncate text-2xl text-stone-700">{state.info.title}</p>
            <ConnectionBadge status={status} />
          </div>
          <h1
            className="text-5xl leading-tight font-bold"
            data-testid="phase-name"
            data-phase={control.phase}
            aria-live="polite"
          >
            {t(`phases.${control.phase}`)}
          </h1>
        </div>
        <div className="flex shrink-0 items-start gap-8">
          {canMap && (
            <button
              type="button"
              className="rounded-lg border-2 border-stone-700 px-4 py-2 text-xl font-semibold"
              onClick={() => setMapShown(!showMap)}
              data-testid="projector-map-toggle"
            >
              {showMap ? t('projector.showPhase') : t('projector.showMap')}
            </button>
          )}
          {control.timer.status !== 'idle' && <TimerDisplay timer={control.timer} size="huge" />}
          {control.phase !== 'lobby' && <JoinCorner joinUrl={joinUrl} code={state.info.joinCode} />}
        </div>
      </header>
      <div className="flex min-h-0 flex-1 gap-10">
        <div className="min-h-0 min-w-0 flex-1" data-testid="projector-part">
          {showMap ? <ProjectorMap {...props} /> : <Part {...props} />}
        </div>
        {!showMap && progressAt === 'side' && (
          <div className="w-[28%] shrink-0">
            <ReadinessPanel
              control={control}
              participants={state.participants}
              progress={state.progress}
              showNames={!control.anonymous}
              size="huge"
            />
          </div>
        )}
      </div>
      {!showMap && progressAt === 'line' && (
        <ReadinessPanel
          control={control}
          participants={state.participants}
          progress={state.progress}
          showNames={!control.anonymous}
          className="max-w-3xl text-2xl"
        />
      )}
    </main>
  );
}
