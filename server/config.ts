/** Server configuration from the environment. Every variable is listed in the README. */
export interface Config {
  port: number;
  host: string | undefined;
  dataDir: string;
  publicUrl: string | undefined;
  databaseUrl: string | undefined;
  trustProxy: boolean;
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
    databaseUrl: env.DATABASE_URL || undefined,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    dev: env.NODE_ENV !== 'production',
  };
}
