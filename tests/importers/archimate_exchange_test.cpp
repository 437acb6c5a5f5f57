// The Open Group exchange format (3.0, 3.1 and 2.1) read through readInputs: the reference models
// of ../shared/reference/archimate with their counts, names in several languages, property
// definitions, organizations, encodings, and every kind of bad or hostile XML with its message.
#include "importers/archimate/archimate_exchange.h"

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "importers/archimate/xml_document.h"
#include "tests/importers/archimate_fixture.h"
#include "tests/temp_folder.h"

namespace fs = std::filesystem;
using namespace cloudplan;
using Lines = std::vector<std::string>;
using testing::TempFolder;

namespace {

const std::string kReference = CLOUDPLAN_SOURCE_DIR "/../shared/reference/archimate/";
const std::string kData = CLOUDPLAN_SOURCE_DIR "/tests/data/archimate/";

using Result = testing::ArchimateRead;

Result read(const std::vector<std::string>& paths, const std::string& strip,
            const std::string& defaultAgency = "REF") {
  return testing::readArchimate(paths, strip, defaultAgency);
}

std::string prefixOf(const TempFolder& folder) {
  return folder.path().string() + "/";
}

// A minimal exchange model around `body` (elements, relationships, ...).
std::string model(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" identifier=\"id-m\">\n"
         "  <name xml:lang=\"en\">Test</name>\n" +
         body + "</model>\n";
}

}  // namespace

TEST_CASE("every exchange reference model is read with its element and relationship counts") {
  struct Expected {
    const char* file;
    uint32_t elements, relationships;
    size_t systems, dependencies;
  };
  // Elements, relationships and system types as in the reference README; dependencies as the
  // mapping derives them (checked by hand on the small models).
  const Expected expected[] = {
      {"archi-tools-rb/ArchiMetal V3.xml", 565, 724, 53, 48},
      {"archi-tools-rb/ArchiSurance V3.xml", 119, 179, 23, 17},
      {"archi-tools-rb/Basic_Model.xml", 2, 1, 0, 0},
      {"archi-tools-rb/Basic_Model_Metadata.xml", 2, 1, 0, 0},
      {"archi-tools-rb/Basic_Model_Organization.xml", 2, 1, 0, 0},
      {"archi-tools-rb/Basic_Model_Properties.xml", 2, 1, 0, 0},
      {"archi-tools-rb/Model_View.xml", 5, 5, 0, 0},
      {"archi-tools-rb/archisurance.xml", 120, 178, 26, 17},
      {"archi-tools-rb/everything.xml", 61, 24, 12, 0},
      {"archi-tools-rb/location.xml", 3, 2, 3, 2},
      {"archi-tests/xmlexchange/Sample1.xml", 2, 1, 0, 0},
      {"archi-tests/xmlexchange/bendpoint.test.xml", 2, 2, 0, 0},
      {"arktect/aoeff_3_0_sparx.xml", 97, 45, 14, 4},
      {"arktect/aoeff_3_1_archi_5_0_2.xml", 92, 42, 15, 6},
      {"arktect/aoeff_3_1_visual_paradigm.xml", 97, 46, 14, 4},
      {"opengroup-xmlexchange/archisurance.xml", 120, 178, 26, 17},
      {"opengroup-xmlexchange/sample1.xml", 2, 1, 0, 0},
  };
  for (const Expected& e : expected) {
    INFO(e.file);
    const auto r = read({kReference + e.file}, kReference);
    CHECK(r.diagnostics.count(models::Severity::error) == 0);
    CHECK(r.report.models == 1);
    CHECK(r.report.elements == e.elements);
    CHECK(r.report.relationships == e.relationships);
    CHECK(r.inventory.systems.size() == e.systems);
    CHECK(r.report.systems == e.systems);
    CHECK(r.inventory.dependencies.size() == e.dependencies);
    REQUIRE(r.inventory.files.size() == 1);
    CHECK(r.inventory.files[0].kind == models::InputKind::archimate);
  }
}

