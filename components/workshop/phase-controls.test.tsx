import { fireEvent, render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { control } from '@/lib/domain/command-fixtures';
import { PHASES, type Phase } from '@/lib/domain/phases';
import en from '@/lib/i18n/messages/en.json';
import { useSession } from '@/lib/stores/session-store';
import { PhaseControls } from './phase-controls';

const realSend = useSession.getState().send;
afterEach(() => useSession.setState({ send: realSend }));

function controls(phase: Phase, enabledPhases: Phase[] = [...PHASES]) {
  const send = vi.fn().mockResolvedValue({ ok: true, data: {} });
  useSession.setState({ send });
  render(
    <NextIntlClientProvider locale="en" messages={en}>
      <PhaseControls control={control({ phase, enabledPhases })} />
    </NextIntlClientProvider>,
  );
  return send;
}

const button = (name: string) => screen.getByRole('button', { name: new RegExp(name) });

describe('PhaseControls', () => {
  it('asks for the next phase in use by name, and a double-click moves only once', () => {
    const enabled: Phase[] = ['lobby', 'walk', 'reveal', 'summary'];
    const send = controls('walk', enabled);
    fireEvent.click(button('Next phase'), { detail: 1 });
    fireEvent.click(button('Next phase'), { detail: 2 });
    expect(send.mock.calls).toEqual([['phase:set', { phase: 'reveal' }]]);
  });

  it('goes back to the phase before, from the keyboard too', () => {
    const enabled: Phase[] = ['lobby', 'walk', 'reveal', 'summary'];
    const send = controls('reveal', enabled);
    fireEvent.click(button('Previous phase'), { detail: 0 });
    expect(send).toHaveBeenCalledWith('phase:set', { phase: 'walk' });
  });

  it('offers no phase before the first', () => {
    controls('lobby');
    expect(button('Previous phase')).toHaveProperty('disabled', true);
  });
});
