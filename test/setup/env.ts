/**
 * Runs before each test file (jest `setupFiles`). Accounts created by the tests hash their password
 * with a cheap argon2 cost: the library's default (64 MiB, 3 passes) takes about a second on a busy
 * 2-core machine, for no check that a cheap hash does not make as well. Set the variables yourself
 * to test with another cost (server/auth/argon2-cost.ts refuses them outside NODE_ENV=test).
 */
process.env.ARGON2_MEMORY_KIB ||= '1024';
process.env.ARGON2_TIME_COST ||= '1';
