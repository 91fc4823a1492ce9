import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // NEXT_DIST_DIR lets two builds live side by side (e.g. parallel e2e work on one machine).
  // Next then adds that directory's types to tsconfig.json's include: do not commit those.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // `npm run check` typechecks the whole project (server and tests too) before CI builds;
  // checking again here would only slow the build down.
  typescript: { ignoreBuildErrors: true },
  // Security headers, with a fresh CSP nonce per page, are set by our server for every
  // response: see server/security-headers.ts.
};

export default withNextIntl(nextConfig);
