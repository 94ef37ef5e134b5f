/**
 * Who may see what: every files route against the ACL (owner, admin, grants, purchases, public,
 * anonymous), through the real handlers, the database and a real s3rver.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { S3Emulator } from "@/emulators/s3";
import { getDb, schema } from "@/lib/db";
import { grantFileAccess, revokeFileAccess } from "@/lib/files/grant-file-access";
import { PDF, PNG, readyFile, startTestStorage } from "@/lib/files/testing/harness";
import { makeUser, type TestUser } from "@/lib/testing/fixtures";
import { call } from "@/lib/testing/http";
import { POST as complete } from "../uploads/[fileId]/complete/route";
import { GET as download } from "./[id]/download/route";
import { DELETE as unshare } from "./[id]/grants/[userId]/route";
import { GET as listGrants, POST as share } from "./[id]/grants/route";
import { DELETE as remove, GET as getOne, PATCH as patch } from "./[id]/route";
import { GET as list } from "./route";

let emulator: S3Emulator;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
let admin: TestUser;

beforeAll(async () => {
  emulator = await startTestStorage();
  [alice, bob, carol, admin] = await Promise.all([
    makeUser({ name: "Alice Owner" }),
    makeUser({ name: "Bob Friend" }),
    makeUser({ name: "Carol Stranger" }),
    makeUser({ role: "admin" }),
  ]);
});

afterAll(async () => {
  await emulator?.close();
});

const privatePdf = (token = alice.token) =>
  readyFile({ token, bytes: PDF, contentType: "application/pdf", filename: "Guia de manobras — básico.pdf" });

/** Every route that takes a file id, called as `token` (undefined: anonymous). */
function everyRoute(id: string, token: string | undefined, otherUserId: string) {
  return {
    get: () => call(getOne, { token, params: { id } }),
    download: () => call(download, { token, params: { id } }),
    patch: () => call(patch, { token, method: "PATCH", params: { id }, body: { visibility: "public" } }),
    delete: () => call(remove, { token, method: "DELETE", params: { id } }),
    listGrants: () => call(listGrants, { token, params: { id } }),
    share: () => call(share, { token, params: { id }, body: { email: carol.user.email } }),
    unshare: () => call(unshare, { token, method: "DELETE", params: { id, userId: otherUserId } }),
    complete: () => call(complete, { token, method: "POST", params: { fileId: id } }),
  };
}

describe("another customer's private file", () => {
  it("is a 404 on every route, exactly like a missing id, and stays intact", async () => {
    const { id } = await privatePdf();
    expect((await call(share, { token: alice.token, params: { id }, body: { email: bob.user.email } })).status).toBe(201);

    const missing = everyRoute(randomUUID(), carol.token, bob.user.id);
    const others = everyRoute(id, carol.token, bob.user.id);
    for (const [name, attempt] of Object.entries(others)) {
      const res = await attempt();
      const ref = await missing[name as keyof typeof missing]();
      expect({ name, status: res.status }).toEqual({ name, status: 404 });
      expect(res.json.error.code).toBe(ref.json.error.code);
      expect(res.json.error.message).toBe(ref.json.error.message);
    }
    // Not listed anywhere for Carol, whatever the scope.
    for (const scope of ["owned", "shared"]) {
      const res = await call(list, { token: carol.token, path: `/api/files?scope=${scope}` });
      expect(res.json.data.map((f: { id: string }) => f.id)).not.toContain(id);
    }
    // Nothing changed: still private, still shared with Bob, still there.
    const mine = await call(getOne, { token: alice.token, params: { id } });
    expect(mine.json).toMatchObject({ status: "ready", visibility: "private" });
    const grants = await call(listGrants, { token: alice.token, params: { id } });
    expect(grants.json.data.map((g: { userId: string }) => g.userId)).toEqual([bob.user.id]);
  });

  it("even a grantee cannot manage it: re-share, unshare, change or delete", async () => {
    const { id } = await privatePdf();
    await call(share, { token: alice.token, params: { id }, body: { email: bob.user.email } });
    const asBob = everyRoute(id, bob.token, bob.user.id);
    expect((await asBob.get()).status).toBe(200);
    expect((await asBob.download()).status).toBe(302);
    for (const name of ["patch", "delete", "listGrants", "share", "unshare", "complete"] as const) {
      expect({ name, status: (await asBob[name]()).status }).toEqual({ name, status: 404 });
    }
  });

  it("answers anonymous callers 401 on signed-in routes and 404 on readable ones", async () => {
    const { id } = await privatePdf();
    const anon = everyRoute(id, undefined, bob.user.id);
    expect((await anon.get()).status).toBe(404);
    expect((await anon.download()).status).toBe(404);
    for (const name of ["patch", "delete", "listGrants", "share", "unshare", "complete"] as const) {
      expect({ name, status: (await anon[name]()).status }).toEqual({ name, status: 401 });
    }
    expect((await call(list, {})).status).toBe(401);
  });
});

