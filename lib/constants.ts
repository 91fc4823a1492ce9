/** Size and timing limits shared by server and client. Units are in the names. */

/** Largest Socket.io event payload we accept, measured as JSON. Larger gets PAYLOAD_TOO_LARGE. */
export const EVENT_PAYLOAD_MAX_BYTES = 16 * 1024;
/** Socket.io closes the connection outright above this (transport-level limit). */
export const TRANSPORT_MESSAGE_MAX_BYTES = 256 * 1024;
/**
 * A Socket.io session must join (a valid token in its handshake) within this, or it is
 * closed: a stranger's sessions that never join cost memory until then.
 */
export const SOCKET_JOIN_TIMEOUT_MS = 10_000;
/** Largest single Yjs websocket message; larger closes with MESSAGE_TOO_LARGE. */
export const YJS_MESSAGE_MAX_BYTES = 512 * 1024;

export const WORKSHOP_TITLE_MAX_CHARS = 120;
export const PARTICIPANT_NAME_MAX_CHARS = 40;

/** Join codes use an alphabet without look-alikes (no 0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

/** A room's Yjs document with no clients is kept this long before it is unloaded. */
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
/**
 * Most of a document one participant may hold (what their Yjs client ids wrote, live
 * content plus a tombstone per deletion: server/realtime/yjs-share.ts). Past it their
 * inserts are refused with 'share-full', so 'board-full' is out of one person's reach.
 * A full board of 200 notes of 500 characters is ~150 KiB.
 */
export const YJS_SHARE_MAX_BYTES = 512 * 1024;
/**
 * What all the participants connecting from one address may hold of a board together
 * (an IPv6 address counts as its /64): one person with many joins is still one address.
 * A room of 40 behind one NAT writing full-length notes fills a tenth of it.
 */
export const YJS_ADDRESS_SHARE_MAX_BYTES = 2 * 1024 * 1024;

/** A live workshop's room (actor and document) with nobody connected is dropped after this. */
export const ACTOR_IDLE_UNLOAD_MS = 60_000;

/**
 * The Yjs endpoint sends a 3-byte keep-alive this often to a connection that heard
 * nothing else: y-websocket clients drop a socket after 30 s of silence, and we do not
 * echo a client's own presence back to it.
 */
export const YJS_KEEPALIVE_MS = 10_000;

/**
 * Presence renewals (a client re-sends its unchanged presence every 15 s; the others
 * drop a state not renewed for 30 s) are relayed in one message per connection this
 * often, not one message per renewal to everyone. Renewal at 15–18 s plus this stays
 * well inside the 30 s.
 */
export const YJS_RENEWAL_RELAY_MS = 5_000;

/**
 * Guessing (docs/security.md, "Rate limits"; `server/limits/`). Wrong join codes one
 * address may look up per window: a venue behind one NAT mistypes a few, and even past
 * this every code the address found before keeps working.
 */
export const CODE_FAILURES_PER_ADDRESS = 10;
/** A window long enough that a guesser who stays under the limit still gets ~1,000 a day. */
export const CODE_FAILURE_WINDOW_MS = 15 * 60_000;
/** An address over its limit looks up no code it has not found before, for this long. */
export const CODE_FAILURE_BLOCK_MS = 15 * 60_000;
/** Wrong join codes all addresses together may look up per minute, on all nodes together. */
export const CODE_FAILURES_PER_CLUSTER = 120;
export const CODE_FAILURE_CLUSTER_WINDOW_MS = 60_000;
/** How long an address is remembered to have found a code (a workshop day). */
export const KNOWN_CODE_TTL_MS = 12 * 60 * 60_000;
/**
 * Wrong facilitator keys per window, per address and per workshop. A right key is always
 * taken (192 random bits cannot be guessed); past these, wrong ones get 429, not 401.
 */
export const KEY_FAILURES_PER_ADDRESS = 10;
export const KEY_FAILURES_PER_WORKSHOP = 100;
export const KEY_FAILURE_WINDOW_MS = 10 * 60_000;
/** Workshops (created, imported or re-run) one address may make per window. */
export const WORKSHOP_CREATES_PER_ADDRESS = 20;
export const WORKSHOP_CREATE_WINDOW_MS = 10 * 60_000;
/** Imports one address may send per window (each up to IMPORT_BODY_MAX_BYTES). */
export const IMPORTS_PER_ADDRESS = 10;
export const IMPORT_WINDOW_MS = 10 * 60_000;
/** Joins without the key one address may make per window: a venue of 40 behind one NAT, 2.5 times. */
export const JOINS_PER_ADDRESS = 100;
export const JOIN_WINDOW_MS = 60_000;
/** Participants (facilitators aside, removed ones aside) a workshop takes by default (`MAX_PARTICIPANTS`). */
export const MAX_PARTICIPANTS_DEFAULT = 200;
/**
 * Participant rows a workshop may store, removed ones included, per seat of its cap:
 * the storage bound that removing and joining again cannot pass.
 */
export const PARTICIPANT_ROWS_PER_SEAT = 2;

/**
 * Per-connection event rates (token buckets, `lib/domain/rate-bucket.ts`). Socket.io: one
 * connection may send a burst of this many events... A facilitator clicking as fast as
 * they can sends under 10 a second; a page (re)connecting sends 5 time:sync at once.
 */
export const SOCKET_EVENTS_BURST = 60;
/** ...and this many per second after it. Others get RATE_LIMITED and are not run. */
export const SOCKET_EVENTS_PER_SECOND = 30;
/**
 * A connection may be refused this many events in a burst, and this many more per
 * second after it; past that it is flooding regardless of the answers, and its transport
 * is closed (the client sees "transport close" and reconnects after Socket.io's delay).
 */
