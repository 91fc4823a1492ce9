import {
  YJS_ADDRESS_SHARE_MAX_BYTES,
  YJS_CLIENT_IDS_PER_PARTICIPANT_MAX,
  YJS_COMPACT_AFTER_BYTES,
  YJS_COMPACT_AFTER_UPDATES,
  YJS_DOC_MAX_BYTES,
  YJS_RENEWAL_RELAY_MS,
  YJS_SHARE_MAX_BYTES,
} from '../../lib/constants';

/** When the log is compacted, and how large a document may grow. */
export interface DocLimits {
  compactAfterUpdates: number;
  /** Bytes appended since the last snapshot. */
  compactAfterBytes: number;
  docMaxBytes: number;
  /** Most of the document one participant may hold (YJS_SHARE_MAX_BYTES). */
  shareMaxBytes: number;
  /** What the participants of one address may hold together (YJS_ADDRESS_SHARE_MAX_BYTES). */
  addressShareMaxBytes: number;
  /** How often gathered presence renewals are relayed (YJS_RENEWAL_RELAY_MS). */
  renewalRelayMs: number;
  /** Yjs client ids one participant may claim (YJS_CLIENT_IDS_PER_PARTICIPANT_MAX). */
  clientIdsPerParticipant: number;
}

export const DEFAULT_DOC_LIMITS: DocLimits = {
  compactAfterUpdates: YJS_COMPACT_AFTER_UPDATES,
  compactAfterBytes: YJS_COMPACT_AFTER_BYTES,
  docMaxBytes: YJS_DOC_MAX_BYTES,
  shareMaxBytes: YJS_SHARE_MAX_BYTES,
  addressShareMaxBytes: YJS_ADDRESS_SHARE_MAX_BYTES,
  renewalRelayMs: YJS_RENEWAL_RELAY_MS,
  clientIdsPerParticipant: YJS_CLIENT_IDS_PER_PARTICIPANT_MAX,
};