describe("public files", () => {
  it("are readable and downloadable by anyone, anonymous included, but managed only by the owner", async () => {
    const { id } = await readyFile({ token: alice.token, bytes: PNG, contentType: "image/png", visibility: "public", filename: "quilha.png" });
    const anon = await call(getOne, { params: { id } });
    expect(anon.status).toBe(200);
    expect(anon.json).toMatchObject({ id, visibility: "public", canManage: false, urlExpiresAt: null });
    expect((await call(download, { params: { id } })).status).toBe(302);
    const asCarol = everyRoute(id, carol.token, bob.user.id);
    expect((await asCarol.get()).status).toBe(200);
    for (const name of ["patch", "delete", "share", "listGrants"] as const) {
      expect({ name, status: (await asCarol[name]()).status }).toEqual({ name, status: 404 });
    }
  });

  it("while pending, are visible to nobody but the owner", async () => {
    const { POST: create } = await import("../uploads/route");
    const res = await call(create, {
      token: alice.token,
      body: { filename: "a.png", contentType: "image/png", size: PNG.length, visibility: "public" },
    });
    const id = res.json.file.id;
    expect((await call(getOne, { params: { id } })).status).toBe(404);
    expect((await call(getOne, { token: carol.token, params: { id } })).status).toBe(404);
    const own = await call(getOne, { token: alice.token, params: { id } });
    expect(own.json).toMatchObject({ status: "pending", url: null });
    expect((await call(download, { token: alice.token, params: { id } })).status).toBe(409);
  });
});

describe("admins", () => {
  it("see, list, change, share and delete anyone's files", async () => {
    const { id } = await privatePdf(bob.token);
    const asAdmin = everyRoute(id, admin.token, carol.user.id);
    const got = await asAdmin.get();
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({ ownerId: bob.user.id, canManage: true });
    expect((await asAdmin.download()).status).toBe(302);
    const all = await call(list, { token: admin.token, path: "/api/files?limit=100" });
    expect(all.json.data.map((f: { id: string }) => f.id)).toContain(id);
    expect((await asAdmin.share()).status).toBe(201);
    expect((await asAdmin.listGrants()).json.data[0]).toMatchObject({ userId: carol.user.id, email: carol.user.email, reason: "share" });
    expect((await asAdmin.unshare()).status).toBe(204);
    expect((await asAdmin.patch()).json).toMatchObject({ visibility: "public" });
    expect((await asAdmin.delete()).status).toBe(204);
    expect((await call(getOne, { token: bob.token, params: { id } })).status).toBe(404);
  });
});

