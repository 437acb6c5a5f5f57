// The progress file of a re-plan: each status, the spreadsheet's ways of writing a CSV file, and
// every problem, with its line, in one run.
#include "importers/progress/progress_reader.h"

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "importers/input_file.h"
#include "importers/read_inputs.h"
#include "tests/importers/importer_fixture.h"
#include "tests/temp_folder.h"

using namespace cloudplan;
using testing::inventoryOf;
using testing::linesOf;
using Lines = std::vector<std::string>;
using models::ProgressStatus;

namespace {

const std::vector<std::string> kIds = {"MOF/gl", "MOF/ap", "MOH/his", "MOH/lab", "DGA/sso"};

// Reads `text` as progress.csv against kIds (or `ids`).
struct Read {
  explicit Read(std::string text, const std::vector<std::string>& ids = kIds,
                std::string_view encoding = {})
      : inventory(inventoryOf(ids)) {
    progress = importers::readProgressText("progress.csv", std::move(text), inventory, diagnostics,
                                           encoding);
    lines = linesOf(diagnostics);
  }
  std::string idOf(size_t entry) const {
    return std::string(inventory.systems[progress.entries.at(entry).system].id);
  }
  models::Inventory inventory;
  models::Diagnostics diagnostics;
  models::Progress progress;
  Lines lines;
};

}  // namespace

TEST_CASE("a progress file gives each listed system its status, date and note, in file order") {
  const std::string text =
      "id,status,date,note\n"
      "MOF/gl,done,2027-03-28,moved on the weekend\n"
      "MOH/his,in-progress,,\n"
      "MOF/ap,on-hold,,\"waits for the vendor, again\"\n"
      "DGA/sso,planned,,\n"
      "MOH/lab,,,status left blank\n";
  const Read read(text);
  CHECK(read.lines == Lines{});
  CHECK(read.progress.path == "progress.csv");
  CHECK(read.progress.sha256 == importers::sha256Hex(text));
  REQUIRE(read.progress.entries.size() == 5);
  const auto& e = read.progress.entries;
  CHECK(read.idOf(0) == "MOF/gl");
  CHECK(e[0].system == 0);
  CHECK(e[0].status == ProgressStatus::done);
  CHECK(e[0].date == models::parseDate("2027-03-28"));
  CHECK(e[0].note == "moved on the weekend");
  CHECK(e[0].line == 2);
  CHECK(read.idOf(1) == "MOH/his");
  CHECK(e[1].status == ProgressStatus::inProgress);
  CHECK(!e[1].date);
  CHECK(e[1].note.empty());
  CHECK(read.idOf(2) == "MOF/ap");
  CHECK(e[2].status == ProgressStatus::onHold);
  CHECK(e[2].note == "waits for the vendor, again");
  CHECK(read.idOf(3) == "DGA/sso");
  CHECK(e[3].status == ProgressStatus::planned);
  // A blank status is the default, planned.
  CHECK(read.idOf(4) == "MOH/lab");
  CHECK(e[4].status == ProgressStatus::planned);
  CHECK(e[4].line == 6);
}

TEST_CASE("a progress file's header and statuses are read in any case, the cells trimmed") {
  const Read read(
      " ID , Status ,NOTE\n"
      "  MOF/gl ,  DONE  , x\n"
      "MOH/his,In-Progress,\n"
      "MOF/ap,On-Hold,\n");
  CHECK(read.lines == Lines{});
  REQUIRE(read.progress.entries.size() == 3);
  CHECK(read.idOf(0) == "MOF/gl");
  CHECK(read.progress.entries[0].status == ProgressStatus::done);
  CHECK(read.progress.entries[0].note == "x");
  CHECK(read.progress.entries[1].status == ProgressStatus::inProgress);
  CHECK(read.progress.entries[2].status == ProgressStatus::onHold);
}

TEST_CASE("a progress file saved by a spreadsheet is read: byte-order mark, CRLF, semicolons") {
  const std::string text =
      "\xEF\xBB\xBFid;status;date;note\r\nMOF/gl;done;2027-03-28;a, b\r\n"
      "\r\nMOH/his;in-progress;;\r\n";
  const Read read(text);
  CHECK(read.lines == Lines{});
  // The hash is of the bytes as they are on disk, the byte-order mark included.
  CHECK(read.progress.sha256 == importers::sha256Hex(text));
  REQUIRE(read.progress.entries.size() == 2);
  CHECK(read.progress.entries[0].note == "a, b");
  CHECK(read.progress.entries[0].date == models::parseDate("2027-03-28"));
  CHECK(read.progress.entries[1].line == 4);
  CHECK(read.progress.entries[1].status == ProgressStatus::inProgress);
}

