import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm run check` typechecks the whole project (server and tests too) before CI builds;
  // checking again here would only slow the build down.
  typescript: { ignoreBuildErrors: true },
  // Security headers, with a fresh CSP nonce per page, are set by our server for every
  // response: see server/security-headers.ts.
};

export default withNextIntl(nextConfig);
