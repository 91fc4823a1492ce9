/** Server configuration from the environment. Every variable is listed in the README. */
export interface Config {
  port: number;
  host: string | undefined;
  dataDir: string;
  publicUrl: string | undefined;
  /**
   * ALLOWED_HOSTS, comma-separated: the hosts links may be made from without PUBLIC_URL.
   * Default (unset): localhost, 127.0.0.1, [::1], this machine's name and addresses.
   */
  allowedHosts: string[] | undefined;
  databaseUrl: string | undefined;
  /** Redis for workshop leases when several nodes share one Postgres (deploy/README.md). */
  redisUrl: string | undefined;
  /** This node's name among the nodes; default: host name, process id and a random part. */
  nodeId: string | undefined;
  /** Lease time-to-live in milliseconds (default LEASE_TTL_MS). */
  leaseTtlMs: number | undefined;
  /** TRUST_PROXY: read X-Forwarded-For, X-Forwarded-Host and X-Forwarded-Proto. */
  trustProxy: boolean;
  /** Participants (facilitators aside) one workshop takes; default MAX_PARTICIPANTS_DEFAULT (200). */
  maxParticipants: number | undefined;
  dev: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  }
  return {
    port,
    host: env.HOST || undefined,
    dataDir: env.DATA_DIR || './data',
    publicUrl: env.PUBLIC_URL || undefined,
    allowedHosts: env.ALLOWED_HOSTS
      ? env.ALLOWED_HOSTS.split(',')
          .map((h) => h.trim())
          .filter(Boolean)
      : undefined,
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    nodeId: env.NODE_ID || undefined,
    leaseTtlMs: optionalMs(env.LEASE_TTL_MS, 'LEASE_TTL_MS'),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    maxParticipants: optionalCount(env.MAX_PARTICIPANTS, 'MAX_PARTICIPANTS'),
    dev: env.NODE_ENV !== 'production',
  };
}

function optionalMs(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 1000) {
    throw new Error(`${name} must be a whole number of milliseconds, at least 1000; got ${value}`);
  }
  return ms;
}

function optionalCount(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) {
    throw new Error(`${name} must be a whole number, at least 1; got ${value}`);
  }
  return count;
}
