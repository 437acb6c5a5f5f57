#!/usr/bin/env node
// The submission portal in a real browser: Debian's headless Chromium (/usr/bin/chromium, never a
// downloaded one) driven by playwright-core, against `cloudplan serve` on a store of the samples.
//
//     node tests/browser/portal_test.js CLOUDPLAN_BINARY SOURCE_DIR [SCREENSHOT_DIR]
//
// MOH's officer signs in through the form, uploads MOH's inventory through the file input, reads
// the feedback (accepted), uploads it with a typo and reads the FILE:LINE error; the national
// office presses "Plan now" and reads the plan's report (its pan-and-zoom script runs under the
// portal's Content-Security-Policy); a reviewer opens the latest report from its page. Every
// page: no console error, no Content-Security-Policy violation, no failed request, no sideways
// scrolling at 1366x900. A screenshot of each page goes to SCREENSHOT_DIR (ctest gives
// build/tests/browser); without it they are removed at the end. The screenshots of docs/portal.md
// are taken by portal_screenshots.js.
//
// Prints one line per check and 'N passed, N failed' last; exits 1 when a check fails. Without
// Chromium or tests/browser/node_modules (scripts/install-deps installs both) it exits 77, which
// ctest reports as skipped, unless CI=true: in CI a missing browser is a failure.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

const WIDTH = 1366;
const HEIGHT = 900;
const { CHROMIUM, check, finish, start } = require("./harness");
const { binary, source, screenshots, chromium } = start("portal_test.js");
const { makeStore, badSystems, startServer, signIn, signOut, upload } = require("./portal_fixture");

const work = fs.mkdtempSync(path.join(os.tmpdir(), "cloudplan-portal-browser-"));
const shots = path.resolve(screenshots || path.join(work, "screenshots"));
fs.mkdirSync(shots, { recursive: true });

// What the browser reports on every page: console errors, CSP violations (Chromium says them on
// the console: "Refused to ... because it violates the following Content Security Policy
// directive"), script errors, failed requests and error answers.
function watch(page) {
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error" || /Content Security Policy/i.test(message.text())) {
      const where = message.location().url;
      const from = where ? ` (${where})` : "";
      problems.push(`console ${message.type()}: ${message.text()}${from}`);
    }
  });
  page.on("pageerror", (error) => problems.push("script error: " + error.message));
  page.on("requestfailed", (request) =>
    problems.push(`request failed: ${request.url()} ${request.failure().errorText}`),
  );
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  return problems;
}

// The checks of every page: it is `where`, it does not scroll sideways, the browser had nothing
// to say while it loaded; then a screenshot.
async function looked(page, problems, name, where) {
  const url = new URL(page.url());
  check(`${name}: the browser is at ${where}`, where.test(url.pathname), url.pathname);
  const sizes = await page.evaluate(() => ({
    document: document.documentElement.scrollWidth,
    window: window.innerWidth,
  }));
  check(
    `${name}: no sideways scrolling at ${WIDTH}x${HEIGHT}`,
    sizes.document <= sizes.window,
    `document ${sizes.document} px, window ${sizes.window} px`,
  );
  check(
    `${name}: no console error, CSP violation or failed request`,
    problems.length === 0,
    problems.join("; "),
  );
  problems.length = 0;
  const file = path.join(shots, `portal-${name.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}.png`);
  await page.screenshot({ path: file });
  console.log(`     screenshot ${file}`);
}

// The report's script made its drawings zoomable: it ran, allowed by the portal's policy.
async function reportScriptRan(page, name) {
  const zoomable = await page.evaluate(() => ({
    figures: document.querySelectorAll("figure.zoom").length,
    zoomable: document.querySelectorAll("figure.zoom.zoomable").length,
  }));
  check(
    `${name}: the report's pan-and-zoom script ran (its drawings are zoomable)`,
    zoomable.figures > 0 && zoomable.zoomable === zoomable.figures,
    JSON.stringify(zoomable),
  );
}

