#include "exporters/reports/html_pan_zoom.h"

#include <catch2/catch.hpp>

namespace cloudplan::exporters {
namespace {

TEST_CASE("a zoomable drawing is the SVG made fit for the page, its controls and its link") {
  std::string html;
  appendZoomableDrawing(html,
                        "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                        "viewBox=\"0 0 4 2\"><g id=\"graph0\"/></svg>",
                        "overview-", "overview.svg");
  CHECK(html.find("<figure class=\"drawing zoom\"><div class=\"zoom-bar\" hidden>") == 0);
  CHECK(html.find("<div class=\"zoom-view\"><svg viewBox=\"0 0 4 2\"><g "
                  "id=\"overview-graph0\"/></svg></div><figcaption>The full drawing: <a "
                  "href=\"overview.svg\">overview.svg</a>, beside this page.</figcaption>"
                  "</figure>\n") != std::string::npos);
  for (const char* action : {"in", "out", "fit", "actual"})
    CHECK(html.find(std::string("data-zoom=\"") + action + "\"") != std::string::npos);
}

TEST_CASE("a drawing's link is a relative path that finds the file as it is named") {
  std::string html;
  appendZoomableDrawing(html, "<svg/>", "a-", "agencies/MOF%2Fx y\"><script>.svg");
  CHECK(html.find("<a href=\"agencies/MOF%252Fx%20y%22%3E%3Cscript%3E.svg\">agencies/MOF%2Fx "
                  "y&quot;&gt;&lt;script&gt;.svg</a>") != std::string::npos);
  html.clear();
  appendZoomableDrawing(html, "<svg/>", "a-", "javascript:alert(1)");
  CHECK(html.find("href=\"javascript%3Aalert%281%29\"") != std::string::npos);
}

TEST_CASE("no drawing, no figure, no file, no link") {
  std::string html;
  appendZoomableDrawing(html, "", "a-", "overview.svg");
  CHECK(html.empty());
  appendZoomableDrawing(html, "<svg/>", "a-", "");
  CHECK(html.find("<figure class=\"drawing zoom\">") == 0);
  CHECK(html.find("<a ") == std::string::npos);
}

}  // namespace
}  // namespace cloudplan::exporters
