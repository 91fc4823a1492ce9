import { render, screen, waitFor } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { savedFacilitatorKey } from '@/lib/client/credentials';
import en from '@/lib/i18n/messages/en.json';
import { ProjectorScreen } from './projector-screen';

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: vi.fn() }) }));

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('ProjectorScreen', () => {
  it('keeps a key that came in the link’s fragment after taking it out of the address bar', async () => {
    // The screen token's request fails here: what matters is what the page still knows after.
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('offline')));
    window.history.replaceState(null, '', '/w/w1/screen#key=the-key');
    render(
      <NextIntlClientProvider locale="en" messages={en}>
        <ProjectorScreen workshopId="w1" />
      </NextIntlClientProvider>,
    );
    await waitFor(() => expect(window.location.hash).toBe(''));
    await waitFor(() => expect(screen.getByRole('alert')).toBeTruthy());
    expect(screen.queryByText(en.screen.noKey)).toBeNull();
    expect(savedFacilitatorKey('w1')).toBe('the-key');
  });
});
