#!/usr/bin/env node
// The screenshots of docs/reports.md, taken by hand after a change to what reviewers read:
//
//     scripts/build release cloudplan && scripts/install-deps
//     node tests/browser/screenshots.js [--wave K] [--binary build/cli/cloudplan] [-o docs/images]
//
// Plans and renders the samples as scripts/demo does (and `render --agency MOH`), then takes, in
// Debian's headless Chromium at 1366x900: report.png, the top of report.html; wave-K.png, the
// diagram of wave K (3 unless given) at the window's width; ministry-MOH.png, the top of MOH's
// page (report-MOH.html) when render writes one. Prints what it wrote and what it could not.
"use strict";
const childProcess = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const root = path.resolve(__dirname, "..", "..");
const options = { wave: "3", binary: path.join(root, "build/cli/cloudplan"), out: "docs/images" };
for (let i = 2; i < process.argv.length; i += 2) {
  const name = { "--wave": "wave", "--binary": "binary", "-o": "out" }[process.argv[i]];
  if (!name || i + 1 >= process.argv.length) {
    console.error("usage: screenshots.js [--wave K] [--binary CLOUDPLAN] [-o FOLDER]");
    process.exit(2);
  }
  options[name] = process.argv[i + 1];
}
const out = path.resolve(root, options.out);
const { chromium } = require("playwright-core");

function cloudplan(...args) {
  const run = childProcess.spawnSync(options.binary, args, { cwd: root, encoding: "utf8" });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`cloudplan ${args.join(" ")}: ${run.stderr}`);
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "cloudplan-screenshots-"));
  const plan = path.join(work, "plan");
  const views = path.join(work, "views");
  try {
    cloudplan("plan", "samples/government", "--wave-capacity", "8",
              "--freeze", "2027-07-26..2027-08-08", "-q", "-o", plan);
    cloudplan("render", path.join(plan, "plan.json"), "--agency", "MOH", "-q", "-o", views);
    fs.mkdirSync(out, { recursive: true });
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
      await page.goto("file://" + path.join(views, "report.html"));
      await page.screenshot({ path: path.join(out, "report.png") });
      console.log("wrote " + path.join(options.out, "report.png"));

      // The wave's drawing alone, scaled to the window's width (never up).
      const wave = path.join(views, "waves", `wave-${options.wave}.svg`);
      if (fs.existsSync(wave)) {
        await page.goto("file://" + wave);
        const size = await page.evaluate(() => {
          const svg = document.documentElement;
          const width = svg.width.baseVal.value, height = svg.height.baseVal.value;
          const scale = Math.min(1, 1366 / width);
          svg.setAttribute("width", width * scale);
          svg.setAttribute("height", height * scale);
          return { width: Math.ceil(width * scale), height: Math.ceil(height * scale) };
        });
        await page.setViewportSize(size);
        const file = path.join(out, `wave-${options.wave}.png`);
        await page.screenshot({ path: file });
        console.log(`wrote ${path.join(options.out, path.basename(file))} (${size.width}x${size.height})`);
      } else {
        console.log(`no waves/wave-${options.wave}.svg: wave-${options.wave}.png not taken`);
      }

      const ministry = path.join(views, "report-MOH.html");
      if (fs.existsSync(ministry)) {
        await page.setViewportSize({ width: 1366, height: 900 });
        await page.goto("file://" + ministry);
        await page.screenshot({ path: path.join(out, "ministry-MOH.png") });
        console.log("wrote " + path.join(options.out, "ministry-MOH.png"));
      } else {
        console.log("render wrote no report-MOH.html: ministry-MOH.png not taken");
      }
    } finally {
      await browser.close();
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error("screenshots.js: " + error.message);
  process.exitCode = 1;
});
