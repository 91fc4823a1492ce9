'use client';

import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { qrPath } from '@/lib/client/qr-path';

const QUIET_ZONE_MODULES = 4;

/** A QR code drawn as SVG in the page (no image request), labelled with what it opens. */
export function QrCode({ url, sizePx = 180 }: { url: string; sizePx?: number }) {
  const t = useTranslations('qr');
  const { size, d } = useMemo(() => qrPath(url), [url]);
  const box = size + QUIET_ZONE_MODULES * 2;
  return (
    <svg
      role="img"
      aria-label={t('label', { url })}
      data-qr-url={url}
      width={sizePx}
      height={sizePx}
      viewBox={`${-QUIET_ZONE_MODULES} ${-QUIET_ZONE_MODULES} ${box} ${box}`}
      shapeRendering="crispEdges"
      className="rounded bg-white"
    >
      <rect x={-QUIET_ZONE_MODULES} y={-QUIET_ZONE_MODULES} width={box} height={box} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
