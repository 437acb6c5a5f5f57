// What every browser test shares: its checks and their count, and the start it makes. A test
// needs Debian's Chromium (/usr/bin/chromium, never a downloaded one) and playwright-core from
// tests/browser/node_modules; without either it exits 77, which ctest reports as skipped, unless
// CI=true: in CI a missing browser is a failure.
"use strict";
const fs = require("fs");
const path = require("path");

const CHROMIUM = "/usr/bin/chromium";
const SKIPPED = 77;
const results = { passed: 0, failed: 0 };

function check(name, condition, detail) {
  results[condition ? "passed" : "failed"] += 1;
  console.log((condition ? "ok   " : "FAIL ") + name + (condition || !detail ? "" : ": " + detail));
}

function missing(why) {
  if (process.env.CI === "true") {
    console.log("FAIL the browser test cannot run: " + why + " (scripts/install-deps installs it)");
    console.log("0 passed, 1 failed");
    process.exit(1);
  }
  console.log("skip the browser test: " + why + " (scripts/install-deps installs it)");
  process.exit(SKIPPED);
}

// The test's arguments (CLOUDPLAN_BINARY SOURCE_DIR [SCREENSHOT_DIR]) and playwright's chromium;
// exits when the arguments are wrong or the browser is missing.
function start(testName) {
  if (process.argv.length < 4) {
    console.error(`usage: ${testName} CLOUDPLAN_BINARY SOURCE_DIR [SCREENSHOT_DIR]`);
    process.exit(2);
  }
  if (!fs.existsSync(CHROMIUM)) missing(CHROMIUM + " is not installed");
  let chromium;
  try {
    ({ chromium } = require("playwright-core"));
  } catch (error) {
    missing("tests/browser/node_modules has no playwright-core (npm ci)");
  }
  return {
    binary: path.resolve(process.argv[2]),
    source: path.resolve(process.argv[3]),
    screenshots: process.argv[4],
    chromium,
  };
}

// Prints the count and sets the exit code: 1 when a check failed.
function finish() {
  console.log(`${results.passed} passed, ${results.failed} failed`);
  process.exitCode = results.failed ? 1 : 0;
}

module.exports = { CHROMIUM, check, finish, start };
