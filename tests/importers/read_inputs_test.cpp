// readInputs: files and folders named by the user, read into one inventory.
#include "importers/read_inputs.h"
#include "tests/temp_folder.h"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <pty.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace cloudplan;
using Lines = std::vector<std::string>;

namespace {

using testing::TempFolder;

struct Result {
  models::Inventory inventory;
  models::Diagnostics diagnostics;
  Lines lines;  // sorted, as the cli prints them, with the code appended, paths relative
};

Result read(const TempFolder& folder, const std::vector<std::string>& paths,
            importers::ReadOptions options = {}) {
  Result result;
  result.inventory = importers::readInputs(paths, options, result.diagnostics);
  result.diagnostics.sort();
  const std::string prefix = folder.path().string() + "/";
  for (const models::Diagnostic& d : result.diagnostics.all()) {
    std::string line = d.file;
    if (d.line > 0) line += ":" + std::to_string(d.line);
    line += ": " + std::string(models::nameOf(d.severity)) + ": " + d.message + " [" + d.code + "]";
    // Paths are relative to the folder, also where a message names another place.
    for (size_t at = line.find(prefix); at != std::string::npos; at = line.find(prefix, at))
      line.erase(at, prefix.size());
    result.lines.push_back(line);
  }
  return result;
}

std::vector<std::string> relativeFiles(const TempFolder& folder, const models::Inventory& inv) {
  std::vector<std::string> files;
  for (const auto& file : inv.files)
    files.push_back(fs::relative(file.path, folder.path()).string());
  return files;
}

const std::string kSystemsHeader = "id,name,agency\n";

}  // namespace

TEST_CASE("files named one by one are read in the order given") {
  TempFolder folder;
  const auto b = folder.write("b.csv", kSystemsHeader + "B,b,X\n");
  const auto a = folder.write("a.csv", kSystemsHeader + "A,a,X\n");
  const auto r = read(folder, {b, a});
  CHECK(r.lines.empty());
  CHECK(relativeFiles(folder, r.inventory) == Lines{"b.csv", "a.csv"});
  REQUIRE(r.inventory.systems.size() == 2);
  CHECK(r.inventory.systems[0].id == "B");
}

TEST_CASE("a folder stands for its csv files in name order") {
  TempFolder folder;
  folder.write("inv/systems-MOH.csv", kSystemsHeader + "MOH/his,h,MOH\n");
  folder.write("inv/agencies.csv", "code,name\nMOF,Finance\nMOH,Health\n");
  folder.write("inv/systems-MOF.CSV", kSystemsHeader + "MOF/gl,g,MOF\n");
  folder.write("inv/dependencies.csv", "from,to\nMOH/his,MOF/gl\n");
  folder.write("inv/README.md", "# not an inventory file\n");
  folder.write("inv/notes.txt", "id,name,agency\nX,x,X\n");
  folder.write("inv/old/systems.csv", kSystemsHeader + "OLD/x,x,MOF\n");  // not read
  const auto r = read(folder, {folder / "inv"});
  CHECK(r.lines.empty());
  CHECK(relativeFiles(folder, r.inventory) == Lines{"inv/agencies.csv", "inv/dependencies.csv",
                                                    "inv/systems-MOF.CSV", "inv/systems-MOH.csv"});
  CHECK(r.inventory.systems.size() == 2);
  CHECK(r.inventory.dependencies.size() == 1);
  CHECK(r.inventory.agencies.size() == 2);
}

TEST_CASE("folders and files may be named together") {
  TempFolder folder;
  folder.write("inv/systems.csv", kSystemsHeader + "A,a,X\n");
  const auto deps = folder.write("extra/deps.txt", "from,to\nB,A\n");
  const auto more = folder.write("extra/more.csv", kSystemsHeader + "B,b,X\n");
  const auto r = read(folder, {folder / "inv", deps, more});
  CHECK(r.lines.empty());
  CHECK(relativeFiles(folder, r.inventory) ==
        Lines{"inv/systems.csv", "extra/deps.txt", "extra/more.csv"});
  CHECK(r.inventory.dependencies.size() == 1);
}