describe("GET /api/files", () => {
  it("lists the caller's own files newest first with a cursor that visits each once", async () => {
    const dave = await makeUser({ name: "Dave" });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await readyFile({ token: dave.token, bytes: PNG, contentType: "image/png", filename: `f${i}.png` })).id);
    }
    await privatePdf(); // Alice's: never in Dave's list
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; json: { data: { id: string; ownerId: string }[]; nextCursor: string | null } } = await call(list, {
        token: dave.token,
        path: `/api/files?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      });
      expect(res.status).toBe(200);
      expect(res.json.data.every((f) => f.ownerId === dave.user.id)).toBe(true);
      seen.push(...res.json.data.map((f) => f.id));
      cursor = res.json.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual([...ids].reverse());
    expect(pages).toBe(3);
  });

  it("keeps `all` for admins and validates the cursor", async () => {
    expect((await call(list, { token: alice.token, path: "/api/files?scope=all" })).status).toBe(403);
    expect((await call(list, { token: alice.token, path: "/api/files?cursor=zzz" })).status).toBe(422);
  });
});

describe("sharing (POST/DELETE /api/files/{id}/grants)", () => {
  it("grants read access by email, lists it, and revokes it", async () => {
    const { id } = await privatePdf();
    const typed = ` ${bob.user.email.toUpperCase()} `;
    const first = await call(share, { token: alice.token, params: { id }, body: { email: typed } });
    expect(first.status).toBe(201);
    // Only what the owner typed and the grant itself: nothing about the account behind the email.
    expect(first.json).toEqual({ grant: { id: expect.any(String), email: typed.trim(), createdAt: expect.any(String) } });
    expect(first.text).not.toContain("Bob Friend");
    expect(first.text).not.toContain(bob.user.id);
    const again = await call(share, { token: alice.token, params: { id }, body: { email: bob.user.email } });
    expect(again.status).toBe(200);
    expect(again.json.grant).toEqual({ id: first.json.grant.id, email: bob.user.email, createdAt: first.json.grant.createdAt });

    const bobView = await call(getOne, { token: bob.token, params: { id } });
    expect(bobView.status).toBe(200);
    expect(bobView.json).toMatchObject({ canManage: false, filename: "Guia de manobras — básico.pdf" });
    const shared = await call(list, { token: bob.token, path: "/api/files?scope=shared" });
    expect(shared.json.data.map((f: { id: string }) => f.id)).toContain(id);
    expect((await call(list, { token: bob.token })).json.data.map((f: { id: string }) => f.id)).not.toContain(id);

    const listed = await call(listGrants, { token: alice.token, params: { id } });
    expect(listed.json).toEqual({
      data: [{ userId: bob.user.id, email: bob.user.email, reason: "share", createdAt: first.json.grant.createdAt }],
      nextCursor: null,
    });
    expect(listed.text).not.toContain("Bob Friend");

    expect((await call(unshare, { token: alice.token, method: "DELETE", params: { id, userId: bob.user.id } })).status).toBe(204);
    expect((await call(getOne, { token: bob.token, params: { id } })).status).toBe(404);
    expect((await call(download, { token: bob.token, params: { id } })).status).toBe(404);
    expect((await call(unshare, { token: alice.token, method: "DELETE", params: { id, userId: bob.user.id } })).status).toBe(404);
    expect((await call(listGrants, { token: alice.token, params: { id } })).json.data).toEqual([]);
    // Shared again after a revocation: works.
    expect((await call(share, { token: alice.token, params: { id }, body: { email: bob.user.email } })).status).toBe(201);
    expect((await call(getOne, { token: bob.token, params: { id } })).status).toBe(200);
  });

  it("refuses unknown emails, the owner's own email and unfinished uploads", async () => {
    const { id } = await privatePdf();
    const unknown = await call(share, { token: alice.token, params: { id }, body: { email: "ninguem@example.com" } });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.code).toBe("user_not_found");
    const self = await call(share, { token: alice.token, params: { id }, body: { email: alice.user.email } });
    expect(self.json.error.code).toBe("grant_to_owner");
    const { POST: create } = await import("../uploads/route");
    const pending = await call(create, { token: alice.token, body: { filename: "a.png", contentType: "image/png", size: 10, visibility: "private" } });
    const r = await call(share, { token: alice.token, params: { id: pending.json.file.id }, body: { email: bob.user.email } });
    expect(r.status).toBe(409);
  });
});

describe("purchase grants (called by the payments code)", () => {
  it("grant inside a transaction gives access; a full refund's revoke takes exactly that grant back", async () => {
    const { id } = await readyFile({ token: admin.token, bytes: PDF, contentType: "application/pdf", purpose: "digital-good", filename: "aula.pdf" });
    const [order1, order2] = [randomUUID(), randomUUID()];
    const db = await getDb();

    // A rolled-back payment transaction grants nothing.
    await expect(
      db.transaction(async (tx) => {
        await grantFileAccess({ fileId: id, userId: carol.user.id, reason: "purchase", source: order1 }, tx);
        throw new Error("payment failed after the grant");
      }),
    ).rejects.toThrow("payment failed");
    expect((await call(getOne, { token: carol.token, params: { id } })).status).toBe(404);

    const grant = await db.transaction((tx) => grantFileAccess({ fileId: id, userId: carol.user.id, reason: "purchase", source: order1 }, tx));
    expect(grant).toMatchObject({ fileId: id, userId: carol.user.id, reason: "purchase", source: order1, revokedAt: null, grantedBy: null });
    const again = await grantFileAccess({ fileId: id, userId: carol.user.id, reason: "purchase", source: order1 });
    expect(again.id).toBe(grant.id); // idempotent (a repeated payment notification)
    await grantFileAccess({ fileId: id, userId: carol.user.id, reason: "purchase", source: order2 });
    expect((await call(download, { token: carol.token, params: { id } })).status).toBe(302);
    const shared = await call(list, { token: carol.token, path: "/api/files?scope=shared" });
    expect(shared.json.data.filter((f: { id: string }) => f.id === id)).toHaveLength(1);

    // Refund of order 1: order 2 still grants access.
    expect(await db.transaction((tx) => revokeFileAccess({ fileId: id, userId: carol.user.id, reason: "purchase", source: order1 }, tx))).toBe(true);
    expect(await revokeFileAccess({ fileId: id, userId: carol.user.id, reason: "purchase", source: order1 })).toBe(false);
    expect((await call(getOne, { token: carol.token, params: { id } })).status).toBe(200);
    // A share removal does not touch purchases.
    expect((await call(unshare, { token: admin.token, method: "DELETE", params: { id, userId: carol.user.id } })).status).toBe(404);
    expect(await revokeFileAccess({ fileId: id, userId: carol.user.id, reason: "purchase", source: order2 })).toBe(true);
    expect((await call(getOne, { token: carol.token, params: { id } })).status).toBe(404);

    const rows = await db.select().from(schema.fileGrants);
    expect(rows.filter((r) => r.fileId === id && r.userId === carol.user.id && r.revokedAt !== null)).toHaveLength(2);
  });
});
