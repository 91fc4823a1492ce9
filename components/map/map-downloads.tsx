'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { exportMapLayout } from '@/lib/export/map-export';
import { renderMapSvg } from '@/lib/export/map-svg';
import { exportFileName } from '@/lib/export/file-name';
import type { WorkshopExport } from '@/lib/export/model';
import { exportWords } from '@/lib/export/words';
import { Button } from '../ui/button';

/** A PNG twice the SVG's size: sharp on a slide or a high-density screen. */
const PNG_SCALE = 2;

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Draws the SVG on a canvas in the browser: no server round trip, and every reader may. */
async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * PNG_SCALE);
    canvas.height = Math.ceil(height * PNG_SCALE);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d canvas');
    ctx.scale(PNG_SCALE, PNG_SCALE);
    ctx.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The journey map as an SVG or a PNG file, drawn from the summary the reader already has. */
export function MapDownloads({ data }: { data: WorkshopExport }) {
  const t = useTranslations('map');
  const [failed, setFailed] = useState(false);
  const make = () => {
    const layout = exportMapLayout(data);
    const words = exportWords(data.workshop.locale);
    const svg = renderMapSvg(layout, `${words.t.mapTitle}: ${data.workshop.title}`);
    const stem = `${words.t.mapTitle} ${data.workshop.title}`;
    return { layout, svg, stem };
  };
  return (
    <div className="no-print flex flex-wrap items-center gap-2">
      <Button
        variant="secondary"
        onClick={() => {
          const { svg, stem } = make();
          save(new Blob([svg], { type: 'image/svg+xml' }), exportFileName(stem, 'svg').utf8);
        }}
      >
        {t('download')} (SVG)
      </Button>
      <Button
        variant="secondary"
        onClick={() => {
          const { layout, svg, stem } = make();
          setFailed(false);
          svgToPng(svg, layout.width, layout.height).then(
            (png) => save(png, exportFileName(stem, 'png').utf8),
            () => setFailed(true),
          );
        }}
      >
        {t('download')} (PNG)
      </Button>
      {failed && <p role="alert">{t('downloadFailed')}</p>}
    </div>
  );
}
