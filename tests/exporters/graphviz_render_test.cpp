#include "exporters/graphviz/graphviz_render.h"

#include <catch2/catch.hpp>

namespace cloudplan::exporters {
namespace {

void smallGraph(GraphDocument& graph) {
  const NodeHandle a = graph.node(nullptr, "MOF/payroll");
  const NodeHandle b = graph.node(nullptr, "DGA/sso");
  graph.set(a, "label", graphvizLabelText("<script>alert(1)</script> & co"));
  graph.edge(a, b);
}

std::string render(ImageFormat format) {
  GraphDocument graph("g");
  smallGraph(graph);
  GraphvizRenderer renderer;
  std::string error;
  const ImageFormat formats[] = {format};
  const auto images = renderer.render(graph, formats, error);
  INFO(error);
  REQUIRE(images);
  return images->front();
}

TEST_CASE("a graph is laid out and drawn as SVG in process") {
  const std::string svg = render(ImageFormat::svg);
  CHECK(svg.find("<svg") != std::string::npos);
  CHECK(svg.find("<title>MOF/payroll</title>") != std::string::npos);
  CHECK(svg.find("<title>MOF/payroll&#45;&gt;DGA/sso</title>") != std::string::npos);
}

TEST_CASE("a label with markup is drawn as text") {
  const std::string svg = render(ImageFormat::svg);
  CHECK(svg.find("<script>") == std::string::npos);
  CHECK(svg.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co") != std::string::npos);
}

TEST_CASE("the same graph gives the same SVG bytes") {
  CHECK(render(ImageFormat::svg) == render(ImageFormat::svg));
}

TEST_CASE("PNG and PDF are drawn on request and the PDF has no creation date") {
  const std::string png = render(ImageFormat::png);
  CHECK(png.substr(0, 8) == "\x89PNG\r\n\x1a\n");
  const std::string pdf = render(ImageFormat::pdf);
  CHECK(pdf.substr(0, 5) == "%PDF-");
  CHECK(pdf.find("/CreationDate") == std::string::npos);
  CHECK(render(ImageFormat::pdf) == pdf);
}

TEST_CASE("one renderer draws several formats of a graph in their order") {
  GraphDocument graph("g");
  smallGraph(graph);
  GraphvizRenderer renderer;
  std::string error;
  const ImageFormat formats[] = {ImageFormat::pdf, ImageFormat::svg};
  const auto images = renderer.render(graph, formats, error);
  REQUIRE(images);
  REQUIRE(images->size() == 2);
  CHECK((*images)[0].substr(0, 5) == "%PDF-");
  CHECK((*images)[1].find("<svg") != std::string::npos);
}

TEST_CASE("the creation date of a PDF is blanked without moving any byte") {
  std::string pdf = "1 0 obj << /Producer (cairo) /CreationDate (D:20261125152128Z) >> endobj";
  const size_t length = pdf.size();
  stripPdfCreationDate(pdf);
  CHECK(pdf.size() == length);
  CHECK(pdf == "1 0 obj << /Producer (cairo) " + std::string(33, ' ') + " >> endobj");
}

TEST_CASE("image formats are named for the command line") {
  CHECK(models::parseName<ImageFormat>("PNG") == ImageFormat::png);
  CHECK(models::nameOf(ImageFormat::pdf) == "pdf");
  CHECK_FALSE(models::parseName<ImageFormat>("gif"));
}

}  // namespace
}  // namespace cloudplan::exporters
