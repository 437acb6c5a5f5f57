#!/usr/bin/env node
// report.html in a real browser: Debian's headless Chromium (/usr/bin/chromium, never a
// downloaded one) driven by playwright-core.
//
//     node tests/browser/report_test.js CLOUDPLAN_BINARY SOURCE_DIR [SCREENSHOT_DIR]
//
// Plans and renders the samples as scripts/demo does, opens report.html at 1366x900 and at
// 1920x1080 and checks that the page never scrolls sideways (the document is no wider than the
// window), that every drawing fits its box and every table scrolls in a box of its own, that the
// zoom controls change the drawing's transform (buttons, Ctrl + wheel, drag) and fit it back, and
// that the print style sheet hides the controls and fits the drawings to the page (print to PDF);
// then MOH's page (render --agency MOH --gantt systems): no sideways scroll, its diagram and
// schedule zoomable, no controls on paper.
// The screenshots and the PDF go to SCREENSHOT_DIR (ctest gives build/tests/browser); without it
// they are removed at the end.
//
// Prints one line per check and 'N passed, N failed' last; exits 1 when a check fails. Without
// Chromium or tests/browser/node_modules (scripts/install-deps installs both) it exits 77, which
// ctest reports as skipped, unless CI=true: in CI a missing browser is a failure.
"use strict";
const childProcess = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const { CHROMIUM, check, finish, start } = require("./harness");
const { binary, source, screenshots, chromium } = start("report_test.js");

const work = fs.mkdtempSync(path.join(os.tmpdir(), "cloudplan-browser-"));
const shots = path.resolve(screenshots || path.join(work, "screenshots"));
fs.mkdirSync(shots, { recursive: true });

// The state of every zoomable drawing that is shown: its box, its drawing's box, its transform.
function drawings(page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll("figure.zoom"))
      .filter((figure) => figure.checkVisibility())
      .map((figure) => {
        const view = figure.querySelector(".zoom-view").getBoundingClientRect();
        const svg = figure.querySelector(".zoom-view svg");
        const box = svg.getBoundingClientRect();
        return {
          section: figure.closest("section").id,
          zoomable: figure.classList.contains("zoomable"),
          bar: getComputedStyle(figure.querySelector(".zoom-bar")).display !== "none",
          view: { left: view.left, right: view.right, top: view.top, bottom: view.bottom },
          svg: { left: box.left, right: box.right, top: box.top, bottom: box.bottom },
          transform: getComputedStyle(svg).transform,
        };
      }),
  );
}

function inside(inner, outer) {
  return (
    inner.left >= outer.left - 1 &&
    inner.right <= outer.right + 1 &&
    inner.top >= outer.top - 1 &&
    inner.bottom <= outer.bottom + 1
  );
}

// The scale of a computed transform, matrix(a, b, c, d, e, f): a.
function scaleOf(transform) {
  const m = /^matrix\(([^,]+),[^,]+,[^,]+,[^,]+,([^,]+),([^)]+)\)$/.exec(transform || "");
  return m ? { scale: +m[1], x: +m[2], y: +m[3] } : null;
}

async function layout(browser, report, width, height) {
  const name = `${width}x${height}`;
  const page = await browser.newPage({ viewport: { width, height } });
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("file://" + report);
  const sizes = await page.evaluate(() => ({
    document: document.documentElement.scrollWidth,
    window: window.innerWidth,
    body: document.body.scrollWidth,
  }));
  console.log(`     ${name}: document ${sizes.document} px wide, window ${sizes.window} px`);
  check(
    `${name}: the page does not scroll sideways (document width <= window width)`,
    sizes.document <= sizes.window,
    `document ${sizes.document} px, window ${sizes.window} px`,
  );
  const shown = await drawings(page);
  check(`${name}: the schedule and the overview are drawn`, shown.length >= 2, `${shown.length}`);
  const cut = shown.filter((d) => !inside(d.svg, d.view) || d.view.right > width);
  check(
    `${name}: every drawing fits its box, whole (no cut-off at the right)`,
    cut.length === 0,
    JSON.stringify(cut.slice(0, 2)),
  );
  check(
    `${name}: the script made every drawing zoomable and showed its controls`,
    shown.every((d) => d.zoomable && d.bar),
  );
  const loose = await page.evaluate(
    () =>
      Array.from(document.querySelectorAll("main table")).filter(
        (table) => getComputedStyle(table.parentElement).overflowX !== "auto",
      ).length,
  );
  check(`${name}: every table scrolls in a box of its own`, loose === 0, `${loose} do not`);
  check(`${name}: the page raises no script error`, errors.length === 0, errors.join("; "));
  const file = path.join(shots, `report-${name}.png`);
  await page.screenshot({ path: file });
  console.log(`     screenshot ${file}`);
  return page;
}

