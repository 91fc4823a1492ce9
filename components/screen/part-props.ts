import type * as Y from 'yjs';
import type { PathStep } from '@/lib/board/path-doc';
import type { WorkshopState } from '@/lib/domain/workshop';

/** What every phase's part of the projector is given: the shared state, the path, the board. */
export interface PartProps {
  state: WorkshopState;
  steps: PathStep[];
  /** The board document, read-only (a screen never writes); null until it is open. */
  doc: Y.Doc | null;
  /** Where latecomers join: shown as text and as a QR code. */
  joinUrl: string;
}