TEST_CASE("a progress file in UTF-16 with its byte-order mark is read") {
  const std::string utf8 = "id,status\nMOF/gl,done\n";
  std::string utf16 = "\xFF\xFE";
  for (char c : utf8) {
    utf16 += c;
    utf16 += '\0';
  }
  const Read read(utf16);
  CHECK(read.lines == Lines{});
  REQUIRE(read.progress.entries.size() == 1);
  CHECK(read.progress.entries[0].status == ProgressStatus::done);
}

TEST_CASE("a progress file's other columns are ignored with a warning that names each") {
  const Read read(
      "id,status,owner,wave,,note\n"
      "MOF/gl,done,Ana,3,,\n"
      "MOH/his,planned,,,stray,\n");
  CHECK(
      read.lines ==
      Lines{"progress.csv:1: warning: column 'owner' is not one of a progress file; its values "
            "are ignored (the columns are id, status, date and note) [unknown-column]",
            "progress.csv:1: warning: column 'wave' is not one of a progress file; its values are "
            "ignored (the columns are id, status, date and note) [unknown-column]",
            "progress.csv:3: warning: column 5 has no name in the header; its values, such as "
            "'stray', are ignored (a progress file's columns are id, status, date and note) "
            "[unnamed-column]"});
  REQUIRE(read.progress.entries.size() == 2);
  CHECK(read.progress.entries[0].status == ProgressStatus::done);
}

TEST_CASE("a progress file without its required columns is refused, each missing one named") {
  SECTION("no status") {
    const Read read("id,date\nMOF/gl,2027-01-01\n");
    CHECK(read.lines == Lines{"progress.csv:1: error: missing required column 'status' in a "
                              "progress file (add it to the header; the columns are id, status, "
                              "date and note) [missing-column]"});
    CHECK(read.progress.entries.empty());
  }
  SECTION("neither") {
    const Read read("system,state,owner\nMOF/gl,done,Ana\n");
    CHECK(read.lines == Lines{"progress.csv:1: error: missing required column 'id' in a progress "
                              "file (add it to the header; the columns are id, status, date and "
                              "note) [missing-column]",
                              "progress.csv:1: error: missing required column 'status' in a "
                              "progress file (add it to the header; the columns are id, status, "
                              "date and note) [missing-column]"});
    CHECK(read.progress.entries.empty());
  }
  SECTION("a column twice") {
    const Read read("id,status,Status\nMOF/gl,done,done\n");
    CHECK(read.lines == Lines{"progress.csv:1: error: column 'status' appears twice (keep one) "
                              "[duplicate-column]"});
  }
}

TEST_CASE("an inventory file given as the progress file is named for what it is") {
  SECTION("systems") {
    const Read read("id,name,agency\nMOF/gl,General ledger,MOF\n");
    CHECK(read.lines == Lines{"progress.csv:1: error: this is a systems file of the inventory, "
                              "not a progress file (give the progress file, headed "
                              "id,status,date,note) [not-a-progress-file]"});
    CHECK(read.progress.entries.empty());
  }
  SECTION("agencies") {
    const Read read("code,name\nMOF,Finance\n");
    CHECK(read.lines == Lines{"progress.csv:1: error: this is an agencies file of the "
                              "inventory, not a progress file (give the progress file, headed "
                              "id,status,date,note) [not-a-progress-file]"});
  }
}

TEST_CASE("an empty progress file is refused, a header alone lists no system") {
  for (const std::string text : {"", "\n\n  \n", "\xEF\xBB\xBF", ",,,\n"}) {
    const Read read(text);
    CHECK(read.lines == Lines{"progress.csv:1: error: the file is empty (a progress file starts "
                              "with the header id,status,date,note) [empty-file]"});
    CHECK(read.progress.entries.empty());
  }
  const Read header("id,status,date,note\n");
  CHECK(header.lines == Lines{});
  CHECK(header.progress.entries.empty());
  CHECK(header.progress.sha256 == importers::sha256Hex("id,status,date,note\n"));
}

