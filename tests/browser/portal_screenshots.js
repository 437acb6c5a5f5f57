#!/usr/bin/env node
// The screenshots of docs/portal.md, taken by hand after a change to the portal's pages:
//
//     scripts/build release cloudplan && scripts/install-deps
//     node tests/browser/portal_screenshots.js [--binary build/cli/cloudplan] [-o docs/images]
//
// Serves a store of the samples as portal_test.js does (the clock fixed with CLOUDPLAN_NOW, so
// that the pages show the same times on every run) and takes, in Debian's headless Chromium at
// 1366x900: portal-login.png, the sign-in form; portal-agency.png, MOH's home after its officer
// uploaded MOH's inventory and then a copy with a typo; portal-feedback.png, that copy's feedback
// with its FILE:LINE error; portal-national.png, the national office's page after "plan now";
// portal-report.png, the top of that plan's report. Prints what it wrote.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { chromium } = require("playwright-core");
const { makeStore, badSystems, startServer, signIn, signOut, upload } = require("./portal_fixture");

const root = path.resolve(__dirname, "..", "..");
const options = { binary: path.join(root, "build/cli/cloudplan"), out: "docs/images" };
for (let i = 2; i < process.argv.length; i += 2) {
  const name = { "--binary": "binary", "-o": "out" }[process.argv[i]];
  if (!name || i + 1 >= process.argv.length) {
    console.error("usage: portal_screenshots.js [--binary CLOUDPLAN] [-o FOLDER]");
    process.exit(2);
  }
  options[name] = process.argv[i + 1];
}
const out = path.resolve(root, options.out);
const binary = path.resolve(root, options.binary);

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "cloudplan-portal-screenshots-"));
  let server;
  try {
    const { db, tokens } = makeStore(binary, root, work);
    server = await startServer(binary, db, { CLOUDPLAN_NOW: "2027-04-02T10:30:00Z" });
    fs.mkdirSync(out, { recursive: true });
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
      const shot = async (name) => {
        await page.screenshot({ path: path.join(out, name) });
        console.log("wrote " + path.join(options.out, name));
      };
      await page.goto(server.url + "/login");
      await shot("portal-login.png");

      await signIn(page, server.url, "moh-officer", tokens["moh-officer"]);
      const moh = path.join(root, "samples/submissions/MOH");
      const dependencies = path.join(moh, "dependencies.csv");
      await upload(page, [path.join(moh, "systems.csv"), dependencies], "first inventory");
      await page.click("text=Back to MOH");
      const typo = badSystems(root, path.join(work, "bad"));
      await upload(page, [typo, dependencies], "e-prescription service replatformed");
      await page.locator("#diagnostics").scrollIntoViewIfNeeded();
      await shot("portal-feedback.png");
      await page.click("text=Back to MOH");
      await shot("portal-agency.png");
      await signOut(page);

      await signIn(page, server.url, "national-office", tokens["national-office"]);
      await Promise.all([page.waitForNavigation(), page.click("button:has-text('Plan now')")]);
      await shot("portal-report.png");
      await page.goto(server.url + "/national");
      await shot("portal-national.png");
    } finally {
      await browser.close();
    }
  } finally {
    if (server) await server.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error("portal_screenshots.js: " + error.message);
  process.exitCode = 1;
});
