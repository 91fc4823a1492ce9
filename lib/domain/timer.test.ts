import { describe, expect, it } from 'vitest';
import {
  addTime,
  expireIfDue,
  IDLE_TIMER,
  pauseTimer,
  remainingMs,
  resumeTimer,
  startTimer,
  type Timer,
} from './timer';

const NOW = 1_700_000_000_000;
const MIN = 60_000;

const running: Timer = { status: 'running', deadline: NOW + 5 * MIN, durationMs: 10 * MIN };
const paused: Timer = { status: 'paused', remainingMs: 4 * MIN, durationMs: 10 * MIN };
const expired: Timer = { status: 'expired', expiredAt: NOW - MIN, durationMs: 10 * MIN };

describe('startTimer', () => {
  it('runs until an absolute deadline of now plus the duration', () => {
    expect(startTimer(10 * MIN, NOW)).toEqual({
      status: 'running',
      deadline: NOW + 10 * MIN,
      durationMs: 10 * MIN,
    });
  });
});

describe('pauseTimer', () => {
  it('keeps the time that was left when paused', () => {
    expect(pauseTimer(running, NOW + MIN)).toEqual({
      status: 'paused',
      remainingMs: 4 * MIN,
      durationMs: 10 * MIN,
    });
  });

  it('keeps no negative time when paused after the deadline', () => {
    expect(pauseTimer(running, NOW + 6 * MIN)).toMatchObject({ status: 'paused', remainingMs: 0 });
  });

  it.each([IDLE_TIMER, paused, expired])('refuses a timer that is not running (%o)', (timer) => {
    expect(pauseTimer(timer, NOW)).toBeNull();
  });
});

describe('resumeTimer', () => {
  it('runs again with a new deadline of now plus what was left', () => {
    expect(resumeTimer(paused, NOW + 30 * MIN)).toEqual({
      status: 'running',
      deadline: NOW + 34 * MIN,
      durationMs: 10 * MIN,
    });
  });

  it.each([IDLE_TIMER, running, expired])('refuses a timer that is not paused (%o)', (timer) => {
    expect(resumeTimer(timer, NOW)).toBeNull();
  });

  it('pausing and resuming loses no time', () => {
    const later = resumeTimer(pauseTimer(running, NOW)!, NOW + 2 * MIN)!;
    expect(remainingMs(later, NOW + 2 * MIN)).toBe(remainingMs(running, NOW));
  });
});

describe('addTime', () => {
  it('moves a running timer’s deadline and duration', () => {
    expect(addTime(running, MIN, NOW)).toEqual({
      status: 'running',
      deadline: NOW + 6 * MIN,
      durationMs: 11 * MIN,
    });
  });

  it('adds to what a paused timer has left', () => {
    expect(addTime(paused, MIN, NOW)).toEqual({
      status: 'paused',
      remainingMs: 5 * MIN,
      durationMs: 11 * MIN,
    });
  });

  it('restarts an expired timer with the added time from now', () => {
    expect(addTime(expired, 2 * MIN, NOW)).toEqual({
      status: 'running',
      deadline: NOW + 2 * MIN,
      durationMs: 12 * MIN,
    });
  });

  it('refuses an idle timer', () => {
    expect(addTime(IDLE_TIMER, MIN, NOW)).toBeNull();
  });
});

describe('expireIfDue', () => {
  it('expires a running timer at its deadline, dated by the deadline', () => {
    expect(expireIfDue(running, NOW + 5 * MIN)).toEqual({
      status: 'expired',
      expiredAt: NOW + 5 * MIN,
      durationMs: 10 * MIN,
    });
    expect(expireIfDue(running, NOW + 60 * MIN)).toMatchObject({
      status: 'expired',
      expiredAt: NOW + 5 * MIN,
    });
  });

  it('returns the very same timer while the deadline is ahead', () => {
    expect(expireIfDue(running, NOW + 5 * MIN - 1)).toBe(running);
  });

  it.each([IDLE_TIMER, paused, expired])('leaves a timer that is not running alone (%o)', (t) => {
    expect(expireIfDue(t, NOW + 100 * MIN)).toBe(t);
  });
});

describe('remainingMs', () => {
  it('counts down to the deadline of a running timer, never below zero', () => {
    expect(remainingMs(running, NOW)).toBe(5 * MIN);
    expect(remainingMs(running, NOW + 5 * MIN - 250)).toBe(250);
    expect(remainingMs(running, NOW + 6 * MIN)).toBe(0);
  });

  it('stands still while paused', () => {
    expect(remainingMs(paused, NOW)).toBe(4 * MIN);
    expect(remainingMs(paused, NOW + 100 * MIN)).toBe(4 * MIN);
  });

  it('is zero for idle and expired timers', () => {
    expect(remainingMs(IDLE_TIMER, NOW)).toBe(0);
    expect(remainingMs(expired, NOW - 5 * MIN)).toBe(0);
  });
});
