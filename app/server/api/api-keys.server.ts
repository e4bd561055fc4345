// Every query about researchers' API keys. The database holds SHA-256 of each key, never the key:
// a copy of the table cannot be used to call the API as anyone.
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";

import { type Actor } from "~/domain/accounts/permissions";
import { apiKeyPrefix, MAX_ACTIVE_API_KEYS, newApiKey } from "~/domain/api/api-keys";
import { Refusal } from "~/domain/forms";

import { prisma } from "../db/client.server";

// Keys carry 160 random bits, so a fast hash is enough (as for recovery codes and sessions).
function hashApiKey(key: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(key)));
}

/** 409: revoke one first. */
export class TooManyApiKeys extends Refusal {
  constructor() {
    super(`You already have ${MAX_ACTIVE_API_KEYS} keys. Revoke one you no longer use before you create another`, 409);
  }
}

/** Makes a key and returns it: the only time anyone sees it. */
export async function createApiKey(userId: number, label: string): Promise<{ key: string; prefix: string }> {
  const key = newApiKey();
  const prefix = apiKeyPrefix(key);
  await prisma().$transaction(async (tx) => {
    // Locking the member's row makes two forms sent at once count each other's keys.
    await tx.$queryRaw`SELECT id FROM "user" WHERE id = ${userId} FOR UPDATE`;
    const active = await tx.apiKey.count({ where: { userId, revokedAt: null } });
    if (active >= MAX_ACTIVE_API_KEYS) throw new TooManyApiKeys();
    await tx.apiKey.create({ data: { userId, label: label.trim(), prefix, secretHash: hashApiKey(key) } });
  });
  return { key, prefix };
}

/** A member's keys that still work, newest first. */
export async function listActiveApiKeys(userId: number) {
  return prisma().apiKey.findMany({
    where: { userId, revokedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, label: true, prefix: true, createdAt: true, lastUsedOn: true },
  });
}

/** Revokes one of the member's own keys; null when they have no such active key. */
export async function revokeApiKey(userId: number, keyId: number): Promise<{ label: string; prefix: string } | null> {
  const [revoked] = await prisma().apiKey.updateManyAndReturn({
    where: { id: keyId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
    select: { label: true, prefix: true },
  });
  return revoked ?? null;
}

/**
 * Who an active key belongs to (for the permission check), or null for an unknown or revoked key.
 * Notes the day of use, at most one write per key per day.
 */
export async function findApiKeyHolder(key: string): Promise<(Actor & { keyId: number }) | null> {
  const row = await prisma().apiKey.findUnique({
    where: { secretHash: hashApiKey(key) },
    select: {
      id: true,
      revokedAt: true,
      lastUsedOn: true,
      user: { select: { id: true, role: true, silencedUntil: true } },
    },
  });
  if (!row || row.revokedAt) return null;
  const today = new Date().toISOString().slice(0, 10);
  if (row.lastUsedOn?.toISOString().slice(0, 10) !== today) {
    await prisma().apiKey.update({ where: { id: row.id }, data: { lastUsedOn: new Date(`${today}T00:00:00Z`) } });
  }
  return { ...row.user, keyId: row.id };
}
