// Drives Prisma's schema engine (the WebAssembly build the prisma CLI itself ships) without the
// native binary, which this project cannot download. Used to write the next migration's SQL
// offline and by the drift test; applying migrations is done by app/server/db/migrations.server.ts.
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);

type DiffTarget = { tag: "empty" } | { tag: "schemaDatamodel"; files: { path: string; content: string }[] };

interface SchemaEngine {
  diff(params: {
    from: DiffTarget;
    to: DiffTarget;
    script: boolean;
    exitCode: boolean | null;
    filters: { externalTables: string[]; externalEnums: string[] };
  }): Promise<{ exitCode: number; stdout: string | null }>;
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  free(): void;
}

type Bindings = {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: { new: (options: unknown, log: (line: string) => void, adapter: object) => Promise<SchemaEngine> };
};

// The bindings module is a singleton: instantiate the WebAssembly once per process.
let bindingsPromise: Promise<Bindings> | undefined;

function loadBindings(): Promise<Bindings> {
  bindingsPromise ??= (async () => {
    const packageDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    const bindings = (await import(pathToFileURL(path.join(packageDir, "schema_engine_bg.js")).href)) as Bindings;
    const wasmBytes = await readFile(path.join(packageDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(wasmBytes, {
      "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return bindingsPromise;
}

async function loadSchemaEngine(connectionString: string): Promise<SchemaEngine> {
  const bindings = await loadBindings();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }));
  return bindings.SchemaEngine.new({ datamodels: undefined }, () => {}, adapter);
}

/**
 * The SQL that takes a database from `fromSchema` (null: an empty database) to `toSchema`.
 * The engine connects to the server to learn its version but changes nothing there.
 */
export async function diffSchemas(
  fromSchema: string | null,
  toSchema: string,
  connectionString: string,
): Promise<string> {
  const engine = await loadSchemaEngine(connectionString);
  try {
    const result = await engine.diff({
      from:
        fromSchema === null
          ? { tag: "empty" }
          : { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: fromSchema }] },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: toSchema }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? "";
  } finally {
    engine.free();
  }
}

/**
 * Prisma's own `migrate deploy` logic, run by the engine against a real database. The tests use
 * it to prove that our migrator leaves the database exactly as Prisma expects.
 */
export async function applyMigrationsWithPrismaEngine(
  migrationsDir: string,
  connectionString: string,
): Promise<string[]> {
  const engine = await loadSchemaEngine(connectionString);
  try {
    const entries = (await readdir(migrationsDir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    const migrationDirectories = await Promise.all(
      entries.map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: { tag: "ok", value: await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8") },
        },
      })),
    );
    const lockfile = await readFile(path.join(migrationsDir, "migration_lock.toml"), "utf8");
    const result = await engine.applyMigrations({
      migrationsList: {
        baseDir: migrationsDir,
        lockfile: { path: "migration_lock.toml", content: lockfile },
        shadowDbInitScript: "",
        migrationDirectories,
      },
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
  }
}
