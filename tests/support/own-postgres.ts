// A PostgreSQL server of a test's own, in a fresh folder under the system temp directory, on a free
// port: for the run's shared server and for test files whose subject is the whole server.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { type EmbeddedDatabase, startEmbeddedPostgres } from "../../app/server/db/embedded-postgres.server";
import freePort from "./free-port";

export interface OwnPostgres extends EmbeddedDatabase {
  /** Stops the server and deletes its folder. */
  remove(): Promise<void>;
}

/** `name` marks the folder (fifth-option-<name>-…); `databaseName` is the database made in it. */
export async function startOwnPostgres(name: string, databaseName: string): Promise<OwnPostgres> {
  const folder = await mkdtemp(path.join(os.tmpdir(), `fifth-option-${name}-`));
  // mkdtemp makes the folder private; as root, PostgreSQL runs as "postgres" and must reach it.
  await chmod(folder, 0o755);
  const database = await startEmbeddedPostgres({
    dataDir: path.join(folder, "postgres"),
    port: await freePort(),
    databaseName,
  });
  return {
    ...database,
    remove: async () => {
      await database.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
