import { render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it } from 'vitest';
import type { PathStep } from '@/lib/board/path-doc';
import { control } from '@/lib/domain/command-fixtures';
import en from '@/lib/i18n/messages/en.json';
import { RevealAnnouncer } from './reveal-announcer';

const step = (id: string, title: string): PathStep => ({
  id,
  title,
  description: '',
  stage: 'during',
  channel: 'web',
  department: 'Sales',
  critical: false,
  targetFeeling: 'calm',
  artefact: null,
});
const STEPS = [step('s1', 'Booking'), step('s2', 'Arrival'), step('s3', 'Invoice')];

function announcer(revealed: string[]) {
  return (
    <NextIntlClientProvider locale="en" messages={en}>
      <RevealAnnouncer control={control({ phase: 'walk', round: 1, revealed })} steps={STEPS} />
    </NextIntlClientProvider>
  );
}

const said = () => screen.getByTestId('reveal-announcement').textContent;

describe('RevealAnnouncer', () => {
  it('says nothing about reveals that happened before the page opened', () => {
    render(announcer(['1:s1']));
    expect(said()).toBe('');
    expect(screen.getByTestId('reveal-announcement').getAttribute('aria-live')).toBe('polite');
  });

  it('names the step the facilitator reveals, then counts a reveal of all', () => {
    const { rerender } = render(announcer([]));
    rerender(announcer(['1:s2']));
    expect(said()).toBe('Revealed: how “Arrival” felt to each role.');
    rerender(announcer(['1:s2', '1:s1', '1:s3']));
    expect(said()).toBe('Revealed: how 2 steps felt to each role.');
  });

  it('ignores reveals of another round', () => {
    const { rerender } = render(announcer([]));
    rerender(announcer(['2:s1']));
    expect(said()).toBe('');
  });
});