async function zoom(page) {
  const overview = page.locator("#overview figure.zoom");
  const svg = overview.locator(".zoom-view svg");
  const transform = () => svg.evaluate((element) => getComputedStyle(element).transform);
  await overview.scrollIntoViewIfNeeded();
  const fitted = await transform();
  await overview.locator("button[data-zoom=in]").click();
  const zoomedIn = scaleOf(await transform());
  check(
    "the + button zooms the overview in (its transform's scale grows)",
    zoomedIn && zoomedIn.scale > scaleOf(fitted).scale,
    `${fitted} then ${zoomedIn && zoomedIn.scale}`,
  );
  const view = await overview.locator(".zoom-view").boundingBox();
  await page.mouse.move(view.x + view.width / 2, view.y + view.height / 2);
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -400);
  await page.keyboard.up("Control");
  await page.waitForTimeout(100);
  const wheeled = scaleOf(await transform());
  check(
    "Ctrl + wheel zooms the overview in further",
    wheeled && wheeled.scale > zoomedIn.scale,
    `${zoomedIn.scale} then ${wheeled && wheeled.scale}`,
  );
  const scrollBefore = await page.evaluate(() => window.scrollY);
  await page.mouse.wheel(0, 200);
  await page.waitForTimeout(200);
  const plain = scaleOf(await transform());
  const scrollAfter = await page.evaluate(() => window.scrollY);
  check(
    "a plain wheel scrolls the page and leaves the zoom as it is",
    plain.scale === wheeled.scale && scrollAfter > scrollBefore,
    `scale ${wheeled.scale} then ${plain.scale}, scrollY ${scrollBefore} then ${scrollAfter}`,
  );
  const box = await overview.locator(".zoom-view").boundingBox();
  const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 60, from.y + 40, { steps: 4 });
  await page.mouse.up();
  const dragged = scaleOf(await transform());
  check(
    "dragging moves the drawing by as much as the mouse",
    Math.abs(dragged.x - plain.x - 60) < 1 && Math.abs(dragged.y - plain.y - 40) < 1,
    `(${plain.x}, ${plain.y}) then (${dragged.x}, ${dragged.y})`,
  );
  await overview.locator("button[data-zoom=fit]").click();
  check("Fit puts the drawing back as it was", (await transform()) === fitted, await transform());
  await overview.locator("button[data-zoom=actual]").click();
  check("1:1 shows the drawing at its own size", scaleOf(await transform()).scale === 1);
  await overview.locator("button[data-zoom=fit]").click();

  // A wave's diagram is folded away: it is fit when it is opened.
  const wave = page.locator("section.systems details:has(figure.zoom)").first();
  await wave.locator("summary").click();
  const opened = (await drawings(page)).filter((d) => d.section.startsWith("wave-"));
  check(
    "an opened wave diagram fits its box and can be zoomed",
    opened.length === 1 && inside(opened[0].svg, opened[0].view) && opened[0].bar,
    JSON.stringify(opened),
  );
  const link = await wave.locator("figcaption a").getAttribute("href");
  check(
    "the wave diagram links to its full SVG file beside the report",
    /^waves\/wave-\d+\.svg$/.test(link || ""),
    link,
  );
}