TEST_CASE("a missing file is an error and the others are still read") {
  TempFolder folder;
  const auto ok = folder.write("ok.csv", kSystemsHeader + "A,a,X\n");
  const auto r = read(folder, {folder / "missing.csv", ok});
  CHECK(r.lines == Lines{"missing.csv: error: cannot read the file (No such file or directory) "
                         "[cannot-read]"});
  REQUIRE(r.diagnostics.all().size() == 1);
  CHECK(r.diagnostics.all()[0].line == 0);
  CHECK(r.inventory.systems.size() == 1);
  CHECK(r.inventory.files.size() == 1);
}

TEST_CASE("a folder without inventory files is an error") {
  TempFolder folder;
  folder.write("inv/README.md", "nothing here\n");
  fs::create_directories(folder.path() / "empty");
  const auto r = read(folder, {folder / "inv", folder / "empty"});
  const std::string message =
      ": error: no inventory files (.csv, .xml, .archimate) in this folder (name the inventory "
      "files, or the folder that holds them) [no-inputs]";
  CHECK(r.lines == Lines{"empty" + message, "inv" + message});
}

TEST_CASE("a broken link in a folder does not hide its csv files") {
  // read_inputs.cpp expand(): entry.is_regular_file(ec) sets `ec` for a dangling symbolic link,
  // and when that entry is the last one listed the whole folder is reported as
  // "cannot list the folder (No such file or directory)" and none of its files is read.
  TempFolder folder;
  folder.write("inv/systems.csv", kSystemsHeader + "A,a,X\n");
  for (const char* name : {"dangling-1", "dangling-2", "dangling-3"})
    fs::create_symlink(folder / "nowhere", folder / ("inv/" + std::string(name)));
  const auto r = read(folder, {folder / "inv"});
  CHECK(r.lines.empty());
  CHECK(r.inventory.systems.size() == 1);
}

TEST_CASE("a FIFO or a dangling link named like an inventory file in a folder is reported") {
  // expand() took only regular files: the entry was dropped without a word.
  TempFolder folder;
  folder.write("inv/systems.csv", kSystemsHeader + "A,a,X\n");
  REQUIRE(::mkfifo((folder / "inv/a.csv").c_str(), 0600) == 0);
  fs::create_symlink(folder / "nowhere.xml", folder / "inv/model.xml");
  fs::create_directories(folder.path() / "inv/old.csv");  // a sub-folder is not read
  const auto r = read(folder, {folder / "inv"});
  CHECK(r.lines == Lines{"inv/a.csv: error: not a regular file (name a file or folder, or - for "
                         "standard input) [not-a-file]",
                         "inv/model.xml: error: cannot read the file (No such file or directory) "
                         "[cannot-read]"});
  CHECK(r.inventory.systems.size() == 1);
}

TEST_CASE("an empty file is registered with an unknown kind and an error") {
  TempFolder folder;
  const auto r = read(folder, {folder.write("empty.csv", "")});
  CHECK(r.lines == Lines{"empty.csv:1: error: the file is empty (a CSV file starts with a header "
                         "row) [empty-file]"});
  REQUIRE(r.inventory.files.size() == 1);
  CHECK(r.inventory.files[0].kind == models::InputKind::unknown);
}

TEST_CASE("an XML file is told by its content whatever its name") {
  TempFolder folder;
  const auto r = read(folder, {folder.write("model.xml", "<?xml version=\"1.0\"?>\n<model/>\n"),
                               folder.write("inv/model.csv", "\xEF\xBB\xBF\r\n <model/>\n")});
  const std::string message =
      ": error: the root element is 'model' in no namespace, which is not an ArchiMate model "
      "that cloudplan reads (an exchange model is <model "
      "xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\">, an Archi model <archimate:model "
      "xmlns:archimate=\"http://www.archimatetool.com/archimate\">) [unknown-format]";
  CHECK(r.lines == Lines{"inv/model.csv:2" + message, "model.xml:2" + message});
}

