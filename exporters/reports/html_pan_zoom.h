// Big drawings in an HTML page that reads well at any size: the drawing scales to the column's
// width, and a small inline script (no library, nothing fetched) lets the reader zoom and pan it
// (buttons, Ctrl + wheel, drag) and fit it back; a link opens the full SVG file beside the page.
// Without the script the drawing still fits the width and scrolls in its own box; on paper it
// fits the page, without the controls. Used by report.html and the ministries' pages: a page
// puts kPanZoomStyle after kPageStyle in its <style>, kPanZoomScript in its <script>, and each
// drawing through appendZoomableDrawing.
#pragma once

#include <string>
#include <string_view>

namespace cloudplan::exporters {

inline constexpr std::string_view kPanZoomStyle = R"css(
figure.drawing { margin: 8px 0 16px; break-inside: avoid; }
.zoom-view { overflow: auto; max-height: 85vh; border: 1px solid var(--line); border-radius: 6px;
             background: #ffffff; }
.zoom-view svg { display: block; max-width: 100%; height: auto; }
.zoom-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin: 0 0 4px; }
.zoom-bar[hidden] { display: none; }
.zoom-bar button { font: inherit; min-width: 34px; padding: 2px 8px; color: var(--ink);
                   background: var(--panel); border: 1px solid var(--line); border-radius: 4px;
                   cursor: pointer; }
.zoom-bar button:hover { border-color: #1f5f99; }
.zoom-bar output, .zoom-bar .hint { color: var(--muted); font-size: 12px; }
.zoom-bar output { min-width: 40px; text-align: right; }
figure.drawing figcaption { color: var(--muted); font-size: 12px; margin-top: 4px; }
.zoomable .zoom-view { position: relative; overflow: hidden; max-height: none; cursor: grab;
                       touch-action: none; }
.zoomable .zoom-view.dragging { cursor: grabbing; }
.zoomable .zoom-view svg { max-width: none; transform-origin: 0 0; }
@media print {
  .zoom-bar, figure.drawing figcaption { display: none; }
  .zoom-view, .zoomable .zoom-view { height: auto !important; max-height: none; overflow: visible;
                                     border: none; }
  .zoom-view svg, .zoomable .zoom-view svg { transform: none !important; width: 100% !important;
                                             height: auto !important; max-height: 80vh; }
}
)css";

// Each figure.zoom gets its controls. The drawing keeps its natural size and is scaled by a CSS
// transform (translate, then scale, from its top left corner), so that print and a page without
// the script see it untouched. A drawing inside a closed <details> has no width yet: it is fit
// when it gets one (a ResizeObserver), and fit again when the column's width changes until the
// reader zooms or pans it.
inline constexpr std::string_view kPanZoomScript = R"js(
(function () {
  var figures = document.querySelectorAll("figure.zoom");
  Array.prototype.forEach.call(figures, function (figure) {
    var view = figure.querySelector(".zoom-view");
    var bar = figure.querySelector(".zoom-bar");
    var svg = view && view.querySelector("svg");
    if (!svg || !bar) return;
    var box = svg.viewBox && svg.viewBox.baseVal;
    var width = svg.width.baseVal.value, height = svg.height.baseVal.value;
    if (svg.width.baseVal.unitType === 2 || !(width > 0 && height > 0)) {  // a percentage, or none
      if (!box || !(box.width > 0 && box.height > 0)) return;
      width = box.width;
      height = box.height;
    }
    var state = { scale: 1, x: 0, y: 0, fitted: true, width: -1 };
    var level = bar.querySelector("output");
    figure.classList.add("zoomable");
    svg.style.width = width + "px";
    svg.style.height = height + "px";
    bar.hidden = false;
    function show() {
      svg.style.transform =
        "translate(" + state.x + "px, " + state.y + "px) scale(" + state.scale + ")";
      if (level) level.textContent = Math.round(state.scale * 100) + " %";
    }
    function fit() {
      var w = view.clientWidth;
      state.width = w;
      if (!w) return;
      var h = Math.min(height * Math.min(1, w / width), window.innerHeight * 0.8);
      h = Math.max(h, Math.min(height, 120));
      view.style.height = h + "px";
      state.scale = Math.min(1, w / width, h / height);
      state.x = (w - width * state.scale) / 2;
      state.y = (h - height * state.scale) / 2;
      state.fitted = true;
      show();
    }
    function zoom(factor, px, py) {
      var scale = Math.min(Math.max(state.scale * factor, 0.02), 20);
      state.x = px - (px - state.x) * scale / state.scale;
      state.y = py - (py - state.y) * scale / state.scale;
      state.scale = scale;
      state.fitted = false;
      show();
    }
    function centre(factor) { zoom(factor, view.clientWidth / 2, view.clientHeight / 2); }
    bar.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      var action = button.getAttribute("data-zoom");
      if (action === "in") centre(1.25);
      else if (action === "out") centre(0.8);
      else if (action === "actual") centre(1 / state.scale);
      else fit();
    });
    view.addEventListener("wheel", function (event) {
      if (!event.ctrlKey && !event.metaKey) return;  // a plain wheel scrolls the page
      event.preventDefault();
      var r = view.getBoundingClientRect();
      zoom(Math.exp(-event.deltaY * 0.002), event.clientX - r.left, event.clientY - r.top);
    }, { passive: false });
    var drag = null;
    view.addEventListener("pointerdown", function (event) {
      if (event.button !== 0) return;
      drag = { id: event.pointerId, x: event.clientX, y: event.clientY, moved: false };
    });
    view.addEventListener("pointermove", function (event) {
      if (!drag || drag.id !== event.pointerId) return;
      var dx = event.clientX - drag.x, dy = event.clientY - drag.y;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;  // a click stays a click
      if (!drag.moved) {
        drag.moved = true;
        view.setPointerCapture(event.pointerId);
        view.classList.add("dragging");
      }
      state.x += dx;
      state.y += dy;
      drag.x = event.clientX;
      drag.y = event.clientY;
      state.fitted = false;
      show();
    });
    function release() {
      drag = null;
      view.classList.remove("dragging");
    }
    view.addEventListener("pointerup", release);
    view.addEventListener("pointercancel", release);
    view.addEventListener("dblclick", function (event) {
      var r = view.getBoundingClientRect();
      zoom(event.shiftKey ? 0.5 : 2, event.clientX - r.left, event.clientY - r.top);
    });
    if (window.ResizeObserver) {
      new ResizeObserver(function () {
        if (view.clientWidth !== state.width && (state.fitted || !state.width)) fit();
      }).observe(view);
    }
    fit();
  });
})();
)js";

// `svg` (an SVG document) as a <figure class="drawing zoom">: the drawing made fit for the page
// by svgForHtml(svg, idPrefix), the zoom controls (hidden until the script shows them), and, when
// `file` is not empty, a link to it: the full drawing beside the page (a relative path, escaped).
// Nothing when `svg` is empty.
void appendZoomableDrawing(std::string& out, std::string_view svg, std::string_view idPrefix,
                           std::string_view file);

}  // namespace cloudplan::exporters