TEST_CASE("two compositions between the same pair merge with the csv rules' warning") {
  const auto r = read({kReference + "arktect/aoeff_3_1_archi_5_0_2.xml"}, kReference);
  CHECK(r.lines ==
        Lines{"arktect/aoeff_3_1_archi_5_0_2.xml:298: warning: dependency "
              "'id-4ff521e69d724ae88c5a2324008613e7' -> 'id-19fa020f3e6b42f79fcfb8a880795720' is "
              "listed again (first at arktect/aoeff_3_1_archi_5_0_2.xml:297); merged into one, "
              "coupling 'tight' [repeated-dependency]",
              "arktect/aoeff_3_1_archi_5_0_2.xml:300: warning: dependency "
              "'id-4ff521e69d724ae88c5a2324008613e7' -> 'id-c9ca897b441643b5b37d44057140f3d7' is "
              "listed again (first at arktect/aoeff_3_1_archi_5_0_2.xml:299); merged into one, "
              "coupling 'tight' [repeated-dependency]"});
}

TEST_CASE("a property whose definition does not exist is an error (aoeff_3_1.xml, on purpose)") {
  const auto r = read({kReference + "arktect/aoeff_3_1.xml"}, kReference);
  const std::string fix =
      "; the property is skipped (define it under <propertyDefinitions>, or fix the reference) "
      "[unknown-reference]";
  CHECK(r.lines ==
        Lines{"arktect/aoeff_3_1.xml:14: error: property definition reference 'Description' "
              "does not exist" +
                  fix,
              "arktect/aoeff_3_1.xml:17: error: property definition reference 'Maturity' does "
              "not exist" +
                  fix,
              "arktect/aoeff_3_1.xml:20: error: property definition reference 'Has Owner' does "
              "not exist" +
                  fix});
  CHECK(r.report.elements == 97);
  CHECK(r.report.relationships == 46);
  CHECK(r.inventory.systems.size() == 14);
}

TEST_CASE("the 2.1 exchange format and its 3.0 twin give the same systems and dependencies") {
  const auto old = read({kReference + "archi-tools-rb/archisurance.xml"}, kReference);
  const auto now = read({kReference + "opengroup-xmlexchange/archisurance.xml"}, kReference);
  REQUIRE(old.inventory.systems.size() == now.inventory.systems.size());
  for (size_t s = 0; s < old.inventory.systems.size(); ++s) {
    CHECK(old.inventory.systems[s].id == now.inventory.systems[s].id);
    CHECK(old.inventory.systems[s].name == now.inventory.systems[s].name);
    CHECK(old.inventory.systems[s].type == now.inventory.systems[s].type);
  }
  CHECK(old.report.dependenciesByRule == now.report.dependenciesByRule);
  CHECK(old.report.systemsByType == now.report.systemsByType);
  CHECK(old.report.systemsByType.count("CommunicationNetwork") == 1);  // 2.1 "Network"
}

TEST_CASE("a windows-1252 or ISO-8859-1 file is converted to utf-8") {
  const auto sparx = read({kReference + "arktect/aoeff_3_0_sparx.xml"}, kReference);
  CHECK(sparx.lines.empty());  // declared windows-1252 (its bytes happen to be ASCII)
  TempFolder folder;
  const auto file = [&](const std::string& name, const std::string& encoding,
                        const std::string& element) {
    return folder.write(name,
                        "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>\n" +
                            model("  <elements>\n    " + element + "\n  </elements>\n").substr(39));
  };
  const auto r =
      read({file("cp1252.xml", "windows-1252",
                 "<element identifier=\"a\" xsi:type=\"Node\"><name>Caf\xe9 \x80</name></element>"),
            file("latin1.xml", "ISO-8859-1",
                 "<element identifier=\"b\" xsi:type=\"Node\"><name>\xa3 \xff</name></element>")},
           prefixOf(folder));
  CHECK(r.lines.empty());
  REQUIRE(r.inventory.systems.size() == 2);
  CHECK(r.inventory.systems[0].name == "Caf\xc3\xa9 \xe2\x82\xac");
  CHECK(r.inventory.systems[1].name == "\xc2\xa3 \xc3\xbf");
}

