import type { Metadata, Viewport } from 'next';

/** The boot brown of the icon and the header (`--color-boot` in globals.css). */
const BOOT = '#7a4b2a';

/**
 * What every page's head links to from `public/`: the web app manifest (so a phone can
 * add the app to its home screen), the favicon set and the apple-touch icon.
 */
export const APP_HEAD = {
  metadata: {
    manifest: '/manifest.webmanifest',
    icons: {
      icon: [
        { url: '/favicon.ico', sizes: '16x16 32x32 48x48' },
        { url: '/icon.svg', type: 'image/svg+xml' },
        { url: '/icon-192.png', type: 'image/png', sizes: '192x192' },
      ],
      apple: '/apple-touch-icon.png',
    },
  } satisfies Metadata,
  viewport: { themeColor: BOOT } satisfies Viewport,
};

/**
 * For workshop pages (`/w/`, `/join/CODE`, `/rejoin/`): never in a search engine, whose
 * crawler may find a link in a shared document or a Referer. robots.txt asks the same.
 */
export const NO_INDEX = { robots: { index: false, follow: false } } satisfies Metadata;
