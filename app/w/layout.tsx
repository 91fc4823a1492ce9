import type { ReactNode } from 'react';
import { NO_INDEX } from '../head';

/** Every workshop page (participant, facilitator, projector, summary) stays out of search engines. */
export const metadata = NO_INDEX;

export default function WorkshopLayout({ children }: { children: ReactNode }) {
  return children;
}
