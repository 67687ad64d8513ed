/** Drafts are per user and per form, and go at logout or when someone else logs in. */
import { beforeEach, describe, expect, it } from "vitest";
import { clearAllDrafts, clearDrafts, readDraft, writeDraft } from "./formDrafts.ts";

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe("form drafts", () => {
  beforeEach(() => {
    const store = new MemoryStorage();
    // Object.keys(sessionStorage) lists the items in a browser; the proxy does the same here.
    globalThis.sessionStorage = new Proxy(store, {
      ownKeys: () => Array.from({ length: store.length }, (_, i) => store.key(i)!),
      getOwnPropertyDescriptor: (_, key) =>
        store.getItem(String(key)) === null ? undefined : { enumerable: true, configurable: true },
    });
  });

  it("keeps a value per user and form", () => {
    writeDraft("u1", "insats.p1.note", "Ring arbetsgivaren");
    expect(readDraft("u1", "insats.p1.note")).toBe("Ring arbetsgivaren");
    expect(readDraft("u2", "insats.p1.note")).toBeUndefined();
    expect(readDraft("u1", "insats.p2.note")).toBeUndefined();
  });

  it("clears one form's fields together, and nothing else", () => {
    writeDraft("u1", "insats.p1.note", "a");
    writeDraft("u1", "insats.p1.type", "SAMVERKAN");
    writeDraft("u1", "samtycke.p1.kind", "TEAM");
    clearDrafts("u1", "insats.p1.");
    expect(readDraft("u1", "insats.p1.note")).toBeUndefined();
    expect(readDraft("u1", "insats.p1.type")).toBeUndefined();
    expect(readDraft("u1", "samtycke.p1.kind")).toBe("TEAM");
  });

  it("forgets everyone's drafts at logout and other users' when someone logs in", () => {
    writeDraft("u1", "a", 1);
    writeDraft("u2", "a", 2);
    clearAllDrafts("u2");
    expect(readDraft("u1", "a")).toBeUndefined();
    expect(readDraft("u2", "a")).toBe(2);
    clearAllDrafts();
    expect(readDraft("u2", "a")).toBeUndefined();
  });
});