TEST_CASE("a byte that the declared encoding lacks, or another encoding, is an error") {
  TempFolder folder;
  const auto cp1252 =
      folder.write("undefined.xml",
                   "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<model>\n\x81</model>\n");
  const auto other =
      folder.write("sjis.xml", "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n<model/>\n");
  const auto utf16 = folder.write("utf16.xml", std::string("\xFF\xFE<\0m\0", 6));
  const auto latin = folder.write("undeclared.xml", model("<!-- caf\xe9 -->\n"));
  const auto r = read({cp1252, other, utf16, latin}, prefixOf(folder));
  CHECK(r.lines ==
        Lines{"sjis.xml:1: error: the file declares encoding 'Shift_JIS', which cloudplan does "
              "not read (save it as UTF-8) [unsupported-encoding]",
              "undeclared.xml:4: error: not UTF-8 (byte 0xe9) (name the file's encoding in its "
              "first line, as in <?xml version=\"1.0\" encoding=\"windows-1252\"?>, or save it as "
              "UTF-8) [not-utf8]",
              "undefined.xml:3: error: byte 0x81 is not a character of the declared encoding "
              "'windows-1252' (save the file as UTF-8) [not-utf8]",
              "utf16.xml:1: error: the file is UTF-16; cloudplan reads UTF-8 (save it as UTF-8) "
              "[not-utf8]"});
}

TEST_CASE("names in several languages use the model's first language and keep the others") {
  TempFolder folder;
  const auto path = folder.write(
      "langs.xml",
      "<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" identifier=\"m\">\n"
      "  <name xml:lang=\"pt\">Modelo</name>\n  <name xml:lang=\"en\">Model</name>\n"
      "  <elements>\n"
      "    <element identifier=\"a\" xsi:type=\"ApplicationComponent\">\n"
      "      <name xml:lang=\"en\">Payroll</name>\n      <name xml:lang=\"pt\">Folha</name>\n"
      "      <name xml:lang=\"fr\">Paie</name>\n"
      "      <documentation xml:lang=\"pt\">Paga</documentation>\n"
      "    </element>\n  </elements>\n</model>\n");
  const auto r = read({path}, prefixOf(folder));
  REQUIRE(r.inventory.systems.size() == 1);
  const auto& system = r.inventory.systems[0];
  CHECK(system.name == "Folha");
  CHECK(system.documentation == "Paga");
  std::vector<std::pair<std::string, std::string>> properties;
  for (const auto& p : r.inventory.propertiesOf(system.properties))
    properties.emplace_back(p.key, p.value);
  CHECK(properties == std::vector<std::pair<std::string, std::string>>{{"name@en", "Payroll"},
                                                                       {"name@fr", "Paie"}});
}

TEST_CASE("typed property definitions name the properties, in 3.x and in 2.1") {
  const auto r = read({kReference + "archi-tools-rb/Basic_Model_Properties.xml"}, kReference);
  CHECK(r.lines.empty());
  TempFolder folder;
  const auto path = folder.write(
      "v21.xml",
      "<model xmlns=\"http://www.opengroup.org/xsd/archimate\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" identifier=\"m\">\n"
      "  <name>Old</name>\n  <elements>\n"
      "    <element identifier=\"n\" xsi:type=\"Node\">\n      <label>Host</label>\n"
      "      <properties><property identifierref=\"p1\"><value>MOD</value></property>"
      "</properties>\n    </element>\n  </elements>\n"
      "  <propertydefs><propertydef identifier=\"p1\" name=\"agency\" type=\"string\"/>"
      "</propertydefs>\n</model>\n");
  const auto old = read({path}, prefixOf(folder), "");
  CHECK(old.lines.empty());
  REQUIRE(old.inventory.systems.size() == 1);
  CHECK(old.inventory.systems[0].name == "Host");
  CHECK(old.inventory.systems[0].type == models::SystemType::infrastructure);
  CHECK(old.inventory.agencies[old.inventory.systems[0].agency].code == "MOD");
}

