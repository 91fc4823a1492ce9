/**
 * Every error code and close code of the wire protocol, defined once and shared by
 * server and client. Documented in docs/protocol.md.
 */

/** Named error codes carried by acknowledgements and HTTP error bodies. */
export const ErrorCode = {
  /** The payload did not match the event's schema. */
  INVALID_PAYLOAD: 'INVALID_PAYLOAD',
  /** The event name is not part of the protocol. */
  UNKNOWN_EVENT: 'UNKNOWN_EVENT',
  /** The payload exceeded EVENT_PAYLOAD_MAX_BYTES. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** The client speaks another protocol version; reload the page. */
  PROTOCOL_MISMATCH: 'PROTOCOL_MISMATCH',
  /** No credentials, or credentials that do not verify. */
  UNAUTHORIZED: 'UNAUTHORIZED',
  /** A participant or screen token that was valid but has passed its expiry; join again. */
  TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  /** Valid credentials, but this role may not do this. */
  FORBIDDEN: 'FORBIDDEN',
  /** No workshop (or participant) with that id or code. */
  NOT_FOUND: 'NOT_FOUND',
  /** The command is not allowed in the current state (e.g. no previous phase). */
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  /** The service path has no steps, so the workshop cannot start. */
  PATH_EMPTY: 'PATH_EMPTY',
  /** A vote over the participant's dot budget, or over the dots allowed on one idea. */
  OVER_BUDGET: 'OVER_BUDGET',
  /** Too many requests; try again later. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The change could not be stored; nothing was changed. */
  STORAGE_FAILED: 'STORAGE_FAILED',
  /**
   * Several nodes: the workshop is served by another node just now (it is being handed
   * over, or its old node has died and its lease not yet expired). Retry shortly.
   */
  NOT_OWNER: 'NOT_OWNER',
  /** Unexpected server failure. */
  INTERNAL: 'INTERNAL',
  /** The request target is not a URL, or its path has bad percent-encoding (HTTP 400). */
  INVALID_URL: 'INVALID_URL',
  /** The request is not well-formed HTTP (a garbage request line or header; HTTP 400). */
  BAD_REQUEST: 'BAD_REQUEST',
  /** A request body that is not `application/json` (HTTP 415): no form can post to the API. */
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  /**
   * Without PUBLIC_URL, links are made from the request's host, and this host is not in
   * ALLOWED_HOSTS (HTTP 400): a forged Host header cannot put its name into a link.
   */
  HOST_NOT_ALLOWED: 'HOST_NOT_ALLOWED',
  /** The workshop has as many participants as it takes (`MAX_PARTICIPANTS`); HTTP 409. */
  WORKSHOP_FULL: 'WORKSHOP_FULL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * WebSocket close codes used by the Yjs endpoint. Application codes: 41xx and 45xx are
 * transient (reconnect); 44xx are final, and y-websocket stops reconnecting on them.
 */
export const CloseCode = {
  /** Server is shutting down; reconnect shortly (clients retry). */
  SERVER_SHUTDOWN: 1012,
  /** The person's rights changed (e.g. became an observer); reconnect to get the new ones. */
  RIGHTS_CHANGED: 4100,
  /** Malformed Yjs protocol bytes. */
  PROTOCOL_ERROR: 4400,
  /** Missing or invalid token. */
  UNAUTHORIZED: 4401,
  /** The token has expired (like the unofficial HTTP 419 "authentication timeout"); join again. */
  TOKEN_EXPIRED: 4419,
  /** Token is valid but for another workshop. */
  FORBIDDEN: 4403,
  /** No such workshop. */
  NOT_FOUND: 4404,
  /** A message exceeded YJS_MESSAGE_MAX_BYTES (the standard "message too big"). */
  MESSAGE_TOO_LARGE: 1009,
  /**
   * The connection sent messages or bytes faster than its rate limit (the standard "try
   * again later"): reconnect after a pause; unsent local edits are kept and resent.
   */
  RATE_LIMITED: 1013,
  /**
   * The client did not read what the server sent: more than YJS_SEND_BUFFER_MAX_BYTES
   * waited for it (a stalled or very slow link). Reconnect; local edits are kept and resent.
   */
  SLOW_READER: 4108,
  /** Storage failed; the document could not be loaded or written. */
  STORAGE_FAILED: 4500,
  /**
   * Several nodes: this node does not serve the workshop (now, or any more: it moved to
   * another node). Reconnect; the balancer sends the client to the node that serves it.
   */
  NOT_OWNER: 4503,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Close codes after which a client should stop reconnecting and show a message. */
export const FATAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCode.UNAUTHORIZED,
  CloseCode.TOKEN_EXPIRED,
  CloseCode.FORBIDDEN,
  CloseCode.NOT_FOUND,
]);