export const SOCKET_REFUSALS_BURST = 120;
export const SOCKET_REFUSALS_PER_SECOND = 10;
/**
 * Yjs: messages one connection may send in a burst... Measured with y-websocket: one
 * message (~22 bytes) per keystroke in a note, 3 on connect, one per presence change; a
 * fast typist makes 10–15 a second, a held-down key about 30.
 */
export const YJS_MESSAGES_BURST = 200;
/** ...and per second after it. More closes the connection with RATE_LIMITED (1013). */
export const YJS_MESSAGES_PER_SECOND = 60;
/** Yjs bytes one connection may send in a burst (two messages of YJS_MESSAGE_MAX_BYTES)... */
export const YJS_BYTES_BURST = 2 * YJS_MESSAGE_MAX_BYTES;
/** ...and per second after it (typing makes under 1 KiB a second). */
export const YJS_BYTES_PER_SECOND = 256 * 1024;
/** After a RATE_LIMITED close, our client waits this long before reconnecting. */
export const YJS_RATE_LIMITED_RETRY_MS = 2_000;

/**
 * How long a participant token (also a facilitator's) is valid after it was issued by a
 * join. Long enough to come back to the summary in the weeks after the workshop; a
 * facilitator signs in again with the key, a participant joins again with the code.
 */
export const PARTICIPANT_TOKEN_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/** A projector screen's token: one workshop day. The screen page fetches a new one with the key. */
export const SCREEN_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** Simulated participants a practice workshop may have (the cast has this many). */
export const SIMULATED_MAX = 7;
/** How many a facilitator gets when they do not say. */
export const SIMULATED_DEFAULT = 6;

/**
 * Several nodes (issue 11): a workshop's lease in Redis lives this long unless renewed
 * (every third of it). A node that dies is replaced within about this time.
 */
export const LEASE_TTL_MS = 10_000;
/** A lease held this briefly is not handed to another node on request: no ping-pong. */
export const HANDOFF_MIN_HOLD_MS = 5_000;

/**
 * Bytes a Yjs socket may have waiting to be written (`ws.bufferedAmount`) before the
 * server gives up on it and closes it with SLOW_READER (4108). Twice the largest full sync
 * (a full board, YJS_DOC_MAX_BYTES), so an honest phone on a slow link can take the whole
 * board and the edits made while it downloads; a client that stops reading costs at most this.
 */
export const YJS_SEND_BUFFER_MAX_BYTES = 2 * YJS_DOC_MAX_BYTES;
/** Socket.io's counterpart (its patches are small; a full state is tens of KiB). */
export const SOCKET_SEND_BUFFER_MAX_BYTES = 4 * 1024 * 1024;
/**
 * After a SLOW_READER close, the socket is cut (its buffers freed) if the close handshake
 * has not finished within this: a client that does not read never reads the close frame.
 */
export const SLOW_READER_CLOSE_GRACE_MS = 5_000;

/**
 * Rate limits follow the person, not the socket (issue 21, item 10): a participant's (or a
 * screen's) connections share their buckets, kept after the last one closes until they
 * have filled up again. One participant may open this many connections of each channel
 * in a burst... (a page opens one of each; a reload, a lost network or a server restart
 * one more; several tabs one each)
 */
export const CONNECTS_BURST = 20;
/** ...and one more every second after it. More: Yjs close 1013, Socket.io `RATE_LIMITED`. */
export const CONNECTS_PER_SECOND = 1;
/**
 * New TCP connections one address may open in a burst... A room of 40 behind one NAT that
 * loads the page at once opens about 8 each (the browser's 6 for the page and its files,
 * Socket.io, Yjs). Past it the address's connections are dropped as they are accepted
 * (server/limits/accept-limit.ts); off behind a trusted proxy, which limits there.
 */
export const ACCEPTS_BURST = 400;
/** ...and this many more per second after it. */
export const ACCEPTS_PER_SECOND = 40;
/**
 * Connections one person may hold open at once on each channel (Yjs, Socket.io): a few
 * tabs, each reload briefly beside its old one. Each may queue up to its send bound for a
 * client that stops reading, so the count bounds what one person can make the server hold.
 * More: Yjs close 1013, Socket.io `RATE_LIMITED`.
 */
export const CONNECTIONS_PER_PERSON_MAX = 8;
/** People whose buckets are kept at most (each a few hundred bytes); idle ones go first. */
export const RATE_BOOK_MAX_ENTRIES = 50_000;
/** Idle entries whose buckets are full again are swept out at most this often. */
export const RATE_BOOK_PRUNE_MS = 60_000;

/**
 * Largest presence (awareness) state a client may set, as JSON: our client sends only the
 * step it looks at (under 100 bytes). Larger is refused (`presence-too-large`), not relayed.
 */
export const PRESENCE_STATE_MAX_BYTES = 1024;

/**
 * Yjs client ids one participant may claim in one workshop's document (each page load,
 * and each recovery from `not-your-client`, makes a new one). Claims are stored, so this
 * bounds the table: past it, updates under a new id are refused 'too-many-clients'.
 */
export const YJS_CLIENT_IDS_PER_PARTICIPANT_MAX = 200;

/**
 * Fewest warm-up answers a role's figures are shown for (lib/analytics/warmup.ts): with
 * fewer, the room could tell one person's answer. Who answered, and their role, is no secret.
 */
export const WARMUP_ROLE_MIN_ANSWERS = 3;