TEST_CASE("readArchimateExchange reads a text into a model") {
  models::Diagnostics diagnostics;
  importers::InventoryBuilder builder(diagnostics);
  const uint32_t file = builder.addFile("model.xml", models::InputKind::archimate);
  const auto read = importers::readArchimateExchange(
      builder, file,
      model("  <elements>\n    <element identifier=\"a\" xsi:type=\"ApplicationComponent\">"
            "<name>A</name></element>\n"
            "    <element identifier=\"s\" xsi:type=\"ApplicationService\"><name>S</name>"
            "</element>\n  </elements>\n  <relationships>\n"
            "    <relationship identifier=\"r\" source=\"a\" target=\"s\" "
            "xsi:type=\"Realization\"/>\n  </relationships>\n"
            "  <organizations><item><label>X - Agency X</label><item identifierRef=\"a\"/>"
            "</item></organizations>\n"));
  REQUIRE(read);
  CHECK(diagnostics.all().empty());
  CHECK(read->name == "Test");
  REQUIRE(read->elements.size() == 2);
  CHECK(read->elements[0].type == "ApplicationComponent");
  CHECK(read->elements[0].where.line == 5);
  REQUIRE(read->relationships.size() == 1);
  CHECK(read->relationships[0].type == "Realization");
  CHECK(read->relationships[0].source == "a");
  REQUIRE(read->folders.size() == 1);
  CHECK(read->folders[0].label == "X - Agency X");
  REQUIRE(read->memberships.size() == 1);
  CHECK(read->memberships[0].identifier == "a");
}

TEST_CASE("xml that is not well-formed is an error with the parser's line") {
  TempFolder folder;
  const auto mismatched = folder.write(
      "mismatched.xml", model("  <elements>\n    <element identifier=\"a\" "
                              "xsi:type=\"Node\"><name>A</name></elements>\n  </elements>\n"));
  const auto attribute =
      folder.write("attribute.xml", "<model>\n  <elements a=\"1\" a=\"2\"/>\n</model>\n");
  const auto roots = folder.write("roots.xml", "<model/>\n\n<model/>\n");
  const auto text = folder.write("text.xml", "<model/>\ntrailing words\n");
  const auto bare = folder.write("bare.xml", "<model>\n  <name>Fish & Chips</name>\n</model>\n");
  const auto empty = folder.write("empty.xml", "<?xml version=\"1.0\"?>\n");
  const auto r = read({mismatched, attribute, roots, text, bare, empty}, prefixOf(folder));
  CHECK(r.lines ==
        Lines{"attribute.xml:2: error: not well-formed XML: an attribute of element 'elements' "
              "is malformed (quote every value, and give each attribute once) "
              "(XML_ERROR_PARSING_ATTRIBUTE) [bad-xml]",
              "bare.xml:2: error: not well-formed XML: a '&' that starts no entity reference "
              "(write a literal '&' as &amp;) [bad-xml]",
              "empty.xml:1: error: the file holds no XML element (is it empty?) [empty-file]",
              "mismatched.xml:5: error: not well-formed XML: element 'element' is not closed by "
              "its own end tag, or its tag is malformed (XML_ERROR_MISMATCHED_ELEMENT) [bad-xml]",
              "roots.xml:3: error: not well-formed XML: a second root element 'model' after "
              "'model' (line 1); a file has one root element [bad-xml]",
              "text.xml:2: error: not well-formed XML: text where none may be (after the root "
              "element, or a '<' in text: write it as &lt;) (XML_ERROR_PARSING_TEXT) [bad-xml]"});
  CHECK(r.inventory.systems.empty());
}

