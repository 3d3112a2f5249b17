// The task pane's Content-Security-Policy: the page declares one in a <meta> tag (filled in by
// webpack from one function), and the policy allows only what the pane needs — our own bundle,
// office.js from Microsoft's CDN, inline styles for Fluent UI — and never eval or inline script.
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const OFFICE_CDN = "https://appsforoffice.microsoft.com";

type Policy = Record<string, string[]>;

export function parsePolicy(text: string): Policy {
  const out: Policy = {};
  for (const part of text.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out[name.toLowerCase()] = sources;
  }
  return out;
}

interface Page {
  filename: string;
  template: string;
  csp: string;
}

async function pages(mode: string, env: Record<string, unknown> = {}): Promise<Page[]> {
  const config = await require(path.join(ROOT, "webpack.config.js"))(env, { mode });
  const out: Page[] = [];
  for (const c of Array.isArray(config) ? config : [config]) {
    for (const p of c.plugins ?? []) {
      if (p.constructor?.name === "HtmlWebpackPlugin")
        out.push({
          filename: p.userOptions.filename,
          template: p.userOptions.template,
          csp: p.userOptions.csp,
        });
    }
  }
  return out;
}

const html = fs.readFileSync(path.join(ROOT, "src/taskpane/taskpane.html"), "utf8");

describe("taskpane.html's Content-Security-Policy", () => {
  it("the page has a CSP meta tag, before any script", () => {
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i.exec(
      html
    );
    expect(meta).not.toBeNull();
    expect(meta!.index).toBeLessThan(html.search(/<script/i));
    // Its content comes from webpack (one policy function for every page).
    expect(meta![1]).toBe("<%= htmlWebpackPlugin.options.csp %>");
  });

  it("the page has no inline script (the policy allows none)", () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc=/);
      expect(body.trim()).toBe("");
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i); // no onclick= and the like
  });

  describe.each([
    ["production build", "production", {}],
    // (Not the dev-server config: building it installs HTTPS certificates, a side effect.)
    ["development build", "development", {}],
  ])("%s", (_label, mode, env) => {
    let policy: Policy;
    beforeAll(async () => {
      const page = (await pages(mode, env)).find((p) => p.filename === "taskpane.html");
      expect(page).toBeDefined();
      expect(path.resolve(ROOT, page!.template)).toBe(
        path.join(ROOT, "src/taskpane/taskpane.html")
      );
      policy = parsePolicy(page!.csp);
    });

    it("defaults to our own origin and forbids plugins and base rewriting", () => {
      expect(policy["default-src"]).toEqual(["'self'"]);
      expect(policy["object-src"]).toEqual(["'none'"]);
      expect(policy["base-uri"]).toEqual(["'self'"]);
    });

    it("scripts: our bundle and office.js only — no eval, no inline script", () => {
      expect([...policy["script-src"]].sort()).toEqual(["'self'", OFFICE_CDN].sort());
      // Every external script the page loads is allowed by it.
      for (const [, src] of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/gi))
        expect(
          policy["script-src"].some((s) =>
            s === "'self'" ? !/^https?:/.test(src) : src.startsWith(s + "/")
          )
        ).toBe(true);
    });

    it("no directive allows eval, wildcards, whole schemes or plain http", () => {
      for (const [name, sources] of Object.entries(policy)) {
        for (const s of sources) {
          expect([name, s]).not.toEqual([name, "'unsafe-eval'"]);
          expect([name, s]).not.toEqual([name, "*"]);
          expect([name, /^(https?|wss?):?$/.test(s)]).toEqual([name, false]);
          expect([name, s.startsWith("http:")]).toEqual([name, false]);
        }
      }
      expect(policy["script-src"]).not.toContain("'unsafe-inline'");
    });

    it("connections: our origin and the Office CDN only", () => {
      const allowed = ["'self'", OFFICE_CDN];
      for (const s of policy["connect-src"]) expect(allowed).toContain(s);
    });

    it("images and fonts only from us or inline data (icons)", () => {
      for (const d of ["img-src", "font-src"])
        for (const s of policy[d] ?? []) expect(["'self'", "data:"]).toContain(s);
    });
  });
});
