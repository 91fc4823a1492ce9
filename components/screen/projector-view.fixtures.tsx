/**
 * Fixtures for the projector's tests (projector-view.test.tsx): a three-step path, four
 * people, a board with notes and ideas, revealed ratings, and the view rendered in a
 * catalogue that throws on a missing message.
 */
import { render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import * as Y from 'yjs';
import { addNote } from '@/lib/board/board-doc';
import type { PathStep } from '@/lib/board/path-doc';
import { control } from '@/lib/domain/command-fixtures';
import type { Phase } from '@/lib/domain/phases';
import type { RevealedRating } from '@/lib/domain/ratings';
import type { ControlState, WorkshopState } from '@/lib/domain/workshop';
import en from '@/lib/i18n/messages/en.json';
import fi from '@/lib/i18n/messages/fi.json';
import { ProjectorView } from './projector-view';

const catalogues = { en, fi };
export const JOIN_URL = 'https://saappaat.example/join/KX7P2Q';

const step = (id: string, title: string, over: Partial<PathStep> = {}): PathStep => ({
  id,
  title,
  description: `What happens at ${title}`,
  stage: 'during',
  channel: 'web',
  department: 'Sales',
  critical: false,
  targetFeeling: 'happy',
  artefact: null,
  ...over,
});

const STEPS = [
  step('s1', 'Order online'),
  step('s2', 'Delivery', {
    department: 'Logistics',
    critical: true,
    artefact: 'Your parcel will arrive between 8 and 22.',
  }),
  step('s3', 'Invoice', { department: 'Finance' }),
];

export const PEOPLE: WorkshopState['participants'] = [
  { id: 'f', name: 'Fiia Facilitator', role: 'facilitator', lens: 'customer', online: true },
  { id: 'l', name: 'Leena Leader', role: 'leader', lens: 'customer', online: true },
  { id: 's', name: 'Sami Staff', role: 'staff', lens: 'staff', online: true },
  { id: 'c', name: 'Cecilia Customer', role: 'customer', lens: 'customer', online: true },
];

export function state(phase: Phase, over: Partial<ControlState> = {}): WorkshopState {
  return {
    info: {
      id: 'w1',
      title: 'Ordering a sofa',
      templateId: 'webshop',
      locale: 'en',
      joinCode: 'KX7P2Q',
      createdAt: 0,
    },
    control: control({ phase, stepId: 's2', readiness: { scope: 'x', doneIds: ['l'] }, ...over }),
    participants: PEOPLE,
    ratingCounts: { '1:s2': 2 },
    warmup: { answered: 2, results: null },
    progress: { doneIds: ['l', 's'], dotsSpent: {} },
  };
}

function board(): Y.Doc {
  const doc = new Y.Doc();
  const note = (id: string, stepId: string, lane: 'pains' | 'gains' | 'ideas', text: string) =>
    addNote(doc, { id, stepId, lane, text, authorId: 'c', createdAt: Number(id.slice(1)) });
  note('n1', 's2', 'pains', 'Nobody says when the parcel comes');
  note('n2', 's2', 'gains', 'Tracking link works');
  note('n3', 's1', 'pains', 'Too many form fields');
  note('n4', 's1', 'ideas', 'Pick a delivery hour');
  note('n5', 's2', 'ideas', 'Text message the day before');
  note('n6', 's3', 'ideas', 'One invoice, not three');
  return doc;
}

const revealed = (stepId: string, role: 'leader' | 'customer', valence: number, n: number) =>
  ({
    key: `${stepId}-${role}-${n}`,
    stepId,
    round: 1,
    valence,
    emotion: valence < 0 ? 'frustrated' : 'happy',
    expectation: valence < 0 ? 'worse' : 'as',
    effort: null,
    note: null,
    role,
    lens: 'customer',
    cardId: null,
    personaId: null,
    name: null,
  }) as RevealedRating;

/** A leader happy at Delivery, two customer proxies upset: the largest gap is at Delivery. */
export const RATINGS = [
  revealed('s1', 'leader', 1, 1),
  revealed('s1', 'customer', 0, 1),
  revealed('s2', 'leader', 2, 1),
  revealed('s2', 'customer', -2, 1),
  revealed('s2', 'customer', -3, 2),
  revealed('s3', 'leader', 0, 1),
  revealed('s3', 'customer', -1, 1),
];

export function show(s: WorkshopState, locale: 'en' | 'fi' = 'en', doc: Y.Doc | null = board()) {
  return render(
    <NextIntlClientProvider
      locale={locale}
      messages={catalogues[locale]}
      timeZone="Europe/Helsinki"
      onError={(err) => {
        throw err;
      }}
    >
      <ProjectorView state={s} steps={STEPS} doc={doc} joinUrl={JOIN_URL} />
    </NextIntlClientProvider>,
  );
}

export const projector = () => screen.getByTestId('projector');
export const part = () => screen.getByTestId('projector-part');