TEST_CASE("a truncated file is an error that says it ends too soon") {
  std::ifstream in(kData + "mapping.xml", std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  text.resize(text.find("<relationship identifier=\"id-r05\""));
  TempFolder folder;
  const auto r = read({folder.write("cut.xml", text)}, prefixOf(folder));
  CHECK(r.lines == Lines{"cut.xml:72: error: not well-formed XML: the file ends before its root "
                         "element 'model' is closed (is it cut short? TinyXML-2 stopped at line "
                         "68: XML_ERROR_PARSING) [bad-xml]"});
  CHECK(r.inventory.systems.empty());
}

TEST_CASE("an unknown root element or namespace is named in the error") {
  TempFolder folder;
  const auto svg = folder.write("drawing.xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
  const auto bare = folder.write("bare.xml", "<?xml version=\"1.0\"?>\n<model/>\n");
  const std::string known =
      ", which is not an ArchiMate model that cloudplan reads (an exchange model is <model "
      "xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\">, an Archi model <archimate:model "
      "xmlns:archimate=\"http://www.archimatetool.com/archimate\">) [unknown-format]";
  const auto r = read({svg, bare}, prefixOf(folder));
  CHECK(r.lines == Lines{"bare.xml:2: error: the root element is 'model' in no namespace" + known,
                         "drawing.xml:1: error: the root element is 'svg' in namespace "
                         "'http://www.w3.org/2000/svg'" +
                             known});
  REQUIRE(r.inventory.files.size() == 2);
  CHECK(r.inventory.files[0].kind == models::InputKind::archimate);
}

TEST_CASE("a document type declaration is refused, so entities never expand (billion laughs)") {
  const auto r = read({kData + "billion-laughs.xml"}, kData);
  CHECK(r.lines == Lines{"billion-laughs.xml:2: error: the file has a document type declaration "
                         "(<!DOCTYPE ...>); cloudplan never reads DTDs or expands their entities "
                         "(remove the declaration: ArchiMate files need none) [doctype-refused]"});
  CHECK(r.inventory.systems.empty());
}

TEST_CASE("an external entity is never read (it names /etc/passwd)") {
  const auto r = read({kData + "external-entity.xml"}, kData);
  CHECK(r.lines == Lines{"external-entity.xml:2: error: the file has a document type declaration "
                         "(<!DOCTYPE ...>); cloudplan never reads DTDs or expands their entities "
                         "(remove the declaration: ArchiMate files need none) [doctype-refused]"});
  CHECK(r.inventory.systems.empty());
  for (const auto& d : r.diagnostics.all())
    CHECK(d.message.find("root:") == std::string::npos);
}

TEST_CASE("a reference to an undefined entity is an error, not text") {
  const auto r = read({kData + "undefined-entity.xml"}, kData);
  CHECK(r.lines == Lines{"undefined-entity.xml:3: error: entity reference '&secret;' is not "
                         "defined (without a DTD, XML defines only &amp; &lt; &gt; &quot; &apos; "
                         "and character references; cloudplan never reads DTDs) "
                         "[undefined-entity]"});
}

TEST_CASE("predefined and character references are read, in comments anything goes") {
  TempFolder folder;
  const auto path = folder.write(
      "refs.xml", model("  <!-- &nbsp; & < -->\n  <elements>\n    <element identifier=\"a\" "
                        "xsi:type=\"Node\"><name>A &amp; B &#x41;&#66; &lt;&gt;&quot;&apos;"
                        "<![CDATA[ & ]]></name></element>\n  </elements>\n"));
  const auto r = read({path}, prefixOf(folder));
  CHECK(r.lines.empty());
  REQUIRE(r.inventory.systems.size() == 1);
  CHECK(r.inventory.systems[0].name == "A & B AB <>\"' &");  // trimmed
}

TEST_CASE("nesting 100000 elements deep is an error, not a crash") {
  std::string deep = model("");
  deep.resize(deep.find("</model>"));
  for (int i = 0; i < 100000; ++i)
    deep += "<item>";
  TempFolder folder;
  const auto r = read({folder.write("deep.xml", deep)}, prefixOf(folder));
  CHECK(r.lines == Lines{"deep.xml:4: error: not well-formed XML: elements nest deeper than 100 "
                         "levels, TinyXML-2's limit (is this an ArchiMate model?) "
                         "(XML_ELEMENT_DEPTH_EXCEEDED) [bad-xml]"});
}

TEST_CASE("a character reference to what XML does not allow is an error at its line") {
  TempFolder folder;
  std::vector<std::string> paths;
  for (const auto& [name, reference] :
       {std::pair{"surrogate.xml", "&#xD800;"}, std::pair{"beyond.xml", "&#x110000;"},
        std::pair{"noncharacter.xml", "&#xFFFE;"}, std::pair{"nul.xml", "&#0;"},
        std::pair{"huge.xml", "&#99999999999999999999;"}}) {
    paths.push_back(folder.write(name, model(fmt::format("  <elements>\n    <element "
                                                         "identifier=\"a\" xsi:type=\"Node\">\n"
                                                         "      <name>A{}B</name>\n    </element>\n"
                                                         "  </elements>\n",
                                                         reference))));
  }
  paths.push_back(folder.write(
      "attribute.xml", model("  <elements>\n    <element identifier=\"a&#x1F;\" "
                             "xsi:type=\"Node\"><name>A</name></element>\n  </elements>\n")));
  const auto r = read(paths, prefixOf(folder));
  const std::string rest = "(remove it, or write the intended character itself) [bad-xml]";
  CHECK(r.lines ==
        Lines{"attribute.xml:5: error: not well-formed XML: character reference '&#x1F;' names no "
              "character XML allows: U+001F is a control character " +
                  rest,
              "beyond.xml:6: error: not well-formed XML: character reference '&#x110000;' names no "
              "character XML allows: it is past U+10FFFF, the last Unicode character " +
                  rest,
              "huge.xml:6: error: not well-formed XML: character reference "
              "'&#99999999999999999999;' names no character XML allows: it is past U+10FFFF, the "
              "last Unicode character " +
                  rest,
              "noncharacter.xml:6: error: not well-formed XML: character reference '&#xFFFE;' "
              "names no character XML allows: U+FFFE is a noncharacter " +
                  rest,
              "nul.xml:6: error: not well-formed XML: character reference '&#0;' names no "
              "character XML allows: U+0000 is a control character " +
                  rest,
              "surrogate.xml:6: error: not well-formed XML: character reference '&#xD800;' names "
              "no character XML allows: U+D800 is a surrogate (half of a UTF-16 pair) " +
                  rest});
  CHECK(r.inventory.systems.empty());
}

TEST_CASE("the edges of XML's characters are read, by reference or written") {
  TempFolder folder;
  const auto path = folder.write(
      "edges.xml", model("  <elements>\n    <element identifier=\"a\" xsi:type=\"Node\"><name>"
                         "&#x9;&#xD7FF;&#xE000;&#xFFFD;&#x10000;&#x10FFFF;&#x0000000041;"
                         "\xEF\xBF\xBD|</name></element>\n  </elements>\n"));
  const auto r = read({path}, prefixOf(folder));
  CHECK(r.lines.empty());
  REQUIRE(r.inventory.systems.size() == 1);
  CHECK(r.inventory.systems[0].name ==
        "\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBD\xF0\x90\x80\x80\xF4\x8F\xBF\xBF"
        "A\xEF\xBF\xBD|");
}

TEST_CASE("a character XML does not allow, written as itself, is an error at its line") {
  TempFolder folder;
  const auto control = folder.write(
      "control.xml", model("  <elements>\n    <element identifier=\"a\" xsi:type=\"Node\">"
                           "<name>A\x01</name></element>\n  </elements>\n"));
  const auto comment =
      folder.write("comment.xml", model("\n  <!-- U+FFFF \xEF\xBF\xBF is not allowed here -->\n"));
  const auto r = read({control, comment}, prefixOf(folder));
  CHECK(r.lines == Lines{"comment.xml:5: error: not well-formed XML: a character XML does not "
                         "allow: U+FFFF is a noncharacter (remove it) [bad-xml]",
                         "control.xml:5: error: not well-formed XML: a character XML does not "
                         "allow: U+0001 is a control character (remove it) [bad-xml]"});
}

// TinyXML-2 checks each attribute against those before it: 100000 attributes took 38 s.
TEST_CASE("an element of more than 100 attributes is refused before TinyXML-2 compares them") {
  const auto element = [](size_t attributes) {
    std::string text = "<element identifier=\"a\" xsi:type=\"Node\"";
    for (size_t i = 1; i < attributes - 1; ++i)
      text += fmt::format(" a{}=\"{}\"", i, i);
    return text + "><name>A</name></element>\n";
  };
  REQUIRE(importers::kMostAttributesPerElement == 100);
  TempFolder folder;
  const auto most =
      folder.write("most.xml", model("  <elements>\n" + element(100) + "  </elements>\n"));
  const auto more =
      folder.write("more.xml", model("  <elements>\n" + element(101) + "  </elements>\n"));
  std::string root = "<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\"";
  for (size_t i = 0; i < 100000; ++i)
    root += fmt::format("\n a{}=''", i);
  const auto huge = folder.write("huge.xml", root + ">\n</model>\n");
  const auto r = read({most, more, huge}, prefixOf(folder));
  CHECK(r.lines ==
        Lines{"huge.xml:1: error: element 'model' has more than 100 attributes, cloudplan's limit "
              "(is this an ArchiMate model? an element of one has a handful) [too-many-attributes]",
              "more.xml:5: error: element 'element' has more than 100 attributes, cloudplan's "
              "limit (is this an ArchiMate model? an element of one has a handful) "
              "[too-many-attributes]"});
  CHECK(r.inventory.systems.size() == 1);
}

TEST_CASE("a file of more than 5000000 elements is refused before it is parsed") {
  REQUIRE(importers::kMostElements == 5'000'000);
  std::string text = model("");
  text.resize(text.find("</model>"));
  text.reserve(text.size() + 6 * importers::kMostElements);
  // With the root and its <name>: one element too many, the last.
  for (size_t i = 0; i < importers::kMostElements - 1; ++i)
    text += "<a/>\n";
  TempFolder folder;
  const auto r = read({folder.write("many.xml", text + "</model>\n")}, prefixOf(folder));
  CHECK(r.lines == Lines{"many.xml:5000002: error: the file has more than 5000000 elements, "
                         "cloudplan's limit (is this an ArchiMate model? split the model, or "
                         "leave out its views) [too-many-elements]"});
}

TEST_CASE("duplicate identifiers are errors naming the first place") {
  TempFolder folder;
  const auto path = folder.write(
      "dup.xml",
      model("  <elements>\n"
            "    <element identifier=\"a\" xsi:type=\"Node\"><name>A</name></element>\n"
            "    <element identifier=\"a\" xsi:type=\"Node\"><name>A again</name></element>\n"
            "  </elements>\n  <relationships>\n"
            "    <relationship identifier=\"a\" source=\"a\" target=\"a\" xsi:type=\"Flow\"/>\n"
            "  </relationships>\n  <propertyDefinitions>\n"
            "    <propertyDefinition identifier=\"p\" type=\"string\"><name>x</name>"
            "</propertyDefinition>\n"
            "    <propertyDefinition identifier=\"p\" type=\"string\"><name>y</name>"
            "</propertyDefinition>\n  </propertyDefinitions>\n"));
  const auto r = read({path}, prefixOf(folder));
  CHECK(r.lines == Lines{"dup.xml:6: error: duplicate identifier 'a'; the element is skipped "
                         "(first defined at dup.xml:5) [duplicate-id]",
                         "dup.xml:9: error: duplicate identifier 'a'; the relationship is skipped "
                         "(first defined at dup.xml:5) [duplicate-id]",
                         "dup.xml:13: error: duplicate identifier 'p'; the property definition "
                         "is skipped (first defined at dup.xml:12) [duplicate-id]"});
  REQUIRE(r.inventory.systems.size() == 1);
  CHECK(r.inventory.systems[0].name == "A");
}

TEST_CASE("a relationship whose end is not an element of the model is an error") {
  TempFolder folder;
  const auto path = folder.write(
      "ends.xml",
      model("  <elements>\n"
            "    <element identifier=\"a\" xsi:type=\"Node\"><name>A</name></element>\n"
            "  </elements>\n  <relationships>\n"
            "    <relationship identifier=\"r1\" source=\"a\" target=\"nowhere\" "
            "xsi:type=\"Serving\"/>\n"
            "    <relationship identifier=\"r2\" source=\"\" target=\"a\" xsi:type=\"Serving\"/>\n"
            "    <relationship identifier=\"r3\" source=\"a\" target=\"r1\" "
            "xsi:type=\"Association\"/>\n  </relationships>\n"));
  const std::string fix =
      ", which is not an element of the model; the relationship is skipped (fix the reference, "
      "or remove the relationship) [unknown-reference]";
  const auto r = read({path}, prefixOf(folder));
  CHECK(r.lines == Lines{"ends.xml:8: error: relationship 'r1' has target 'nowhere'" + fix,
                         "ends.xml:9: error: relationship 'r2' has source ''" + fix});
  CHECK(r.report.relationshipsNotPlanned == std::map<std::string, uint32_t>{{"Association", 1}});
}
