/* eslint-disable no-undef */
// The Office add-in template's webpack shape: one entry and one HTML page per surface
// (task pane, ribbon function file, its notice dialog), assets and manifest copied, the
// dev-server on https://localhost:3000 with office-addin-dev-certs.
// `--env demo` builds the browser playground instead (dist/demo): the real pane beside an
// in-browser workbook on the strict Excel double; office.js is never loaded there.
// `--env web` builds the offline web page (dist/web): the pane beside a preview of the user's
// own .xlsx, its work in a Web Worker; scripts/inline-web.mjs then makes dist/web/offline.html.

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
const urlProd = "https://www.contoso.com/"; // CHANGE THIS TO YOUR PRODUCTION DEPLOYMENT LOCATION (see README)

/** Only what the pages need: our own scripts, office.js from Microsoft's CDN, Fluent's runtime
 *  styles (Griffel inserts <style> tags), images from our origin. No eval anywhere. */
function contentSecurityPolicy({ dev, office }) {
  const scripts = ["'self'", office ? "https://appsforoffice.microsoft.com" : null].filter(Boolean);
  const connect = [
    "'self'",
    office ? "https://appsforoffice.microsoft.com" : null,
    dev ? "wss://localhost:3000" : null,
  ].filter(Boolean);
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connect.join(" ")}`,
    "object-src 'none'",
    "base-uri 'self'",
  ].join("; ");
}

/** The web page connects to nothing: no network at all, only its own scripts and workers.
 *  scripts/inline-web.mjs replaces 'self' by the inlined scripts' hashes and blob: (worker). */
function webContentSecurityPolicy() {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "worker-src 'self'",
    "style-src 'unsafe-inline'",
    "img-src data: blob:",
    "connect-src 'none'",
    "font-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * office-addin-dev-certs installs its CA on Linux with `sudo sh install_linux.sh …`; as root on a
 * machine without sudo (a container) that fails. Root needs no sudo: a shim on PATH that runs its
 * arguments as they are. Returns the shim's folder, or null when none is needed.
 */
function sudoShim(
  env = {
    platform: process.platform,
    uid: process.getuid ? process.getuid() : -1,
    path: process.env.PATH || "",
  }
) {
  const fs = require("fs");
  const os = require("os");
  if (env.platform !== "linux" || env.uid !== 0) return null;
  const hasSudo = env.path
    .split(path.delimiter)
    .some((d) => d && fs.existsSync(path.join(d, "sudo")));
  if (hasSudo) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lxy-sudo-"));
  fs.writeFileSync(path.join(dir, "sudo"), '#!/bin/sh\nexec "$@"\n', { mode: 0o755 });
  return dir;
}

async function getHttpsOptions() {
  const shim = sudoShim();
  if (shim) process.env.PATH = shim + path.delimiter + (process.env.PATH || "");
  // Required lazily: certificates are needed only by the dev-server, never by build or demo.
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode !== "production";
  const demo = !!env.demo;
  const serving = !!env.WEBPACK_SERVE;

  const tsRule = {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: "ts-loader",
      options: {
        transpileOnly: true,
        configFile: path.resolve(__dirname, "tsconfig.json"),
        // ES modules so webpack can drop the Fluent components we do not use.
        compilerOptions: { module: "esnext", sourceMap: true },
      },
    },
  };

  const common = {
    // Office's WebView2 / Edge and current browsers: ES2020 (BigInt for exact money, globalThis,
    // so webpack's runtime needs no `new Function` fallback).
    target: ["web", "es2020"],
    // source-map, not eval-*: the pages' CSP forbids eval in development too.
    devtool: dev ? "source-map" : false,
    resolve: { extensions: [".ts", ".tsx", ".js", ".html"] },
    module: {
      rules: [
        tsRule,
        {
          test: /\.(png|jpg|jpeg|gif|ico)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    performance: { hints: false },
  };

  if (env.web) {
    const webpackLib = require("webpack");
    return {
      ...common,
      entry: { web: "./src/web/index.tsx", worker: "./src/web/worker.ts" },
      // Node's Buffer for the .xlsx reader and patcher (JSZip's "nodebuffer"): the buffer
      // package, the one Node built-in the page carries. ExcelJS comes as its browser build.
      // HyperFormula stays out of the page (its parser carries script-tag strings and 1 MB):
      // there, a formula without a stored value is reported (FORMULA_NO_VALUE), not computed.
      resolve: {
        ...common.resolve,
        fallback: { buffer: require.resolve("buffer/") },
        alias: { ...(common.resolve?.alias ?? {}), hyperformula: false },
      },
      // One file per entry (the patcher's dynamic import included): the worker's script is
      // inlined into offline.html, where there is no folder to load chunks from.
      output: {
        path: path.resolve(__dirname, "dist/web"),
        filename: "[name].js",
        asyncChunks: false,
        clean: true,
      },
      plugins: [
        new webpackLib.ProvidePlugin({ Buffer: ["buffer", "Buffer"] }),
        new HtmlWebpackPlugin({
          filename: "index.html",
          template: "./src/web/web.html",
          chunks: ["web"],
          inject: "body",
          scriptLoading: "blocking",
          minify: false,
          csp: webContentSecurityPolicy(),
        }),
      ],
    };
  }

  if (demo) {
    return {
      ...common,
      entry: { playground: "./src/playground/index.tsx" },
      output: { path: path.resolve(__dirname, "dist/demo"), filename: "[name].js", clean: true },
      plugins: [
        new HtmlWebpackPlugin({
          filename: "index.html",
          template: "./src/playground/playground.html",
          chunks: ["playground"],
          csp: contentSecurityPolicy({ dev: false, office: false }),
        }),
        new CopyWebpackPlugin({
          patterns: [
            { from: "assets/sample-*.xlsx", to: "samples/[name][ext]" },
            { from: "src/playground/playground.css", to: "playground.css" },
          ],
        }),
      ],
    };
  }

  const config = {
    ...common,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      notice: "./src/commands/notice.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: { keep: /^(demo|web)\// },
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        csp: contentSecurityPolicy({ dev: serving, office: true }),
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        csp: contentSecurityPolicy({ dev: serving, office: true }),
      }),
      new HtmlWebpackPlugin({
        filename: "notice.html",
        template: "./src/commands/notice.html",
        chunks: ["notice"],
        csp: contentSecurityPolicy({ dev: serving, office: true }),
      }),
      // The help page the manifest's SupportUrl and LearnMoreUrl point at: static, no script.
      new HtmlWebpackPlugin({
        filename: "help.html",
        template: "./src/help/help.html",
        chunks: [],
        csp: contentSecurityPolicy({ dev: serving, office: false }),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext][query]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            noErrorOnMissing: true,
            transform(content) {
              return dev ? content : content.toString().replace(new RegExp(urlDev, "g"), urlProd);
            },
          },
        ],
      }),
    ],
  };

  if (serving) {
    config.devServer = {
      hot: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: {
        type: "https",
        options:
          env.WEBPACK_BUILD || options.https !== undefined
            ? options.https
            : await getHttpsOptions(),
      },
      port: process.env.npm_package_config_dev_server_port || 3000,
    };
  }
  return config;
};

module.exports.sudoShim = sudoShim;
