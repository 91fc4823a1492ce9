import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MyRating } from '@/lib/domain/ratings';
import en from '@/lib/i18n/messages/en.json';
import fi from '@/lib/i18n/messages/fi.json';
import { useSession } from '@/lib/stores/session-store';
import { RatingForm } from './rating-form';

const realSend = useSession.getState().send;
afterEach(() => useSession.setState({ send: realSend }));

/** A server that accepts everything at once, remembering what it was sent. */
function server() {
  const send = vi.fn(async (_event: string, _payload: unknown) => ({ ok: true }) as const);
  useSession.setState({ send: send as never });
  return () => send.mock.calls.map(([event, payload]) => [event, payload]);
}

const SAVED: MyRating = {
  stepId: 's1',
  round: 1,
  emotion: 'calm',
  expectation: 'as',
  valence: 1,
  effort: null,
  note: null,
};

function form(mine: MyRating | undefined, last = false, messages = en) {
  const ui = (m: MyRating | undefined) => (
    <NextIntlClientProvider locale={messages === en ? 'en' : 'fi'} messages={messages}>
      <RatingForm stepId="s1" mine={m} locked={false} last={last} />
    </NextIntlClientProvider>
  );
  const view = render(ui(mine));
  /** What the server sends back in ratings:mine once it has stored a rating. */
  const stored = (m: MyRating) => view.rerender(ui(m));
  return { ...view, stored };
}

const nextRow = () => screen.getByRole('group', { name: en.rate.expectNext });
const nextChoice = (name: string) => within(nextRow()).getByRole('button', { name });

describe('the feeling expected at the next step', () => {
  it('is one tap from the palette, saved with the rating, and cleared by a second tap', async () => {
    const sent = server();
    const { stored } = form(SAVED);
    const anxious = () => nextChoice(en.emotions.anxious);
    expect(anxious().getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(anxious());
    expect(anxious().getAttribute('aria-pressed')).toBe('true');
    await vi.waitFor(() => expect(sent()).toHaveLength(1));
    expect(sent()[0]).toEqual([
      'rating:put',
      expect.objectContaining({ emotion: 'calm', expectation: 'as', expectedNext: 'anxious' }),
    ]);
    await act(async () => stored({ ...SAVED, expectedNext: 'anxious' }));
    expect(anxious().getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(anxious());
    expect(anxious().getAttribute('aria-pressed')).toBe('false');
    await vi.waitFor(() => expect(sent()).toHaveLength(2));
    expect(sent()[1]?.[1]).not.toHaveProperty('expectedNext');
    await act(async () => stored(SAVED));
    expect(anxious().getAttribute('aria-pressed')).toBe('false');
  });

  it('keeps the saved one when the feeling changes, and waits for a whole rating', async () => {
    const sent = server();
    const { unmount } = form({ ...SAVED, expectedNext: 'happy' });
    expect(nextChoice(en.emotions.happy).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('radio', { name: new RegExp(en.emotions.unsure) }));
    await vi.waitFor(() => expect(sent()).toHaveLength(1));
    expect(sent()[0]?.[1]).toMatchObject({ emotion: 'unsure', expectedNext: 'happy' });
    unmount();

    form(undefined);
    fireEvent.click(nextChoice(en.emotions.relieved));
    expect(sent()).toHaveLength(1);
    fireEvent.click(screen.getByRole('radio', { name: new RegExp(en.emotions.calm) }));
    fireEvent.click(screen.getByRole('radio', { name: new RegExp(en.rate.as) }));
    await vi.waitFor(() => expect(sent()).toHaveLength(2));
    expect(sent()[1]?.[1]).toMatchObject({ expectation: 'as', expectedNext: 'relieved' });
  });

  it('is not asked on the last step', () => {
    server();
    form(SAVED, true);
    expect(screen.queryByRole('group', { name: en.rate.expectNext })).toBeNull();
  });

  it('is asked in Finnish too', () => {
    server();
    form(SAVED, false, fi);
    const row = screen.getByRole('group', { name: fi.rate.expectNext });
    expect(within(row).getByRole('button', { name: fi.emotions.anxious })).toBeTruthy();
  });
});
