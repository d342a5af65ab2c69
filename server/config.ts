export interface Config {
  port: number;
  databasePath: string;
  demoData: boolean;
}

/** Reads the configuration from the environment (see README, « Configuration »). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT doit être un numéro de port entre 0 et 65535 (reçu : « ${env.PORT} »).`);
  }
  const demo = (env.DEMO_DATA ?? 'on').trim().toLowerCase();
  if (!['on', 'off', 'true', 'false', '1', '0', 'yes', 'no', ''].includes(demo)) {
    throw new Error(`DEMO_DATA doit valoir « on » ou « off » (reçu : « ${env.DEMO_DATA} »).`);
  }
  return {
    port,
    databasePath: env.DATABASE_PATH || 'data/dashboard.sqlite',
    demoData: !['off', 'false', '0', 'no'].includes(demo),
  };
}
