// A copy of this checkout somewhere else, for tests that run the app as another user or from a
// folder with other permissions: the project's files as git sees them, the built app and the
// generated Prisma client copied, node_modules as hard links (same disk, nothing copied).
import { execFileSync } from "node:child_process";
import { cp, mkdir } from "node:fs/promises";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");

export async function copyCheckout(destination: string): Promise<string> {
  await mkdir(destination, { recursive: true });
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
    encoding: "utf8",
  })
    .split("\0")
    .filter(Boolean);
  for (const file of files)
    await cp(path.join(root, file), path.join(destination, file), { recursive: true }).catch(() => undefined);
  for (const built of ["build", path.join("public", "build"), path.join("app", "server", "db", "generated")]) {
    await cp(path.join(root, built), path.join(destination, built), { recursive: true });
  }
  execFileSync("cp", ["-al", path.join(root, "node_modules"), path.join(destination, "node_modules")]);
  return destination;
}

/** True when every folder above this checkout lets other users in (so "nobody" can read it). */
export function checkoutReachableByOthers(): boolean {
  const mode = (folder: string) =>
    Number.parseInt(execFileSync("stat", ["-c", "%a", folder], { encoding: "utf8" }).trim(), 8);
  for (let folder = root; ; folder = path.dirname(folder)) {
    if ((mode(folder) & 0o001) === 0) return false;
    if (path.dirname(folder) === folder) return true;
  }
}
