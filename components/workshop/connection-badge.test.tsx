import { render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import fi from '@/lib/i18n/messages/fi.json';
import { ConnectionBadge } from './connection-badge';

describe('ConnectionBadge', () => {
  it('announces the status as text, not by colour alone', () => {
    render(
      <NextIntlClientProvider locale="en" messages={en}>
        <ConnectionBadge status="offline" />
      </NextIntlClientProvider>,
    );
    const badge = screen.getByRole('status');
    expect(badge.textContent).toContain('Offline – reconnecting');
    expect(badge.getAttribute('data-status')).toBe('offline');
  });

  it('speaks Finnish in a Finnish workshop', () => {
    render(
      <NextIntlClientProvider locale="fi" messages={fi}>
        <ConnectionBadge status="synced" />
      </NextIntlClientProvider>,
    );
    expect(screen.getByRole('status').textContent).toContain('Yhdistetty');
  });
});
