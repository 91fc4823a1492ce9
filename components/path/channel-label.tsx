'use client';

import { useTranslations } from 'next-intl';
import { CHANNELS } from '@/lib/templates/schema';

/** The channel as a word in a pill: readable without colour or icon fonts. */
export function ChannelLabel({ channel }: { channel: string }) {
  const t = useTranslations('channels');
  const known = (CHANNELS as readonly string[]).includes(channel);
  return (
    <span className="inline-block rounded-full border border-stone-400 px-2 text-xs">
      {known ? t(channel) : channel}
    </span>
  );
}
