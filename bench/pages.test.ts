import { describe, expect, it } from "vitest";
import { scriptUrls } from "./pages";

describe("scriptUrls", () => {
  it("counts the page's own scripts and preloaded chunks once, not nomodule polyfills or other hosts", () => {
    const html = [
      '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a.js"/>',
      '<script src="/_next/static/chunks/a.js" async=""></script>',
      '<script src="/_next/static/chunks/b.js?v=1&amp;x=2" async=""></script>',
      '<script src="/_next/static/chunks/polyfill.js" noModule=""></script>',
      '<script src="https://cdn.example/x.js"></script>',
    ].join("");
    expect(scriptUrls(html)).toEqual(["/_next/static/chunks/a.js", "/_next/static/chunks/b.js?v=1&x=2"]);
  });
});
