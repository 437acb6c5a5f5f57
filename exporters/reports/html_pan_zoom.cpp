#include "exporters/reports/html_pan_zoom.h"

#include <fmt/format.h>

#include "exporters/reports/html_escape.h"
#include "exporters/reports/html_report.h"

namespace cloudplan::exporters {
namespace {

// A relative path as a link: the bytes a URL gives a meaning to are %XX, so that a file named by
// fileNameFor (MOF%2Fpayroll.svg) is found as it is named; '/' still separates folders.
std::string hrefOf(std::string_view path) {
  std::string href;
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    const bool plain = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                       c == '-' || c == '_' || c == '.' || c == '~' || c == '/';
    href += plain ? std::string(1, c) : fmt::format("%{:02X}", u);
  }
  return href;
}

}  // namespace

void appendZoomableDrawing(std::string& out, std::string_view svg, std::string_view idPrefix,
                           std::string_view file) {
  if (svg.empty()) return;
  out +=
      "<figure class=\"drawing zoom\"><div class=\"zoom-bar\" hidden>"
      "<button type=\"button\" data-zoom=\"in\" title=\"Zoom in\">+</button>"
      "<button type=\"button\" data-zoom=\"out\" title=\"Zoom out\">&#8722;</button>"
      "<button type=\"button\" data-zoom=\"fit\" title=\"The whole drawing\">Fit</button>"
      "<button type=\"button\" data-zoom=\"actual\" title=\"Actual size\">1:1</button>"
      "<output></output><span class=\"hint\">Ctrl + wheel or double-click to zoom, drag to "
      "move</span></div>\n<div class=\"zoom-view\">";
  out += svgForHtml(svg, idPrefix);
  out += "</div>";
  if (!file.empty()) {
    out += "<figcaption>The full drawing: <a href=\"" + hrefOf(file) + "\">";
    appendHtmlEscaped(out, file);
    out += "</a>, beside this page.</figcaption>";
  }
  out += "</figure>\n";
}

}  // namespace cloudplan::exporters
