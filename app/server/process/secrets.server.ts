// Secrets the app needs to be the same on every instance and across restarts. A value set in the
// environment wins; otherwise one is made with node:crypto the first time it is asked for and kept
// in the app_secret table. Two instances starting at once both try to insert, ON CONFLICT keeps the
// first, and both then read that one.
import { createHash, randomBytes } from "node:crypto";

import { query } from "../db/client.server";
import { getEnv } from "./env.server";

export type SecretName = "cursor";

const SECRET_BYTES = 32;

const kept = new Map<SecretName, Promise<Buffer>>();

function fromEnvironment(name: SecretName): Buffer | null {
  const value = { cursor: getEnv().CURSOR_SECRET }[name];
  // Hashed, so a long passphrase and a hex or base64 key all become 32 bytes.
  return value ? createHash("sha256").update(value, "utf8").digest() : null;
}

async function fromDatabase(name: SecretName): Promise<Buffer> {
  await query(`INSERT INTO app_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
    name,
    randomBytes(SECRET_BYTES),
  ]);
  const [row] = await query<{ value: Buffer }>(`SELECT value FROM app_secret WHERE name = $1`, [name]);
  if (!row || row.value.length < SECRET_BYTES) throw new Error(`app_secret ${name} is missing or too short`);
  return row.value;
}

/** The named secret (32 bytes or more), read once per process. */
export function appSecret(name: SecretName): Promise<Buffer> {
  const env = fromEnvironment(name);
  if (env) return Promise.resolve(env);
  let secret = kept.get(name);
  if (!secret) {
    secret = fromDatabase(name);
    // A failed read (the database was down) is not kept: the next request tries again.
    secret.catch(() => kept.delete(name));
    kept.set(name, secret);
  }
  return secret;
}
