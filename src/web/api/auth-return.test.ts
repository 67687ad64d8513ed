/** After a logout the next user starts at their own start page, not the previous user's last page. */
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { forgetSession, pathAfterLogin } from "./auth.ts";
import { keys } from "./keys.ts";

function clientWith(userId: string) {
  const client = new QueryClient();
  client.setQueryData(keys.me, { user: { id: userId } });
  return client;
}

describe("the page after logging in", () => {
  it("follows a link opened before any session ended in the tab", () => {
    expect(pathAfterLogin("u1", "/patienter/p1")).toBe("/patienter/p1");
    expect(pathAfterLogin("u1", undefined)).toBe("/");
  });

  it("returns to the page only for the user whose session expired", () => {
    forgetSession(clientWith("u1"), "expired");
    expect(pathAfterLogin("u1", "/patienter/p1")).toBe("/patienter/p1");
    expect(pathAfterLogin("u2", "/patienter/p1")).toBe("/");
  });

  it("starts everyone at the start page after a logout", () => {
    forgetSession(clientWith("u1"), "logout");
    expect(pathAfterLogin("u1", "/patienter/p1")).toBe("/");
    expect(pathAfterLogin("u2", "/patienter/p1")).toBe("/");
  });
});
