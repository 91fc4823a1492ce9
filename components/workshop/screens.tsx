'use client';

import dynamic from 'next/dynamic';

// Client-only: they read localStorage and load Yjs, which must not be imported during
// the server render (Yjs warns about being imported twice).
export const ParticipantScreen = dynamic(
  () => import('./participant-screen').then((m) => m.ParticipantScreen),
  { ssr: false },
);
export const FacilitatorScreen = dynamic(
  () => import('./facilitator-screen').then((m) => m.FacilitatorScreen),
  { ssr: false },
);
export const ProjectorScreen = dynamic(
  () => import('../screen/projector-screen').then((m) => m.ProjectorScreen),
  { ssr: false },
);
export const SummaryScreen = dynamic(
  () => import('../summary/summary-screen').then((m) => m.SummaryScreen),
  { ssr: false },
);
export const CompareScreen = dynamic(
  () => import('../summary/compare-screen').then((m) => m.CompareScreen),
  { ssr: false },
);
