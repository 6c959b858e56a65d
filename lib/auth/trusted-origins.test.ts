import { describe, expect, it } from "vitest";
import { trustedOriginsFor } from "./trusted-origins";

describe("trustedOriginsFor", () => {
  it("accepts every loopback spelling of a loopback base URL, on its port only", () => {
    expect(trustedOriginsFor("http://localhost:3999")).toEqual(["http://localhost:3999", "http://127.0.0.1:3999", "http://[::1]:3999"]);
  });

  it("accepts only the configured origin of a real host name", () => {
    expect(trustedOriginsFor("https://vigil.example.com/")).toEqual(["https://vigil.example.com"]);
  });
});