TEST_CASE("every bad row of a progress file is reported with its line, in one run") {
  const Read read(
      "id,status,date,note\n"
      "MOF/gl,done,2027-03-28,\n"
      ",done,,no id\n"
      "MOF/g1,done,,\n"
      "MOH/hiss,planned,,\n"
      "XYZ/unheard-of,planned,,\n"
      "MOF/gl,in-progress,,again\n"
      "MOH/his,finished,,\n"
      "MOH/lab,in progress,,\n"
      "MOF/ap,done,28/03/2027,\n"
      "DGA/sso,done,last week,\n");
  CHECK(read.lines ==
        Lines{"progress.csv:3: error: empty id; the row is skipped (give the id of a system of the "
              "inventory) [empty-id]",
              "progress.csv:4: error: unknown system 'MOF/g1'; the row is skipped (did you mean "
              "'MOF/gl'?) [unknown-system]",
              "progress.csv:5: error: unknown system 'MOH/hiss'; the row is skipped (did you mean "
              "'MOH/his'?) [unknown-system]",
              "progress.csv:6: error: unknown system 'XYZ/unheard-of'; the row is skipped (list "
              "the systems of the inventory by their ids) [unknown-system]",
              "progress.csv:7: error: duplicate id 'MOF/gl'; the row is skipped (first listed at "
              "progress.csv:2) [duplicate-id]",
              "progress.csv:8: error: status 'finished' is not one of planned, in-progress, done, "
              "on-hold; the row is skipped [bad-value]",
              "progress.csv:9: error: status 'in progress' is not one of planned, in-progress, "
              "done, on-hold; the row is skipped (did you mean 'in-progress'?) [bad-value]",
              "progress.csv:10: error: date '28/03/2027' is not a date: dates are YYYY-MM-DD (did "
              "you mean 2027-03-28?) [bad-date]",
              "progress.csv:11: error: date 'last week' is not a date YYYY-MM-DD (for example "
              "2027-03-01) [bad-date]"});
  // The rows in error are skipped, but those whose only fault is the date.
  REQUIRE(read.progress.entries.size() == 3);
  CHECK(read.idOf(0) == "MOF/gl");
  CHECK(read.idOf(1) == "MOF/ap");
  CHECK(read.progress.entries[1].status == ProgressStatus::done);
  CHECK(!read.progress.entries[1].date);
  CHECK(read.idOf(2) == "DGA/sso");
}

TEST_CASE("a system listed twice is reported at each repeat, naming the first line") {
  const Read read("id,status\nMOF/gl,done\nMOF/ap,done\nMOF/gl,done\nMOF/gl,planned\n");
  CHECK(read.lines ==
        Lines{"progress.csv:4: error: duplicate id 'MOF/gl'; the row is skipped (first listed at "
              "progress.csv:2) [duplicate-id]",
              "progress.csv:5: error: duplicate id 'MOF/gl'; the row is skipped (first listed at "
              "progress.csv:2) [duplicate-id]"});
  CHECK(read.progress.entries.size() == 2);
}

TEST_CASE("a progress file's row of more cells than columns is skipped") {
  const Read read("id,status\nMOF/gl,done,,\nMOF/ap,done,waits, for it\n");
  CHECK(read.lines == Lines{"progress.csv:3: error: 4 cells, but the header has 2 columns; the "
                            "row is skipped (quote a cell that holds a comma) [too-many-cells]"});
  REQUIRE(read.progress.entries.size() == 1);
  CHECK(read.idOf(0) == "MOF/gl");
}

TEST_CASE("a progress file's quoted cells may hold separators, quotes and line breaks") {
  const Read read(
      "\"id\",\"status\",\"note\"\n"
      "\"MOF/gl\",\"done\",\"said \"\"done\"\",\nthen left\"\n"
      "MOF/ap,on-hold,\n");
  CHECK(read.lines == Lines{});
  REQUIRE(read.progress.entries.size() == 2);
  CHECK(read.progress.entries[0].note == "said \"done\",\nthen left");
  CHECK(read.progress.entries[1].line == 4);
}

