/** Size and timing limits shared by server and client. Units are in the names. */

/** Largest Socket.io event payload we accept, measured as JSON. Larger gets PAYLOAD_TOO_LARGE. */
export const EVENT_PAYLOAD_MAX_BYTES = 16 * 1024;
/** Socket.io closes the connection outright above this (transport-level limit). */
export const TRANSPORT_MESSAGE_MAX_BYTES = 256 * 1024;
/** Largest single Yjs websocket message; larger closes with MESSAGE_TOO_LARGE. */
export const YJS_MESSAGE_MAX_BYTES = 512 * 1024;

export const WORKSHOP_TITLE_MAX_CHARS = 120;
export const PARTICIPANT_NAME_MAX_CHARS = 40;

/** Join codes use an alphabet without look-alikes (no 0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

/** A Yjs document with no clients is kept this long before it is unloaded. */
export const YJS_IDLE_UNLOAD_MS = 30_000;
/** The update log is merged into one snapshot after this many updates... */
export const YJS_COMPACT_AFTER_UPDATES = 500;
/** ...or this many bytes, whichever comes first. */
export const YJS_COMPACT_AFTER_BYTES = 1024 * 1024;
/**
 * Largest a workshop's stored document may grow (its update log, as stored). An update
 * that would take it past this is refused with 'board-full'; deletions still go through.
 */
export const YJS_DOC_MAX_BYTES = 8 * 1024 * 1024;

/** A live workshop actor with nobody connected is dropped from memory after this. */
export const ACTOR_IDLE_UNLOAD_MS = 60_000;

/**
 * The Yjs endpoint sends a 3-byte keep-alive this often to a connection that heard
 * nothing else: y-websocket clients drop a socket after 30 s of silence, and we do not
 * echo a client's own presence back to it.
 */
export const YJS_KEEPALIVE_MS = 10_000;

/** Failed join-code lookups or facilitator keys one address may make in a burst... */
export const JOIN_FAILURES_BURST = 10;
/** ...after which it gets one more try every this many milliseconds. */
export const JOIN_FAILURE_REFILL_MS = 6_000;
