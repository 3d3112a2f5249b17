// Serve the browser playground (dist/demo, built by `webpack --env demo`) on http://localhost.
// Port: $PORT, else 3000, else 8080, else any free port.
import { createServer } from "node:http";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** A static server for `root`; resolves with the server and its URL once listening. */
export async function serveDemo(root, ports = [0]) {
  const handler = async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
      const file = normalize(join(root, path.endsWith("/") ? path + "index.html" : path));
      if (!file.startsWith(root + sep) && file !== root)
        throw Object.assign(new Error("forbidden"), { status: 403 });
      const body = await readFile(file);
      res.writeHead(200, {
        "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
        "Cache-Control": "no-store",
      });
      res.end(body);
    } catch (e) {
      res.writeHead(e.status ?? 404, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("未找到");
    }
  };
  for (const port of ports) {
    const server = createServer(handler);
    const ok = await new Promise((done) => {
      server.once("error", () => done(false));
      server.listen(port, "localhost", () => done(true));
    });
    if (ok) return { server, url: `http://localhost:${server.address().port}/` };
  }
  throw new Error("没有可用端口");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "dist", "demo");
  if (!existsSync(join(root, "index.html"))) {
    console.error("未找到 dist/demo/index.html，请先运行 npm run demo。");
    process.exit(2);
  }
  const wanted = process.env.PORT ? [Number(process.env.PORT)] : [3000, 8080, 0];
  const { url } = await serveDemo(root, wanted);
  console.log(`浏览器试用已启动：${url}`);
  console.log("按 Ctrl+C 停止。");
}
