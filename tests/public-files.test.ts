import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_HEAD, NO_INDEX } from '../app/head';
import { metadata as joinCodeMeta } from '../app/join/[code]/page';
import { metadata as rejoinMeta } from '../app/rejoin/[id]/page';
import { metadata as workshopMeta } from '../app/w/layout';

const PUBLIC = path.resolve(import.meta.dirname, '../public');
const read = (file: string) => fs.readFileSync(path.join(PUBLIC, file));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = read(file);
  expect(bytes.subarray(1, 4).toString('latin1'), file).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('public/', () => {
  it('has a favicon.ico with 16, 32 and 48 px images', () => {
    const ico = read('favicon.ico');
    expect(ico.readUInt16LE(2)).toBe(1); // an icon, not a cursor
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256);
    expect(sizes.sort((a, b) => a - b)).toEqual([16, 32, 48]);
  });

  it('has an apple-touch-icon of 180 px', () => {
    expect(pngSize('apple-touch-icon.png')).toEqual([180, 180]);
  });

  it('has a web app manifest whose icons exist at their sizes, starting at the join', () => {
    const manifest = JSON.parse(read('manifest.webmanifest').toString('utf8')) as {
      name: string;
      short_name: string;
      start_url: string;
      display: string;
      theme_color: string;
      background_color: string;
      icons: Array<{ src: string; sizes: string; type: string; purpose?: string }>;
    };
    expect(manifest).toMatchObject({
      name: 'Saappaat',
      short_name: 'Saappaat',
      start_url: '/join',
    });
    expect(manifest.display).toBe('standalone');
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    for (const icon of manifest.icons) {
      const [w, h] = pngSize(icon.src.replace(/^\//, ''));
      expect(`${w}x${h}`).toBe(icon.sizes);
      expect(icon.type).toBe('image/png');
    }
    const sizes = manifest.icons.map((i) => i.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
  });

  it('is linked from every page: manifest, icons and theme colour', () => {
    expect(APP_HEAD.metadata.manifest).toBe('/manifest.webmanifest');
    expect(APP_HEAD.metadata.icons).toMatchObject({
      icon: expect.arrayContaining([expect.objectContaining({ url: '/favicon.ico' })]),
      apple: '/apple-touch-icon.png',
    });
    expect(APP_HEAD.viewport.themeColor).toMatch(/^#/);
  });

  it('keeps workshop pages out of search engines: robots.txt and a noindex on each', () => {
    const lines = read('robots.txt').toString('utf8').split('\n');
    expect(lines).toContain('User-agent: *');
    for (const p of ['/w/', '/join/', '/rejoin/', '/api/'])
      expect(lines).toContain(`Disallow: ${p}`);
    expect(NO_INDEX.robots).toEqual({ index: false, follow: false });
    for (const meta of [workshopMeta, joinCodeMeta, rejoinMeta]) expect(meta).toEqual(NO_INDEX);
  });

  it('has the timer chime as a sound file, in Ogg Vorbis and MP3', () => {
    expect(read('sounds/chime.ogg').subarray(0, 4).toString('latin1')).toBe('OggS');
    const mp3 = read('sounds/chime.mp3');
    const id3 = mp3.subarray(0, 3).toString('latin1') === 'ID3';
    expect(id3 || (mp3[0] === 0xff && (mp3[1]! & 0xe0) === 0xe0)).toBe(true);
    expect(read('sounds/chime.ogg').length).toBeLessThan(50_000);
  });
});