TEST_CASE("a progress file's unterminated quote stops the reading at its line") {
  const Read read("id,status,note\nMOF/gl,done,\nMOF/ap,done,\"never closed\nMOH/his,done,\n");
  REQUIRE(read.lines.size() == 1);
  CHECK(read.lines[0].starts_with("progress.csv:3: error: "));
  CHECK(read.progress.entries.size() == 1);
}

TEST_CASE("a retained system may be listed: its status is the engine's to report") {
  models::Inventory inventory = inventoryOf({"MOF/gl"});
  models::System retained;
  retained.id = inventory.keep("MOF/mainframe");
  retained.strategy = models::Strategy::retain;
  REQUIRE(inventory.addSystem(retained));
  models::Diagnostics diagnostics;
  const auto progress = importers::readProgressText(
      "progress.csv", "id,status\nMOF/mainframe,done\n", inventory, diagnostics);
  CHECK(diagnostics.all().empty());
  REQUIRE(progress.entries.size() == 1);
  CHECK(progress.entries[0].system == 1);
}

TEST_CASE("a progress file that is not UTF-8 is refused unless its encoding is named") {
  const std::string text = "id,status,note\nMOF/gl,done,r\xE9union\n";
  const Read refused(text);
  REQUIRE(refused.lines.size() == 1);
  CHECK(refused.lines[0].starts_with("progress.csv:2: error: "));
  CHECK(refused.lines[0].find("windows-1252") != std::string::npos);
  CHECK(refused.progress.entries.empty());
  const Read converted(text, kIds, "windows-1252");
  CHECK(converted.lines == Lines{});
  REQUIRE(converted.progress.entries.size() == 1);
  CHECK(converted.progress.entries[0].note == "r\xC3\xA9union");
  CHECK(converted.progress.sha256 == importers::sha256Hex(text));
}

TEST_CASE("a progress file is read from disk under its path") {
  testing::TempFolder folder;
  const models::Inventory inventory = inventoryOf(kIds);
  const std::string text = "id,status\nMOF/gl,done\nMOF/gx,done\n";
  const std::string path = folder.write("progress.csv", text);
  models::Diagnostics diagnostics;
  const auto progress = importers::readProgress(path, inventory, diagnostics);
  CHECK(progress.path == path);
  CHECK(progress.sha256 == importers::sha256Hex(text));
  CHECK(progress.entries.size() == 1);
  CHECK(linesOf(diagnostics) ==
        Lines{path + ":3: error: unknown system 'MOF/gx'; the row is skipped "
                     "(did you mean 'MOF/gl'?) [unknown-system]"});

  models::Diagnostics missing;
  const auto none = importers::readProgress(folder / "nowhere.csv", inventory, missing);
  CHECK(none.entries.empty());
  CHECK(linesOf(missing) ==
        Lines{folder / "nowhere.csv" +
              ": error: cannot read the file (No such file or directory) [cannot-read]"});

  models::Diagnostics notAFile;
  importers::readProgress(folder.path().string(), inventory, notAFile);
  CHECK(linesOf(notAFile) ==
        Lines{folder.path().string() +
              ": error: not a regular file (name the progress file, a CSV file headed "
              "id,status,date,note, or - for standard input) [not-a-file]"});
}

TEST_CASE("a binary file given as the progress file is refused at its NUL byte") {
  testing::TempFolder folder;
  const models::Inventory inventory = inventoryOf(kIds);
  const std::string path =
      folder.write("progress.csv", std::string("id,status\nMOF/gl,done\nMOF/ap,do\0ne\n", 33));
  models::Diagnostics diagnostics;
  const auto progress = importers::readProgress(path, inventory, diagnostics);
  CHECK(progress.entries.empty());
  const Lines lines = linesOf(diagnostics);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].starts_with(path + ":3: error: "));
  // The same bytes handed over whole are refused the same way.
  const Read read(std::string("id,status\nMOF/gl,done\nMOF/ap,do\0ne\n", 33));
  REQUIRE(read.lines.size() == 1);
  CHECK(read.lines[0].starts_with("progress.csv:3: error: "));
  CHECK(read.progress.entries.empty());
}