TEST_CASE("a file of NUL bytes is an error and nothing else is read from it") {
  TempFolder folder;
  const auto r = read(folder, {folder.write("zeros.csv", std::string(1 << 20, '\0')),
                               folder.write("ok.csv", kSystemsHeader + "A,a,X\n")});
  CHECK(r.lines ==
        Lines{"zeros.csv:1: error: NUL byte: this is not a text file (name the inventory's CSV or "
              "XML file; from a spreadsheet, save the sheet as CSV UTF-8) [binary-file]"});
  CHECK(r.inventory.systems.size() == 1);
}

TEST_CASE("a NUL byte after some lines is reported at its line") {
  TempFolder folder;
  const auto r = read(
      folder, {folder.write("s.csv", kSystemsHeader + "A,a,X\n" + std::string("B,\0,X\n", 6))});
  CHECK(r.lines ==
        Lines{"s.csv:3: error: NUL byte: this is not a text file (name the inventory's CSV or XML "
              "file; from a spreadsheet, save the sheet as CSV UTF-8) [binary-file]"});
  CHECK(r.inventory.systems.empty());  // the file is not read at all
}

TEST_CASE("a byte-order mark is ignored and the hash is of the file as it is") {
  TempFolder folder;
  const auto path = folder.write("s.csv", "\xEF\xBB\xBFid,name,agency\r\nA,a,X\r\n");
  const auto hashed = read(folder, {path}, {.hashInputs = true});
  CHECK(hashed.lines.empty());
  REQUIRE(hashed.inventory.files.size() == 1);
  // sha256 of the 26 bytes written, byte-order mark included (python3 hashlib).
  CHECK(hashed.inventory.files[0].sha256 ==
        "c54e28dc9804b6658709e63962226188d048491faad7c650433cb58cd488ac1c");
  CHECK(hashed.inventory.systems.size() == 1);
  const auto plain = read(folder, {path});
  CHECK(plain.inventory.files[0].sha256.empty());
}

