'use client';

import { Fragment, type ReactNode } from 'react';
import type * as Y from 'yjs';
import type { PathStep } from '@/lib/board/path-doc';
import type { Phase } from '@/lib/domain/phases';
import type { WorkshopState, You } from '@/lib/domain/workshop';
import { useSession } from '@/lib/stores/session-store';
import { ActionsPanel } from '../decide/actions-panel';
import { VoteBoard } from '../decide/vote-board';
import { VoteSettingsPanel } from '../decide/vote-settings';
import { StepBoard } from '../board/step-board';
import { IdeationControls } from './ideation-controls';
import { ReadinessPanel } from './readiness-panel';
import { ReflectRanking } from './reflect-ranking';
import { RevealControls, StepRevealControls } from './reveal-controls';
import { TargetList } from './target-list';
import { TimerControls } from './timer-controls';
import { WalkControls } from './walk-controls';
import { WarmupFacilitator } from './warmup-facilitator';

/** A white card around each of the facilitator's tools. */
const PANEL = 'min-w-0 rounded-xl bg-white p-6 shadow-sm';

interface ToolProps {
  state: WorkshopState;
  steps: PathStep[];
  doc: Y.Doc | null;
  you: You | null;
}

/**
 * The facilitator's tools in each phase, under the timer and who is done, and whether the
 * reveal's controls (what the room sees of the ratings) follow them: a record over every
 * phase, so a new phase does not compile until it says what the facilitator does in it.
 */
const TOOLS: { [P in Phase]: { tools: (props: ToolProps) => ReactNode; reveal: boolean } } = {
  lobby: { tools: () => null, reveal: false },
  warmup: {
    tools: ({ state }) => (
      <Panel>
        <WarmupFacilitator state={state} />
      </Panel>
    ),
    reveal: false,
  },
  target: {
    tools: ({ steps, doc }) => (
      <Panel>
        <TargetList steps={steps} doc={doc} editable />
      </Panel>
    ),
    reveal: false,
  },
  walk: {
    tools: ({ state, steps }) => {
      const spotlight = steps.find((s) => s.id === state.control.stepId);
      return (
        <Panel>
          <WalkControls control={state.control} steps={steps} />
          {spotlight && (
            <div className="mt-6">
              <StepRevealControls state={state} step={spotlight} />
            </div>
          )}
        </Panel>
      );
    },
    reveal: false,
  },
  reveal: { tools: () => null, reveal: true },
  reflect: {
    tools: ({ state, steps, doc, you }) =>
      you && (
        <Panel>
          {/* The ranking beside the board: the room moves through the moments of truth. */}
          <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
            <ReflectRanking control={state.control} steps={steps} />
            <StepBoard
              doc={doc}
              steps={steps}
              control={state.control}
              viewer={{ participantId: you.participantId, name: you.name, role: you.role }}
            />
          </div>
        </Panel>
      ),
    reveal: true,
  },
  ideate: {
    // The prompts: the room moves through the top moments of truth (nothing without them).
    tools: ({ state, steps }) => (
      <IdeationControls control={state.control} steps={steps} className={PANEL} />
    ),
    reveal: true,
  },
  vote: {
    tools: ({ state, steps, doc, you }) =>
      you && (
        <Panel>
          <VoteSettingsPanel settings={state.control.votes} />
          <div className="mt-6">
            <VoteBoard state={state} you={you} steps={steps} doc={doc} />
          </div>
        </Panel>
      ),
    reveal: false,
  },
  actions: {
    tools: ({ state, steps, doc, you }) =>
      you && (
        <Panel>
          <ActionsPanel state={state} you={you} steps={steps} doc={doc} />
        </Panel>
      ),
    reveal: false,
  },
  summary: { tools: () => null, reveal: true },
};

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
      {/* Keyed by the phase: each phase's tools start afresh, as they always did. */}
      <Fragment key={control.phase}>
        {TOOLS[control.phase].tools({ state, steps, doc, you })}
      </Fragment>
      {TOOLS[control.phase].reveal && (
        <Panel>
          <RevealControls state={state} steps={steps} />
        </Panel>
      )}
    </div>
  );
}

function Panel({ children }: { children: React.ReactNode }) {
  return <div className={PANEL}>{children}</div>;
}
