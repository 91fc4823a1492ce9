import { act, fireEvent, render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it } from 'vitest';
import type { ActionInput } from '@/lib/domain/actions';
import en from '@/lib/i18n/messages/en.json';
import { ActionForm } from './action-form';

/** A save that the test answers by hand, as a slow server would. */
function pendingSave() {
  const calls: Array<{ input: ActionInput; answer: (ok: boolean) => void }> = [];
  const onSave = (input: ActionInput) =>
    new Promise<boolean>((resolve) => calls.push({ input, answer: resolve }));
  return { calls, onSave };
}

function form(onSave: (input: ActionInput) => Promise<boolean>) {
  render(
    <NextIntlClientProvider locale="en" messages={en}>
      <ActionForm steps={[]} ideas={[]} onSave={onSave} />
    </NextIntlClientProvider>,
  );
}

const text = () => screen.getByLabelText('What will be done') as HTMLInputElement;
const type = (value: string) => fireEvent.change(text(), { target: { value } });
const add = () => fireEvent.click(screen.getByRole('button', { name: 'Add the action' }));

describe('ActionForm', () => {
  it('clears the form once the server has saved the action', async () => {
    const { calls, onSave } = pendingSave();
    form(onSave);
    type('  Call the customer back  ');
    add();
    expect(calls.map((c) => c.input.text)).toEqual(['Call the customer back']);
    await act(async () => calls[0]?.answer(true));
    expect(text().value).toBe('');
    expect(screen.getByRole('button', { name: 'Add the action' })).toHaveProperty('disabled', true);
  });

  it('keeps the next action typed while the first was being saved', async () => {
    const { calls, onSave } = pendingSave();
    form(onSave);
    type('First');
    add();
    type('Second');
    await act(async () => calls[0]?.answer(true));
    expect(text().value).toBe('Second');
  });

  it('sends one command for a double-click on Add while the first is being saved', async () => {
    const { calls, onSave } = pendingSave();
    form(onSave);
    type('Call the customer back');
    const button = screen.getByRole('button', { name: 'Add the action' });
    fireEvent.click(button, { detail: 1 });
    fireEvent.click(button, { detail: 2 });
    expect(calls).toHaveLength(1);
    expect(button).toHaveProperty('disabled', true);
    await act(async () => calls[0]?.answer(true));
    expect(calls).toHaveLength(1);
  });

  it('ignores a second submit in the same tick, before React re-renders', () => {
    const { calls, onSave } = pendingSave();
    form(onSave);
    type('Call the customer back');
    const button = screen.getByRole('button', { name: 'Add the action' });
    act(() => {
      // Enter pressed twice, or two clicks, both before the button can turn disabled.
      button.click();
      button.click();
    });
    expect(calls).toHaveLength(1);
  });

  it('lets the action be sent again once the server has refused it', async () => {
    const { calls, onSave } = pendingSave();
    form(onSave);
    type('Refused at first');
    add();
    await act(async () => calls[0]?.answer(false));
    const button = screen.getByRole('button', { name: 'Add the action' });
    expect(button).toHaveProperty('disabled', false);
    add();
    expect(calls.map((c) => c.input.text)).toEqual(['Refused at first', 'Refused at first']);
  });

  it('keeps the text when the server refuses it', async () => {
    const { calls, onSave } = pendingSave();
    form(onSave);
    type('Refused');
    add();
    await act(async () => calls[0]?.answer(false));
    expect(text().value).toBe('Refused');
  });
});
