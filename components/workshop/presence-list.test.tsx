import { render, screen, within } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import { PresenceList } from './presence-list';

describe('PresenceList', () => {
  it('lists everyone with role, marks you, and counts who is online', () => {
    render(
      <NextIntlClientProvider locale="en" messages={en}>
        <PresenceList
          youId="b"
          participants={[
            { id: 'a', name: 'Fran', role: 'facilitator', lens: 'customer', online: true },
            { id: 'b', name: 'Anna', role: 'customer', lens: 'customer', online: true },
            { id: 'c', name: '<b>Ben</b>', role: 'leader', lens: 'customer', online: false },
          ]}
        />
      </NextIntlClientProvider>,
    );
    expect(screen.getByRole('heading').textContent).toBe('Present (2 of 3)');
    const items = within(screen.getByTestId('presence-list')).getAllByRole('listitem');
    expect(items[1]?.textContent).toContain('Customer proxy');
    expect(items[1]?.textContent).toContain('(you)');
    expect(items[2]?.textContent).toContain('(away)');
    // A name is text, never markup.
    expect(items[2]?.querySelector('b')).toBeNull();
    expect(items[2]?.textContent).toContain('<b>Ben</b>');
  });
});