async function agencyOfficer(page, problems, url, tokens) {
  await page.goto(url + "/");
  await looked(page, problems, "signed out", /^\/login$/);
  await signIn(page, url, "moh-officer", tokens["moh-officer"]);
  await looked(page, problems, "MOH home", /^\/agencies\/MOH$/);
  const form = await page.locator("#file").count();
  check("MOH's page has the upload form's file input", form === 1, `${form}`);

  const moh = path.join(source, "samples/submissions/MOH");
  await upload(
    page,
    [path.join(moh, "systems.csv"), path.join(moh, "dependencies.csv")],
    "first inventory",
  );
  await looked(page, problems, "feedback accepted", /^\/submissions\/\d+$/);
  const accepted = await page.locator(".verdict").innerText();
  check("the good upload's feedback says ACCEPTED", /^ACCEPTED/.test(accepted), accepted);

  await page.click("text=Back to MOH");
  await upload(
    page,
    [badSystems(source, path.join(work, "bad")), path.join(moh, "dependencies.csv")],
    "a typo",
  );
  await looked(page, problems, "feedback rejected", /^\/submissions\/\d+$/);
  const rejected = await page.locator(".verdict").innerText();
  check("the bad upload's feedback says REJECTED", /^REJECTED/.test(rejected), rejected);
  const expected =
    "systems.csv:5: error: strategy 'replatfrom' is not one of rehost, replatform, refactor, " +
    "repurchase, relocate, retire, retain (did you mean 'replatform'?)";
  const error = page.locator("#diagnostics li", { hasText: "systems.csv:5" });
  const shown = (await error.count()) === 1 && (await error.isVisible());
  await error.first().scrollIntoViewIfNeeded();
  const text = shown ? (await error.innerText()).replace(/\s+/g, " ").trim() : "";
  check("the FILE:LINE error is visible on the feedback: " + expected, text === expected, text);
  await looked(page, problems, "feedback error", /^\/submissions\/\d+$/);

  await page.click("text=Back to MOH");
  const history = await page.locator("#history tbody tr").allInnerTexts();
  check(
    "MOH's history shows the rejected upload, then the accepted one",
    history.length === 2 && /rejected/.test(history[0]) && /accepted/.test(history[1]),
    JSON.stringify(history),
  );
  await looked(page, problems, "MOH history", /^\/agencies\/MOH$/);
  await signOut(page);
  check("Sign out goes back to the sign-in form", new URL(page.url()).pathname === "/login");
  problems.length = 0;
}

async function nationalOffice(page, problems, url, tokens) {
  await signIn(page, url, "national-office", tokens["national-office"]);
  await looked(page, problems, "national", /^\/national$/);
  await Promise.all([page.waitForNavigation(), page.click("button:has-text('Plan now')")]);
  await looked(page, problems, "plan report", /^\/plans\/\d+\/report\.html$/);
  await reportScriptRan(page, "the plan's report");
  const plan = /^\/plans\/(\d+)\//.exec(new URL(page.url()).pathname);
  await page.goto(url + "/national");
  await looked(page, problems, "national with a plan", /^\/national$/);
  await signOut(page);
  problems.length = 0;
  return plan ? plan[1] : "";
}

async function reviewer(page, problems, url, tokens, plan) {
  await signIn(page, url, "reviewer", tokens.reviewer);
  await looked(page, problems, "review", /^\/review$/);
  const link = page.locator(`a[href='/plans/${plan}/report.html']`).first();
  const linked = (await link.count()) === 1;
  check("the reviewer's page links the latest plan's report", linked);
  if (!linked) return;
  await Promise.all([page.waitForNavigation(), link.click()]);
  await looked(page, problems, "review report", new RegExp(`^/plans/${plan}/report\\.html$`));
  await reportScriptRan(page, "the latest report, as a reviewer");
  // The report's policy lets it send no request at all: a fetch is refused before it leaves.
  const sent = await page.evaluate(() =>
    fetch("/api/me").then(
      (answer) => `answered ${answer.status}`,
      () => "refused",
    ),
  );
  check("a script in a plan's report cannot send a request (no connect-src)", sent === "refused",
        sent);
}

async function main() {
  const { db, tokens } = makeStore(binary, source, work);
  const server = await startServer(binary, db);
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT } });
    const page = await context.newPage();
    const problems = watch(page);
    await agencyOfficer(page, problems, server.url, tokens);
    const plan = await nationalOffice(page, problems, server.url, tokens);
    check("plan now made a plan", plan !== "");
    await reviewer(page, problems, server.url, tokens, plan);
  } catch (error) {
    const log = server.log().slice(-3000);
    check("the browser test runs to its end", false, error.stack + "\nthe server's log:\n" + log);
  } finally {
    await browser.close();
    const code = await server.stop();
    check("the server stops on SIGTERM with exit 0", code === 0, `${code}`);
  }
}

main()
  .catch((error) => check("the browser test runs to its end", false, error.stack))
  .finally(() => {
    // The store goes; the screenshots stay when their folder was given (it is not in `work`).
    fs.rmSync(work, { recursive: true, force: true });
    finish();
  });
