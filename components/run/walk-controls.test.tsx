import { fireEvent, render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PathStep } from '@/lib/board/path-doc';
import { control } from '@/lib/domain/command-fixtures';
import { EMOTION_NAMES } from '@/lib/domain/emotions';
import en from '@/lib/i18n/messages/en.json';
import { useSession } from '@/lib/stores/session-store';
import { WalkControls } from './walk-controls';

const steps: PathStep[] = ['s1', 's2', 's3'].map((id) => ({
  id,
  title: `Step ${id}`,
  description: '',
  stage: 'during',
  channel: 'web',
  department: '',
  critical: false,
  targetFeeling: EMOTION_NAMES[0]!,
  artefact: null,
}));

const realSend = useSession.getState().send;
afterEach(() => useSession.setState({ send: realSend }));

function controls(stepId: string) {
  const send = vi.fn().mockResolvedValue({ ok: true, data: {} });
  useSession.setState({ send });
  render(
    <NextIntlClientProvider locale="en" messages={en}>
      <WalkControls control={control({ stepId })} steps={steps} />
    </NextIntlClientProvider>,
  );
  return send;
}

const button = (name: string) => screen.getByRole('button', { name: new RegExp(name) });

describe('WalkControls', () => {
  it('asks for the step after the one on screen, by id', () => {
    const send = controls('s1');
    fireEvent.click(button('Next step'), { detail: 1 });
    expect(send).toHaveBeenCalledWith('walk:step', { stepId: 's2' });
  });

  it('does not skip a step on a double-click', () => {
    const send = controls('s1');
    // A double-click: two clicks, the second with detail 2, before the state moves on.
    fireEvent.click(button('Next step'), { detail: 1 });
    fireEvent.click(button('Next step'), { detail: 2 });
    expect(send.mock.calls).toEqual([['walk:step', { stepId: 's2' }]]);
  });

  it('asks for the same step again when clicked twice before the change arrives', () => {
    const send = controls('s2');
    fireEvent.click(button('Previous step'), { detail: 1 });
    fireEvent.click(button('Previous step'), { detail: 1 });
    expect(send.mock.calls).toEqual([
      ['walk:step', { stepId: 's1' }],
      ['walk:step', { stepId: 's1' }],
    ]);
  });

  it('counts keyboard activation (detail 0) and offers no step past the ends', () => {
    const send = controls('s3');
    expect(button('Next step')).toHaveProperty('disabled', true);
    fireEvent.click(button('Previous step'), { detail: 0 });
    expect(send).toHaveBeenCalledWith('walk:step', { stepId: 's2' });
  });
});
