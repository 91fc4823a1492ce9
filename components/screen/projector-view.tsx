'use client';

import { useTranslations } from 'next-intl';
import type { ComponentType } from 'react';
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
import type { PartProps } from './part-props';
import { ReflectPart } from './reflect-part';
import { SummaryPart } from './summary-part';
import { VotePart } from './vote-part';
import { WalkPart } from './walk-part';
import { WarmupPart } from './warmup-part';

function TargetPart({ steps }: PartProps) {
  return (
    <div className="text-2xl">
      <TargetList steps={steps} doc={null} editable={false} />
    </div>
  );
}

/** The reveal: the largest gap and the curves. */
function RevealPart({ state, steps }: PartProps) {
  return <RevealView steps={steps} round={state.control.round} size="huge" />;
}

/**
 * Where the room's progress goes in a phase: beside the part where progress is the point
 * (the walk, the vote), under it where it is not, nowhere where nobody is asked for anything.
 */
type Progress = 'side' | 'below' | 'none';

/** Every phase has its part on the wall: a new phase does not compile until it has one. */
const PARTS: { [P in Phase]: { Part: ComponentType<PartProps>; progress: Progress } } = {
  lobby: { Part: LobbyPart, progress: 'none' },
  // The answers arriving are the warm-up's progress (WarmupPart counts them).
  warmup: { Part: WarmupPart, progress: 'none' },
  target: { Part: TargetPart, progress: 'below' },
  walk: { Part: WalkPart, progress: 'side' },
  reveal: { Part: RevealPart, progress: 'below' },
  reflect: { Part: ReflectPart, progress: 'below' },
  ideate: { Part: IdeatePart, progress: 'below' },
  vote: { Part: VotePart, progress: 'side' },
  actions: { Part: ActionsPart, progress: 'below' },
  summary: { Part: SummaryPart, progress: 'none' },
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
  const { Part, progress } = PARTS[control.phase];
  const readiness = progress !== 'none' && (
    <ReadinessPanel
      control={control}
      participants={state.participants}
      showNames={!control.anonymous}
      size={progress === 'side' ? 'huge' : 'normal'}
    />
  );
  return (
    <main
      className="flex min-h-screen flex-col gap-6 bg-white px-10 py-6"
      data-projector
      data-testid="projector"
      data-phase={control.phase}
    >
      <header className="flex items-start justify-between gap-8">
        <div className="min-w-0">
          <p className="truncate text-2xl text-stone-700">{state.info.title}</p>
          <h1
            className="text-6xl font-bold"
            data-testid="phase-name"
            data-phase={control.phase}
            aria-live="polite"
          >
            {t(`phases.${control.phase}`)}
          </h1>
        </div>
        <div className="flex shrink-0 items-start gap-8">
          {control.timer.status !== 'idle' && <TimerDisplay timer={control.timer} size="huge" />}
          {control.phase !== 'lobby' && <JoinCorner joinUrl={joinUrl} code={state.info.joinCode} />}
        </div>
      </header>
      <div className="flex min-h-0 flex-1 gap-10">
        <div className="min-w-0 flex-1" data-testid="projector-part">
          <Part {...props} />
        </div>
        {progress === 'side' && <div className="w-[28%] shrink-0">{readiness}</div>}
      </div>
      <footer className="flex items-end justify-between gap-8">
        <div className="min-w-0 flex-1">{progress === 'below' && readiness}</div>
        <ConnectionBadge status={status} />
      </footer>
    </main>
  );
}