TEST_CASE("every row genprogress.py writes is read without a diagnostic") {
  // tests/data/progress: samples/government planned (government-plan.json), and its progress on
  // 2027-05-01 by ../shared/tools/genprogress.py --seed 1 --inputs samples/government.
  const std::string root = CLOUDPLAN_SOURCE_DIR;
  models::Diagnostics diagnostics;
  const models::Inventory inventory = importers::readInputs(
      std::vector<std::string>{root + "/samples/government"}, {}, diagnostics);
  REQUIRE(!diagnostics.hasErrors());
  const auto progress = importers::readProgress(
      root + "/tests/data/progress/government-2027-05-01.csv", inventory, diagnostics);
  CHECK(linesOf(diagnostics) == Lines{});
  REQUIRE(progress.entries.size() == 80);
  std::map<ProgressStatus, int> counts;
  for (const models::ProgressEntry& entry : progress.entries) {
    ++counts[entry.status];
    CHECK(entry.system < inventory.systems.size());
    // genprogress dates the systems done, with their wave's end, and no others.
    CHECK(entry.date.has_value() == (entry.status == ProgressStatus::done));
  }
  CHECK(counts == std::map<ProgressStatus, int>{{ProgressStatus::planned, 35},
                                                {ProgressStatus::inProgress, 3},
                                                {ProgressStatus::done, 41},
                                                {ProgressStatus::onHold, 1}});
}

// Hostile progress files: each is read to its end in proportion to its size.
TEST_CASE("a progress file of 100,000 unknown ids against 100,000 systems is read, all reported",
          "[hostile]") {
  // Ids as ministries write them, spread apart: numbered ids one digit from each other make every
  // typo close to many, which the suggester's own tests cover.
  const auto idOf = [](uint32_t i, std::string_view name) {
    return fmt::format("AGY-{}/{}-{:08x}", i % 97, name, i * 2654435761u);
  };
  std::vector<std::string> ids;
  for (uint32_t i = 0; i < 100000; ++i)
    ids.push_back(idOf(i, "system"));
  std::string text = "id,status\n";
  for (uint32_t i = 0; i < 100000; ++i) {
    // Half are typos of a system (did-you-mean finds it), half far from any.
    text += i % 2 ? idOf(i, "sytsem") : fmt::format("nowhere-{}-qqqqqqqqqqqq", i);
    text += ",done\n";
  }
  const Read read(text, ids);
  CHECK(read.progress.entries.empty());
  CHECK(read.diagnostics.count(models::Severity::error) == 100000);
  CHECK(read.lines.at(0) ==
        "progress.csv:2: error: unknown system 'nowhere-0-qqqqqqqqqqqq'; the "
        "row is skipped (list the systems of the inventory by their ids) "
        "[unknown-system]");
  CHECK(read.lines.at(1) ==
        "progress.csv:3: error: unknown system 'AGY-1/sytsem-9e3779b1'; the row is "
        "skipped (did you mean 'AGY-1/system-9e3779b1'?) [unknown-system]");
}

TEST_CASE("a progress file's 16 MB cell and 100,000 repeats of one id are read", "[hostile]") {
  std::string text = "id,status,note\nMOF/gl,done,\"" + std::string(16 << 20, 'x') + "\"\n";
  for (int i = 0; i < 100000; ++i)
    text += "MOF/gl,done,\n";
  const Read read(text);
  REQUIRE(read.progress.entries.size() == 1);
  CHECK(read.progress.entries[0].note.size() == size_t{16} << 20);
  CHECK(read.diagnostics.count(models::Severity::error) == 100000);
  CHECK(read.lines.at(0) ==
        "progress.csv:3: error: duplicate id 'MOF/gl'; the row is skipped "
        "(first listed at progress.csv:2) [duplicate-id]");
}

TEST_CASE("a progress file's megabyte id and control characters are quoted, cut short",
          "[hostile]") {
  const std::string id = std::string(1 << 20, 'a');
  const Read read("id,status\n" + id + ",done\nMOF/gl,\"do\x1b[2Jne\"\n");
  REQUIRE(read.lines.size() == 2);
  CHECK(read.lines[0].starts_with("progress.csv:2: error: unknown system 'aaaa"));
  CHECK(read.lines[0].size() < 1000);
  CHECK(read.lines[1].starts_with("progress.csv:3: error: status "));
  CHECK(read.progress.entries.empty());
}