TEST_CASE("the sha256 of an empty file is the well-known one") {
  TempFolder folder;
  const auto r = read(folder, {folder.write("e.csv", "")}, {.hashInputs = true});
  CHECK(r.inventory.files[0].sha256 ==
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("diagnostics sort by file then line across every file of a run") {
  TempFolder folder;
  folder.write("inv/agencies.csv", "code,name,parent\nMOF,Finance,\nMOF-TAX,Tax,MFO\n");
  folder.write("inv/dependencies.csv", "from,to,coupling\nB,A,strong\nB,Q,\n");
  folder.write("inv/systems.csv",
               "id,name,agency,depends_on\nA,a,MOF,\nB,b,MOH,A\n,x,MOF,\nC,c,MOF,C\n");
  const auto r = read(folder, {folder / "inv", folder / "missing"});
  CHECK(r.lines ==
        Lines{"inv/agencies.csv:3: error: unknown parent agency 'MFO' of 'MOF-TAX' (did you mean "
              "'MOF'?) [unknown-agency]",
              "inv/dependencies.csv:2: error: coupling 'strong' is not one of loose, normal, "
              "tight [bad-value]",
              "inv/dependencies.csv:3: error: unknown system 'Q' in to (did you mean 'A'?) "
              "[unknown-system]",
              "inv/systems.csv:3: warning: dependency 'B' -> 'A' is listed again (first at "
              "inv/dependencies.csv:2); merged into one, coupling 'normal' [repeated-dependency]",
              "inv/systems.csv:3: error: unknown agency 'MOH' of system 'B' (did you mean "
              "'MOF'?) [unknown-agency]",
              "inv/systems.csv:4: error: empty id; the row is skipped (give every system a unique "
              "id) [empty-id]",
              "inv/systems.csv:5: error: system 'C' depends on itself (remove it from depends_on) "
              "[self-dependency]",
              "missing: error: cannot read the file (No such file or directory) [cannot-read]"});
}

TEST_CASE("a 100 MB value on one line is read without trouble") {
  TempFolder folder;
  const std::string path = folder / "long.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << kSystemsHeader << "A,";
    const std::string chunk(1 << 20, 'n');
    for (int i = 0; i < 100; ++i)
      out << chunk;
    out << ",X\nB,b,X\n";
  }
  const auto r = read(folder, {path});
  CHECK(r.lines.empty());
  REQUIRE(r.inventory.systems.size() == 2);
  CHECK(r.inventory.systems[0].name.size() == 100u << 20);
  CHECK(r.inventory.systems[1].where.line == 3);
}

TEST_CASE("a 100 MB header line with no line end is an error") {
  TempFolder folder;
  const std::string path = folder / "long.csv";
  {
    std::ofstream out(path, std::ios::binary);
    const std::string chunk(1 << 20, 'h');
    for (int i = 0; i < 100; ++i)
      out << chunk;
  }
  const auto r = read(folder, {path});
  CHECK(r.lines ==
        Lines{"long.csv:1: error: cannot tell the kind of file from its header (a systems file "
              "needs columns id and name; a dependencies file from and to; an agencies file code "
              "and name) [unknown-file-kind]"});
}

TEST_CASE("the government sample reads without a problem") {
  const std::string samples = std::string(CLOUDPLAN_SOURCE_DIR) + "/samples/government";
  models::Diagnostics diagnostics;
  const auto inventory = importers::readInputs(std::vector{samples}, {}, diagnostics);
  CHECK(diagnostics.all().empty());
  CHECK(inventory.files.size() == 7);
  CHECK(inventory.systems.size() == 86);
  CHECK(inventory.dependencies.size() == 153);
  CHECK(inventory.agencies.size() == 20);
  for (const auto& agency : inventory.agencies)
    CHECK(agency.declared);
}

TEST_CASE("the bad sample gives one report for each of its mistakes") {
  const std::string samples = std::string(CLOUDPLAN_SOURCE_DIR) + "/samples/bad";
  models::Diagnostics diagnostics;
  importers::readInputs(std::vector{samples}, {}, diagnostics);
  CHECK(diagnostics.count(models::Severity::error) == 20);
  CHECK(diagnostics.count(models::Severity::warning) == 1);
}

TEST_CASE("a file named twice is read once") {
  // Today `cloudplan validate inv inv/systems.csv` reads systems.csv twice, and every row of it
  // is reported as a duplicate of itself ("duplicate id 'A'; the row is skipped (first defined at
  // inv/systems.csv:2)" at inv/systems.csv:2).
  TempFolder folder;
  const auto systems = folder.write("inv/systems.csv", kSystemsHeader + "A,a,X\n");
  const auto r = read(folder, {folder / "inv", systems, systems});
  CHECK(r.lines.empty());
  CHECK(r.inventory.files.size() == 1);
  CHECK(r.inventory.systems.size() == 1);
}

namespace {

// Standard input redirected from a file for as long as it lives.
class StandardInputFrom {
 public:
  explicit StandardInputFrom(const std::string& path)
      : saved_(::dup(STDIN_FILENO)), file_(::open(path.c_str(), O_RDONLY)) {
    REQUIRE(saved_ >= 0);
    REQUIRE(file_ >= 0);
    REQUIRE(::dup2(file_, STDIN_FILENO) == STDIN_FILENO);
  }
  ~StandardInputFrom() {
    ::dup2(saved_, STDIN_FILENO);
    ::close(saved_);
    ::close(file_);
  }
  StandardInputFrom(const StandardInputFrom&) = delete;
  StandardInputFrom& operator=(const StandardInputFrom&) = delete;

 private:
  int saved_;
  int file_;
};

long peakMemoryKb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

TEST_CASE("standard input, named -, is read once and reported as <stdin>") {
  TempFolder folder;
  const auto piped = folder.write("piped.csv", kSystemsHeader + "A,a,X\nB,b,\n");
  const auto other = folder.write("other.csv", kSystemsHeader + "C,c,X\n");
  const StandardInputFrom input(piped);
  const auto r = read(folder, {"-", other, "-"}, {.hashInputs = true});
  CHECK(r.lines == Lines{"<stdin>:3: error: system 'B' has no agency [missing-value]"});
  REQUIRE(r.inventory.files.size() == 2);
  CHECK(r.inventory.files[0].path == "<stdin>");
  CHECK(r.inventory.systems.size() == 3);
  CHECK(r.inventory.files[0].sha256.size() == 64);
}

TEST_CASE("standard input that is a terminal is refused rather than waited on") {
  TempFolder folder;
  int terminal = -1, other = -1;
  REQUIRE(::openpty(&other, &terminal, nullptr, nullptr, nullptr) == 0);
  const auto path = "/proc/self/fd/" + std::to_string(terminal);
  {
    const StandardInputFrom input(path);
    const auto r = read(folder, {"-"});
    CHECK(r.lines == Lines{"<stdin>: error: standard input is a terminal (pipe an inventory into "
                           "cloudplan, as in cloudplan validate - < systems.csv, or name the "
                           "file) [cannot-read]"});
  }
  ::close(terminal);
  ::close(other);
}

TEST_CASE("a FIFO is refused without waiting for a writer") {
  // It was opened and read: validate waited forever for something to write into it.
  TempFolder folder;
  REQUIRE(::mkfifo((folder / "inventory.fifo").c_str(), 0600) == 0);
  const auto r = read(folder, {folder / "inventory.fifo", "/dev/null"});
  CHECK(r.lines == Lines{"/dev/null: error: not a regular file (name a file or folder, or - for "
                         "standard input) [not-a-file]",
                         "inventory.fifo: error: not a regular file (name a file or folder, or - "
                         "for standard input) [not-a-file]"});
  CHECK(r.inventory.files.empty());
}

// Memory a read may take beyond its result: far below the 1 GiB of the files these tests read.
// AddressSanitizer keeps freed blocks in quarantine (256 MB), so its builds get that much more.
#if defined(__SANITIZE_ADDRESS__)
constexpr long kReadSlackKb = 400'000;
#else
constexpr long kReadSlackKb = 100'000;
#endif

TEST_CASE("a file over 1 GiB is refused before it is read") {
  TempFolder folder;
  const auto path = folder.write("huge.csv", kSystemsHeader);
  fs::resize_file(path, importers::kMaxInputBytes + 1);  // sparse: no disk space taken
  const long before = peakMemoryKb();
  const auto r = read(folder, {path});
  CHECK(r.lines == Lines{"huge.csv: error: the file is larger than 1073741824 bytes (1 GiB), the "
                         "limit of one input (split the inventory into smaller files) "
                         "[too-large]"});
  CHECK(peakMemoryKb() - before < kReadSlackKb);
}

TEST_CASE("a NUL byte stops the reading of a large file early") {
  // A 1 GiB file of a header and NUL bytes was read whole (1 GiB of memory) before the check.
  TempFolder folder;
  const auto path = folder.write("zeros.csv", kSystemsHeader + "A,a,X\n");
  fs::resize_file(path, importers::kMaxInputBytes);
  const long before = peakMemoryKb();
  const auto r = read(folder, {path}, {.hashInputs = true});
  CHECK(r.lines ==
        Lines{"zeros.csv:3: error: NUL byte: this is not a text file (name the inventory's CSV or "
              "XML file; from a spreadsheet, save the sheet as CSV UTF-8) [binary-file]"});
  CHECK(peakMemoryKb() - before < kReadSlackKb);
  REQUIRE(r.inventory.files.size() == 1);
  CHECK(r.inventory.files[0].sha256.empty());
}
