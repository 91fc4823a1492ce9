import { act, render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Timer } from '@/lib/domain/timer';
import en from '@/lib/i18n/messages/en.json';
import { TimerAnnouncer, timerAnnouncement } from './timer-announcer';

const NOW = 1_700_000_000_000;
const SEC = 1000;

function announcer(timer: Timer) {
  return (
    <NextIntlClientProvider locale="en" messages={en}>
      <TimerAnnouncer timer={timer} />
    </NextIntlClientProvider>
  );
}

const region = () => screen.getByTestId('timer-announcement');

describe('timerAnnouncement', () => {
  it('warns at a minute left, says the end, and is silent otherwise', () => {
    const running = (left: number): Timer => ({
      status: 'running',
      deadline: NOW + left,
      durationMs: 5 * 60 * SEC,
    });
    expect(timerAnnouncement({ status: 'idle' }, NOW)).toBeNull();
    expect(timerAnnouncement(running(61 * SEC), NOW)).toBeNull();
    expect(timerAnnouncement(running(60 * SEC), NOW)).toBe('oneMinute');
    expect(timerAnnouncement(running(0), NOW)).toBe('expired');
    expect(
      timerAnnouncement({ status: 'paused', remainingMs: 30 * SEC, durationMs: 60 * SEC }, NOW),
    ).toBe('oneMinute');
    expect(timerAnnouncement({ status: 'expired', expiredAt: NOW, durationMs: SEC }, NOW)).toBe(
      'expired',
    );
  });
});

describe('TimerAnnouncer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('is an empty assertive live region while no timer runs', () => {
    render(announcer({ status: 'idle' }));
    expect(region().getAttribute('aria-live')).toBe('assertive');
    expect(region().textContent).toBe('');
  });

  it('speaks once when the minute is reached, not with every tick, then at the end', () => {
    const { rerender } = render(announcer({ status: 'idle' }));
    const timer: Timer = { status: 'running', deadline: NOW + 62 * SEC, durationMs: 62 * SEC };
    rerender(announcer(timer));
    expect(region().textContent).toBe('');

    // What the region says after each second of ticking.
    const texts: string[] = [];
    for (let s = 0; s < 10; s += 1) {
      act(() => vi.advanceTimersByTime(SEC));
      texts.push(region().textContent ?? '');
    }
    rerender(announcer({ status: 'expired', expiredAt: NOW + 62 * SEC, durationMs: 62 * SEC }));
    texts.push(region().textContent ?? '');
    // Ten seconds of ticking changed its text twice: the warning, then the end.
    const changes = texts.filter((text, i) => text !== (i === 0 ? '' : texts[i - 1]));
    expect(changes).toEqual(['One minute left', "Time's up"]);
  });

  it('keeps the warning through a pause, so resuming does not repeat it', () => {
    const { rerender } = render(
      announcer({ status: 'running', deadline: NOW + 40 * SEC, durationMs: 60 * SEC }),
    );
    expect(region().textContent).toBe('One minute left');
    rerender(announcer({ status: 'paused', remainingMs: 40 * SEC, durationMs: 60 * SEC }));
    expect(region().textContent).toBe('One minute left');
  });
});