async function print(page) {
  await page.emulateMedia({ media: "print" });
  const state = await page.evaluate(() => ({
    bars: Array.from(document.querySelectorAll(".zoom-bar")).filter(
      (bar) => getComputedStyle(bar).display !== "none",
    ).length,
    transformed: Array.from(document.querySelectorAll("figure.zoom svg")).filter(
      (svg) => getComputedStyle(svg).transform !== "none",
    ).length,
  }));
  check("on paper, no zoom controls are shown", state.bars === 0, `${state.bars} shown`);
  check("on paper, the drawings are not zoomed", state.transformed === 0, `${state.transformed}`);
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
  fs.writeFileSync(path.join(shots, "report.pdf"), pdf);
  console.log(`     print to PDF: ${pages} A4 pages, ${path.join(shots, "report.pdf")}`);
  check("the report prints to PDF", pdf.subarray(0, 5).toString() === "%PDF-" && pages > 1);
  await page.emulateMedia({ media: "screen" });
}

// A ministry's page (render --agency MOH --gantt systems): its diagram and schedule zoom as the
// report's do, the page does not scroll sideways, and on paper the controls are gone.
async function ministryPage(browser, file) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("file://" + file);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  check("MOH's page does not scroll sideways at 1366x900", width <= 1366, `${width} px`);
  const shown = await drawings(page);
  check(
    "MOH's diagram and schedule are zoomable, with their controls, each whole in its box",
    shown.map((d) => d.section).join(" ") === "diagram schedule" &&
      shown.every((d) => d.zoomable && d.bar && inside(d.svg, d.view)),
    JSON.stringify(shown),
  );
  const svg = page.locator("#diagram figure.zoom .zoom-view svg");
  const before = scaleOf(await svg.evaluate((element) => getComputedStyle(element).transform));
  await page.locator("#diagram button[data-zoom=in]").click();
  const after = scaleOf(await svg.evaluate((element) => getComputedStyle(element).transform));
  check(
    "the + button zooms MOH's diagram in",
    before && after && after.scale > before.scale,
    `${before && before.scale} then ${after && after.scale}`,
  );
  const link = await page.locator("#diagram figcaption a").getAttribute("href");
  check("MOH's diagram links to agencies/MOH.svg", link === "agencies/MOH.svg", link);
  check("MOH's page raises no script error", errors.length === 0, errors.join("; "));
  await page.emulateMedia({ media: "print" });
  const bars = await page.evaluate(
    () =>
      Array.from(document.querySelectorAll(".zoom-bar")).filter(
        (bar) => getComputedStyle(bar).display !== "none",
      ).length,
  );
  check("on paper, MOH's page shows no zoom controls", bars === 0, `${bars} shown`);
  const shot = path.join(shots, "report-MOH-1366x900.png");
  await page.emulateMedia({ media: "screen" });
  await page.locator("#diagram").scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot });
  console.log(`     screenshot ${shot}`);
  await page.close();
}

async function main() {
  const out = path.join(work, "government");
  const run = childProcess.spawnSync(
    binary,
    [
      "plan",
      path.join(source, "samples/government"),
      "--wave-capacity",
      "8",
      "--freeze",
      "2027-07-26..2027-08-08",
      "--render",
      "-q",
      "-o",
      out,
    ],
    { encoding: "utf8" },
  );
  const report = path.join(out, "report.html");
  check("cloudplan plans and renders the samples", fs.existsSync(report), run.stderr);
  if (!fs.existsSync(report)) return;
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const small = await layout(browser, report, 1366, 900);
    await zoom(small);
    await print(small);
    await layout(browser, report, 1920, 1080);
    const views = path.join(work, "government", "views");
    const rendered = childProcess.spawnSync(
      binary,
      [
        "render",
        path.join(out, "plan.json"),
        "--agency",
        "MOH",
        "--gantt",
        "systems",
        "-q",
        "-o",
        views,
      ],
      { encoding: "utf8" },
    );
    const moh = path.join(views, "report-MOH.html");
    check("cloudplan renders MOH's page", fs.existsSync(moh), rendered.stderr);
    if (fs.existsSync(moh)) await ministryPage(browser, moh);
  } finally {
    await browser.close();
  }
}

main()
  .catch((error) => check("the browser test runs to its end", false, error.stack))
  .finally(() => {
    // The plan and its views go; the screenshots stay when their folder was given.
    fs.rmSync(screenshots ? path.join(work, "government") : work, {
      recursive: true,
      force: true,
    });
    finish();
  });
