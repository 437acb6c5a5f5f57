#include "exporters/reports/html_pan_zoom.h"

#include "exporters/reports/html_escape.h"
#include "exporters/reports/html_report.h"

namespace cloudplan::exporters {

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
    out += "<figcaption>The full drawing: <a href=\"" + hrefFor(file) + "\">";
    appendHtmlEscaped(out, file);
    out += "</a>, beside this page.</figcaption>";
  }
  out += "</figure>\n";
}

}  // namespace cloudplan::exporters