/**
 * Why the Yjs endpoint refused (part of) a document update. Sent to the writer in
 * y-protocols' auth message ("permission denied", message type 2), once per reason per
 * update. The refused part is not applied, stored or relayed; the writer's own copy
 * keeps it until the page reloads (see docs/protocol.md).
 */
export const WriteDenied = {
  /** Observers and projector screens read only. */
  READ_ONLY: 'read-only',
  /** The facilitator has locked the board; only facilitators may change the document. */
  BOARD_LOCKED: 'board-locked',
  /** The service path (steps, their order, personas, situation cards) is the facilitator's. */
  PATH_FACILITATORS_ONLY: 'path-facilitators-only',
  /** A note's text, lane, step and deletion belong to its author and the facilitators. */
  NOT_YOUR_NOTE: 'not-your-note',
  /** A new note without a valid lane, step id, author or Y.Text text. */
  INVALID_NOTE: 'invalid-note',
  /** That lane of that step already holds NOTES_PER_LANE_MAX notes. */
  LANE_FULL: 'lane-full',
  /** The document has reached YJS_DOC_MAX_BYTES. */
  BOARD_FULL: 'board-full',
  /** The update builds on changes the server does not have; reload the page. */
  OUT_OF_SYNC: 'out-of-sync',
  /**
   * The update holds new structs under a Yjs client id another participant writes with
   * (ids are claimed by their first writer); the whole update is refused.
   */
  NOT_YOUR_CLIENT: 'not-your-client',
  /**
   * New structs under a Yjs client id the writer has not claimed yet, when the writer has
   * already claimed YJS_CLIENT_IDS_PER_PARTICIPANT_MAX ids in this document.
   */
  TOO_MANY_CLIENTS: 'too-many-clients',
  /** A root type the app does not use (lib/board/board-shape.ts lists the roots). */
  UNKNOWN_ROOT: 'unknown-root',
  /** A field, type or value the app never writes there (e.g. an unknown note field). */
  INVALID_SHAPE: 'invalid-shape',
  /** A text past the limit the UI shows (a note's NOTE_TEXT_MAX_CHARS, a group's title…). */
  TEXT_TOO_LONG: 'text-too-long',
  /** The writer already holds YJS_SHARE_MAX_BYTES of the document; deletions still pass. */
  SHARE_FULL: 'share-full',
} as const;
export type WriteDenied = (typeof WriteDenied)[keyof typeof WriteDenied];

/**
 * Why the Yjs endpoint refused (part of) a presence (awareness) update. Sent like
 * WriteDenied, once per reason per message; the refused entries are not applied or relayed.
 * Our client never causes them: it sends only its own state, with only its step.
 */
export const PresenceDenied = {
  /** A projector screen has no presence. */
  SCREEN: 'presence-screen',
  /** A connection has one presence: the first client id it announced. */
  ONE_PER_CONNECTION: 'presence-one-per-connection',
  /** The state is larger than PRESENCE_STATE_MAX_BYTES. */
  TOO_LARGE: 'presence-too-large',
  /** The state is not JSON of the shape the board uses (`{ presence: { stepId } }`). */
  INVALID: 'presence-invalid',
} as const;
export type PresenceDenied = (typeof PresenceDenied)[keyof typeof PresenceDenied];
