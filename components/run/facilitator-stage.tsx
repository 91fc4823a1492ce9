'use client';

import type * as Y from 'yjs';
import type { PathStep } from '@/lib/board/path-doc';
import type { WorkshopState } from '@/lib/domain/workshop';
import { useSession } from '@/lib/stores/session-store';
import { ActionsPanel } from '../decide/actions-panel';
import { VoteBoard } from '../decide/vote-board';
import { VoteSettingsPanel } from '../decide/vote-settings';
import { StepBoard } from '../board/step-board';
import { ReadinessPanel } from './readiness-panel';
import { ReflectRanking } from './reflect-ranking';
import { RevealControls, StepRevealControls } from './reveal-controls';
import { TargetList } from './target-list';
import { TimerControls } from './timer-controls';
import { WalkControls } from './walk-controls';
import { WarmupFacilitator } from './warmup-facilitator';

/** The facilitator's tools for the current phase, with the timer and who is done. */
export function FacilitatorStage({
  state,
  steps,
  doc,
}: {
  state: WorkshopState;
  steps: PathStep[];
  doc: Y.Doc | null;
}) {
  const { control } = state;
  const you = useSession((s) => s.you);
  const spotlight = steps.find((s) => s.id === control.stepId);
  return (
    <div className="flex flex-col gap-6">
      <div className="grid gap-6 rounded-xl bg-white p-6 shadow-sm md:grid-cols-2">
        <TimerControls timer={control.timer} />
        {control.phase !== 'lobby' && (
          <ReadinessPanel
            control={control}
            participants={state.participants}
            progress={state.progress}
            showNames
          />
        )}
      </div>
      {control.phase === 'warmup' && (
        <Panel>
          <WarmupFacilitator state={state} />
        </Panel>
      )}
      {control.phase === 'target' && (
        <Panel>
          <TargetList steps={steps} doc={doc} editable />
        </Panel>
      )}
      {control.phase === 'walk' && (
        <Panel>
          <WalkControls control={control} steps={steps} />
          {spotlight && (
            <div className="mt-6">
              <StepRevealControls state={state} step={spotlight} />
            </div>
          )}
        </Panel>
      )}
      {control.phase === 'reflect' && you && (
        <Panel>
          {/* The ranking beside the board: the room moves through the moments of truth. */}
          <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
            <ReflectRanking control={control} steps={steps} />
            <StepBoard
              doc={doc}
              steps={steps}
              control={control}
              viewer={{ participantId: you.participantId, name: you.name, role: you.role }}
            />
          </div>
        </Panel>
      )}
      {control.phase === 'vote' && you && (
        <Panel>
          <VoteSettingsPanel settings={control.votes} />
          <div className="mt-6">
            <VoteBoard state={state} you={you} steps={steps} doc={doc} />
          </div>
        </Panel>
      )}
      {control.phase === 'actions' && you && (
        <Panel>
          <ActionsPanel state={state} you={you} steps={steps} doc={doc} />
        </Panel>
      )}
      {['reveal', 'reflect', 'ideate', 'summary'].includes(control.phase) && (
        <Panel>
          <RevealControls state={state} steps={steps} />
        </Panel>
      )}
    </div>
  );
}

function Panel({ children }: { children: React.ReactNode }) {
  return <div className="min-w-0 rounded-xl bg-white p-6 shadow-sm">{children}</div>;
}
