// The portal on the samples, for portal_test.js and portal_screenshots.js: a store made as
// scripts/demo makes it but for MOH (its officer submits it through the portal), three accounts,
// and `cloudplan serve` on a free loopback port.
"use strict";
const childProcess = require("child_process");
const fs = require("fs");
const path = require("path");

const ACCOUNTS = [
  ["moh-officer", ["--agency", "MOH"]],
  ["national-office", ["--role", "national"]],
  ["reviewer", ["--role", "reviewer"]],
];

function cloudplan(binary, args, env = {}) {
  const run = childProcess.spawnSync(binary, args, {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  if (run.error) throw run.error;
  if (run.status !== 0) {
    throw new Error(`cloudplan ${args.join(" ")} exits ${run.status}: ${run.stderr}${run.stdout}`);
  }
  return run.stdout;
}

// The store in `work`: the register, DGA, MOE, MOF and MOI submitted by their CIOs (at fixed times,
// as scripts/demo does), and the accounts. Returns { db, tokens: { name: token } }.
function makeStore(binary, source, work) {
  const db = path.join(work, "national.db");
  cloudplan(
    binary,
    ["store", "init", db, "--agencies", path.join(source, "samples/government/agencies.csv")]
      .concat(["--by", "National Office", "--message", "the register"]),
    { CLOUDPLAN_NOW: "2027-01-10T08:00:00Z" },
  );
  ["DGA", "MOE", "MOF", "MOI"].forEach((ministry, index) => {
    cloudplan(
      binary,
      ["submit", db, "--agency", ministry, path.join(source, "samples/submissions", ministry)]
        .concat(["--by", "CIO " + ministry, "--message", "first inventory", "-q"]),
      { CLOUDPLAN_NOW: `2027-01-10T09:${10 * (index + 1)}:00Z` },
    );
  });
  const tokens = {};
  for (const [name, options] of ACCOUNTS) {
    const lines = cloudplan(binary, ["serve-user", db, "add", name, ...options]).trim().split("\n");
    tokens[name] = lines[lines.length - 1];
  }
  return { db, tokens };
}

// MOH's systems.csv with a typo on line 5 (strategy 'replatfrom'), as systems.csv in `folder`.
function badSystems(source, folder) {
  const lines = fs
    .readFileSync(path.join(source, "samples/submissions/MOH/systems.csv"), "utf8")
    .split("\n");
  lines[4] = lines[4].replace(",replatform,", ",replatfrom,");
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, "systems.csv");
  fs.writeFileSync(file, lines.join("\n"));
  return file;
}

// `cloudplan serve DB --listen 127.0.0.1:0`; resolves to { url, log(), stop() } once it prints
// the address it listens on. Its log (a line per request, on stderr) is kept for when a check
// fails.
function startServer(binary, db, env = {}) {
  const server = childProcess.spawn(binary, ["serve", db, "--listen", "127.0.0.1:0"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  server.stderr.on("data", (data) => {
    stderr = (stderr + data).slice(-20000);
  });
  return new Promise((resolve, reject) => {
    const late = () => reject(new Error("serve did not start in 30 s: " + stderr));
    const timer = setTimeout(late, 30000);
    server.on("exit", (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
    server.stdout.on("data", (data) => {
      stdout += data;
      const found = /^serving .* at (http:\/\/127\.0\.0\.1:\d+)\/ \(Ctrl-C stops\)\n/.exec(stdout);
      if (!found) return;
      clearTimeout(timer);
      resolve({
        url: found[1],
        log: () => stderr,
        stop: () =>
          new Promise((done) => {
            if (server.exitCode !== null) return done(server.exitCode);
            server.removeAllListeners("exit");
            server.on("exit", (code) => done(code));
            server.kill("SIGTERM");
          }),
      });
    });
  });
}

// Signs in through the login form, as a person types it.
async function signIn(page, url, name, token) {
  await page.goto(url + "/login");
  await page.fill("#name", name);
  await page.fill("#token", token);
  await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
}

async function signOut(page) {
  await Promise.all([page.waitForNavigation(), page.click("form[action='/logout'] button")]);
}

// Uploads `files` through the agency page's form; resolves once the feedback page is shown.
async function upload(page, files, message) {
  await page.setInputFiles("#file", files);
  await page.fill("#message", message);
  await Promise.all([
    page.waitForNavigation(),
    page.click("form[action$='/submissions'] button[type=submit]"),
  ]);
}

module.exports = { makeStore, badSystems, startServer, signIn, signOut, upload };
