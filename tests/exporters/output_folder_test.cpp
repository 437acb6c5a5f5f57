#include "exporters/output_folder.h"

#include <fmt/format.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "tests/temp_folder.h"

namespace cloudplan::exporters {
namespace {

namespace fs = std::filesystem;
using testing::TempFolder;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every entry under `folder`, links not followed, as relative paths ("waves/", "waves/a.svg").
std::set<std::string> entriesUnder(const fs::path& folder) {
  std::set<std::string> found;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    std::string name = fs::relative(entry.path(), folder).string();
    if (entry.is_directory() && !entry.is_symlink()) name += '/';
    found.insert(name);
  }
  return found;
}

std::unique_ptr<OutputFolder> openFolder(const std::string& path) {
  std::string error;
  auto folder = OutputFolder::open(path, error);
  INFO(error);
  REQUIRE(folder);
  return folder;
}

constexpr OutputKind kBoth[] = {OutputKind::plan, OutputKind::views};
constexpr OutputKind kViews[] = {OutputKind::views};

// A run of `plan --render` with these files, each holding `content`.
void run(const std::string& path, std::initializer_list<std::string_view> names,
         const std::string& content, std::span<const OutputKind> replaced = kBoth) {
  auto folder = openFolder(path);
  for (std::string_view name : names) {
    const bool view = name.ends_with(".svg") || name.ends_with(".html");
    const OutputKind kind = view ? OutputKind::views : OutputKind::plan;
    REQUIRE(folder->add(name, kind, content).empty());
  }
  const auto errors = folder->commit(replaced);
  INFO((errors.empty() ? "" : errors.front()));
  REQUIRE(errors.empty());
}

TEST_CASE("a run's files are in place after commit, with a manifest and no staging folder") {
  TempFolder temp;
  const std::string out = temp / "out";
  run(out, {"plan.json", "waves/wave-1.svg"}, "new");
  CHECK(entriesUnder(out) == std::set<std::string>{".cloudplan-lock", ".cloudplan-manifest",
                                                   "plan.json", "waves/", "waves/wave-1.svg"});
  CHECK(read(temp / "out/plan.json") == "new");
  CHECK(read(temp / "out/.cloudplan-manifest")
            .ends_with("plan\tplan.json\nviews\twaves/wave-1.svg\n"));
}

TEST_CASE("files an earlier run wrote and this one does not are removed, the user's are kept") {
  TempFolder temp;
  const std::string out = temp / "out";
  run(out, {"plan.json", "plan.archimate.xml", "waves/wave-1.svg", "waves/wave-11.svg"}, "old");
  temp.write("out/notes.txt", "mine");
  temp.write("out/waves/my-sketch.svg", "mine");
  auto folder = openFolder(out);
  REQUIRE(folder->add("plan.json", OutputKind::plan, "new").empty());
  REQUIRE(folder->add("waves/wave-1.svg", OutputKind::views, "new").empty());
  REQUIRE(folder->commit(kBoth).empty());
  CHECK(folder->removed() ==
        std::vector<std::string>{out + "/plan.archimate.xml", out + "/waves/wave-11.svg"});
  CHECK(entriesUnder(out) == std::set<std::string>{".cloudplan-lock", ".cloudplan-manifest",
                                                   "notes.txt", "plan.json", "waves/",
                                                   "waves/my-sketch.svg", "waves/wave-1.svg"});
  CHECK(read(temp / "out/notes.txt") == "mine");
}

TEST_CASE("a folder that held only files of the earlier run goes with them") {
  TempFolder temp;
  const std::string out = temp / "out";
  run(out, {"plan.json", "focus/MOF_payroll.svg"}, "old");
  run(out, {"plan.json"}, "new");
  CHECK(!fs::exists(temp / "out/focus"));
}

TEST_CASE("a run that makes views only keeps the plan files beside them") {
  TempFolder temp;
  const std::string out = temp / "out";
  run(out, {"plan.json", "schedule.csv", "overview.svg", "waves/wave-2.svg"}, "plan");
  {
    auto folder = openFolder(out);
    REQUIRE(folder->add("overview.svg", OutputKind::views, "render").empty());
    REQUIRE(folder->commit(kViews).empty());
  }
  CHECK(read(temp / "out/plan.json") == "plan");
  CHECK(read(temp / "out/schedule.csv") == "plan");
  CHECK(read(temp / "out/overview.svg") == "render");
  CHECK(!fs::exists(temp / "out/waves/wave-2.svg"));
  // The plan files are still cloudplan's: the next plan run replaces them.
  run(out, {"plan.json"}, "again");
  CHECK(!fs::exists(temp / "out/schedule.csv"));
  CHECK(!fs::exists(temp / "out/overview.svg"));
}

TEST_CASE("a folder where a file of the new set goes leaves the old set as it was") {
  TempFolder temp;
  const std::string out = temp / "out";
  run(out, {"plan.json", "schedule.csv", "waves/wave-11.svg"}, "old");
  fs::remove(temp / "out/plan.json");
  fs::create_directory(temp / "out/plan.json");
  const auto before = entriesUnder(out);
  auto folder = openFolder(out);
  REQUIRE(folder->add("schedule.csv", OutputKind::plan, "new").empty());
  REQUIRE(folder->add("plan.json", OutputKind::plan, "new").empty());
  REQUIRE(folder->add("waves.csv", OutputKind::plan, "new").empty());
  CHECK(folder->commit(kBoth) ==
        std::vector<std::string>{"'" + out +
                                 "/plan.json' is a folder where cloudplan writes a file (move it "
                                 "away, or choose another folder)"});
  CHECK(!folder->committed());
  folder.reset();
  CHECK(entriesUnder(out) == before);
  CHECK(read(temp / "out/schedule.csv") == "old");
}

TEST_CASE("a file cloudplan did not write is refused, naming each, unless told to replace it") {
  TempFolder temp;
  const std::string out = temp / "out";
  temp.write("out/report.html", "mine");
  temp.write("out/schedule.csv", "mine too");
  const auto before = entriesUnder(out);
  {
    auto folder = openFolder(out);
    REQUIRE(folder->add("schedule.csv", OutputKind::plan, "new").empty());
    REQUIRE(folder->add("plan.json", OutputKind::plan, "new").empty());
    REQUIRE(folder->add("report.html", OutputKind::views, "new").empty());
    CHECK(folder->commit(kBoth) ==
          std::vector<std::string>{
              "'" + out +
                  "/report.html' exists and cloudplan did not write it (move it away, or use "
                  "--force to replace it)",
              "'" + out +
                  "/schedule.csv' exists and cloudplan did not write it (move it away, or use "
                  "--force to replace it)"});
    CHECK(!folder->committed());
  }
  CHECK(entriesUnder(out) == before);
  CHECK(read(temp / "out/report.html") == "mine");
  auto folder = openFolder(out);
  REQUIRE(folder->add("report.html", OutputKind::views, "new").empty());
  CHECK(folder->commit(kBoth, OutputFolder::Unlisted::replace).empty());
  CHECK(read(temp / "out/report.html") == "new");
  folder.reset();
  // Listed in the manifest now: the next run replaces it without being told.
  run(out, {"report.html"}, "again");
  CHECK(read(temp / "out/report.html") == "again");
}

TEST_CASE("a run that is not committed leaves the folder as it was") {
  TempFolder temp;
  const std::string out = temp / "out";
  run(out, {"plan.json"}, "old");
  const auto before = entriesUnder(out);
  {
    auto folder = openFolder(out);
    REQUIRE(folder->add("plan.json", OutputKind::plan, "new").empty());
    REQUIRE(folder->add("waves.csv", OutputKind::plan, "new").empty());
  }
  CHECK(entriesUnder(out) == before);
  CHECK(read(temp / "out/plan.json") == "old");
}

TEST_CASE("a run that writes nothing removes the folders and the lock file it created") {
  TempFolder temp;
  {
    auto folder = openFolder(temp / "new/deeper/out/");
    REQUIRE(folder->add("plan.json", OutputKind::plan, "new").empty());
  }
  CHECK(!fs::exists(temp / "new"));
  temp.write("mine/notes.txt", "mine");
  {
    auto folder = openFolder(temp / "mine");
    REQUIRE(folder->add("notes.txt", OutputKind::plan, "new").empty());
    CHECK(folder->commit(kBoth).size() == 1);
  }
  CHECK(entriesUnder(temp / "mine") == std::set<std::string>{"notes.txt"});
  // A lock file that was there before is left, as it was.
  run(temp / "out", {"plan.json"}, "old");
  openFolder(temp / "out");
  CHECK(fs::exists(temp / "out/.cloudplan-lock"));
}

TEST_CASE("a file that cannot be written is named, with what the system said and what to do") {
  TempFolder temp;
  const std::string out = temp / "out";
  int pipe[2];
  REQUIRE(::pipe(pipe) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // A disk that is full for files over 16 bytes.
    ::signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{16, 16};
    ::setrlimit(RLIMIT_FSIZE, &limit);
    std::string error;
    auto folder = OutputFolder::open(out, error);
    if (folder) error = folder->add("plan.json", OutputKind::plan, std::string(100, 'x'));
    if (::write(pipe[1], error.data(), error.size()) < 0) ::_exit(1);
    ::_exit(0);
  }
  ::close(pipe[1]);
  std::string message;
  char buffer[512];
  for (ssize_t n; (n = ::read(pipe[0], buffer, sizeof buffer)) > 0;)
    message.append(buffer, static_cast<size_t>(n));
  ::close(pipe[0]);
  ::waitpid(child, nullptr, 0);
  CHECK(message == "cannot write '" + out +
                       "/plan.json': File too large (check the free space and the folder's "
                       "permissions, or choose another folder)");
}

TEST_CASE("a symbolic link to a folder inside the output folder is refused, not followed") {
  TempFolder temp;
  const std::string out = temp / "out";
  fs::create_directories(temp / "elsewhere");
  fs::create_directories(temp / "out");
  fs::create_directory_symlink("../elsewhere", temp / "out/waves");
  auto folder = openFolder(out);
  REQUIRE(folder->add("waves/wave-1.svg", OutputKind::views, "new").empty());
  REQUIRE(folder->add("waves/wave-2.svg", OutputKind::views, "new").empty());
  CHECK(folder->commit(kBoth) ==
        std::vector<std::string>{"'" + out +
                                 "/waves' is a symbolic link; cloudplan does not follow links "
                                 "inside its output folder (remove the link, or choose another "
                                 "folder)"});
  folder.reset();
  CHECK(fs::is_empty(temp / "elsewhere"));
}

TEST_CASE("a symbolic link in the place of a file is refused, not replaced") {
  TempFolder temp;
  const std::string out = temp / "out";
  temp.write("target.json", "theirs");
  fs::create_directories(temp / "out");
  fs::create_symlink("../target.json", temp / "out/plan.json");
  auto folder = openFolder(out);
  REQUIRE(folder->add("plan.json", OutputKind::plan, "new").empty());
  CHECK(folder->commit(kBoth).size() == 1);
  CHECK(fs::is_symlink(temp / "out/plan.json"));
  CHECK(read(temp / "target.json") == "theirs");
}

TEST_CASE("a second run is refused at once while the first holds the folder, naming its pid") {
  TempFolder temp;
  const std::string out = temp / "out";
  auto first = openFolder(out);
  std::string error;
  CHECK(!OutputFolder::open(out, error));
  CHECK(error == fmt::format("'{}' is being written by another cloudplan run (pid {}); wait for "
                             "it to finish, or choose another folder",
                             out, ::getpid()));
  first.reset();
  CHECK(OutputFolder::open(out, error));
}

TEST_CASE("a folder locked by another process is refused") {
  TempFolder temp;
  const std::string out = temp / "out";
  int ready[2];
  REQUIRE(::pipe(ready) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    std::string error;
    auto folder = OutputFolder::open(out, error);
    const char byte = folder ? 'y' : 'n';
    if (::write(ready[1], &byte, 1) != 1) ::_exit(1);
    ::sleep(2);
    ::_exit(0);
  }
  char byte = 0;
  REQUIRE(::read(ready[0], &byte, 1) == 1);
  REQUIRE(byte == 'y');
  std::string error;
  CHECK(!OutputFolder::open(out, error));
  CHECK(error.find(fmt::format("(pid {})", child)) != error.npos);
  ::kill(child, SIGKILL);
  ::waitpid(child, nullptr, 0);
  // A killed run's lock goes with it.
  CHECK(OutputFolder::open(out, error));
  ::close(ready[0]);
  ::close(ready[1]);
}

TEST_CASE("what a run killed before its commit left is removed by the next run") {
  TempFolder temp;
  const std::string out = temp / "out";
  run(out, {"plan.json"}, "old");
  temp.write("out/.cloudplan-staging-AbC123/plan.json", "half");
  temp.write("out/.cloudplan-staging-AbC123/waves/wave-1.svg", "half");
  temp.write("out/plan.json.tmp-x1Y2z3", "half");
  temp.write("out/waves/wave-3.svg.tmp-Q9w8E7", "half");
  temp.write("out/notes.txt.tmp-mine", "mine");
  temp.write("out/draft.tmp-abcdef", "mine");
  openFolder(out);
  CHECK(entriesUnder(out) == std::set<std::string>{".cloudplan-lock", ".cloudplan-manifest",
                                                   "draft.tmp-abcdef", "notes.txt.tmp-mine",
                                                   "plan.json", "waves/"});
  CHECK(read(temp / "out/plan.json") == "old");
}

TEST_CASE("only the temporary names of cloudplan's own outputs are removed, never deeper") {
  TempFolder temp;
  const std::string out = temp / "out";
  for (const char* path : {"out/plan.json.tmp-x1Y2z3", "out/report.html.tmp-AAAAAA",
                           "out/waves/wave-3.svg.tmp-Q9w8E7", "out/focus/MOF_a.png.tmp-q1w2e3"})
    temp.write(path, "half");
  // Other programs' in-flight saves, anywhere in the folder, are theirs.
  for (const char* path : {"out/data.json.tmp-ZZZZZZ", "out/proj/deep/notes.txt.tmp-abc123",
                           "out/proj/plan.json.tmp-x1Y2z3", "out/waves/notes.txt.tmp-abc123",
                           "out/waves/deep/wave-1.svg.tmp-abcdef", "out/plan.json.tmp-toolong1"})
    temp.write(path, "theirs");
  openFolder(out);
  CHECK(entriesUnder(out) ==
        std::set<std::string>{"data.json.tmp-ZZZZZZ", "focus/", "plan.json.tmp-toolong1", "proj/",
                              "proj/deep/", "proj/deep/notes.txt.tmp-abc123",
                              "proj/plan.json.tmp-x1Y2z3", "waves/", "waves/deep/",
                              "waves/deep/wave-1.svg.tmp-abcdef", "waves/notes.txt.tmp-abc123"});
}

TEST_CASE("a run killed after its commit point is finished by the next run") {
  TempFolder temp;
  const std::string out = temp / "out";
  run(out, {"plan.json", "schedule.csv", "waves/wave-11.svg"}, "old");
  // As a run leaves it when stopped after moving schedule.csv: its manifest is written, so
  // every file it wrote is whole.
  temp.write("out/.cloudplan-staging-Zz9999/.cloudplan-manifest",
             "# header\nplan\tplan.json\nplan\tschedule.csv\nviews\twaves/wave-1.svg\n");
  temp.write("out/.cloudplan-staging-Zz9999/plan.json", "new");
  temp.write("out/.cloudplan-staging-Zz9999/waves/wave-1.svg", "new");
  fs::remove(temp / "out/schedule.csv");
  temp.write("out/schedule.csv", "new");
  openFolder(out);
  CHECK(entriesUnder(out) == std::set<std::string>{".cloudplan-lock", ".cloudplan-manifest",
                                                   "plan.json", "schedule.csv", "waves/",
                                                   "waves/wave-1.svg"});
  CHECK(read(temp / "out/plan.json") == "new");
  CHECK(read(temp / "out/waves/wave-1.svg") == "new");
}

TEST_CASE("plan.json is moved into place last: while another file cannot be, the old one stays") {
  TempFolder temp;
  const std::string out = temp / "out";
  run(out, {"plan.json", "waves.csv"}, "old");
  temp.write("out/.cloudplan-staging-Zz9999/.cloudplan-manifest",
             "# header\nplan\tplan.json\nplan\tschedule.csv\nplan\twaves.csv\n");
  temp.write("out/.cloudplan-staging-Zz9999/plan.json", "new");
  temp.write("out/.cloudplan-staging-Zz9999/schedule.csv", "new");
  temp.write("out/.cloudplan-staging-Zz9999/waves.csv", "new");
  fs::remove(temp / "out/waves.csv");
  fs::create_directory(temp / "out/waves.csv");
  std::string error;
  CHECK(!OutputFolder::open(out, error));
  CHECK(read(temp / "out/schedule.csv") == "new");
  CHECK(read(temp / "out/plan.json") == "old");
  fs::remove(temp / "out/waves.csv");
  openFolder(out);
  CHECK(read(temp / "out/plan.json") == "new");
  CHECK(read(temp / "out/waves.csv") == "new");
}

TEST_CASE("a killed run's commit that cannot be finished is reported, and kept for later") {
  TempFolder temp;
  const std::string out = temp / "out";
  temp.write("out/.cloudplan-staging-Zz9999/.cloudplan-manifest", "plan\twaves/plan.json\n");
  temp.write("out/.cloudplan-staging-Zz9999/waves/plan.json", "new");
  temp.write("out/waves", "a file in the way");
  std::string error;
  CHECK(!OutputFolder::open(out, error));
  CHECK(error == "cannot finish the run that was stopped while replacing the files of '" + out +
                     "': '" + out +
                     "/waves' is a file where cloudplan writes a folder (move it away, or choose "
                     "another folder)");
  CHECK(read(temp / "out/.cloudplan-staging-Zz9999/waves/plan.json") == "new");
  fs::remove(temp / "out/waves");
  CHECK(OutputFolder::open(out, error));
  CHECK(read(temp / "out/waves/plan.json") == "new");
}

TEST_CASE("a manifest cannot make cloudplan remove a file outside the folder or through a link") {
  TempFolder temp;
  const std::string out = temp / "out";
  temp.write("outside.txt", "theirs");
  temp.write("linked/inside.txt", "theirs");
  fs::create_directories(temp / "out");
  fs::create_directory_symlink("../linked", temp / "out/link");
  temp.write("out/.cloudplan-manifest",
             "plan\t../outside.txt\nplan\t" + (temp / "outside.txt") +
                 "\nviews\tlink/inside.txt\nplan\t./x/../../outside.txt\n");
  run(out, {"plan.json"}, "new");
  CHECK(read(temp / "outside.txt") == "theirs");
  CHECK(read(temp / "linked/inside.txt") == "theirs");
}

TEST_CASE("a file name that could leave the folder is refused, and nothing is replaced") {
  TempFolder temp;
  auto folder = openFolder(temp / "out");
  CHECK(folder->add("../escape.txt", OutputKind::plan, "x") ==
        "cannot write '" + (temp / "out/../escape.txt") + "': not a plain file name");
  CHECK(!folder->add("/etc/x", OutputKind::plan, "x").empty());
  CHECK(!folder->add(".cloudplan-manifest", OutputKind::plan, "x").empty());
  CHECK(folder->add("plan.json", OutputKind::plan, "x").empty());
  CHECK(folder->commit(kBoth).size() == 1);
  CHECK(!fs::exists(temp / "escape.txt"));
  CHECK(!fs::exists(temp / "out/plan.json"));
}

TEST_CASE("a path named for a folder that is a file is refused") {
  TempFolder temp;
  const std::string file = temp.write("out", "a file");
  std::string error;
  CHECK(!OutputFolder::open(file, error));
  CHECK(error == "'" + file + "' is not a folder (name a folder for the outputs)");
}

TEST_CASE("paths are joined with one separator") {
  CHECK(joinPath("mola/", "systems.csv") == "mola/systems.csv");
  CHECK(joinPath("mola//", "systems.csv") == "mola/systems.csv");
  CHECK(joinPath("mola", "waves/wave-1.svg") == "mola/waves/wave-1.svg");
  CHECK(joinPath("/", "plan.json") == "/plan.json");
  CHECK(joinPath("", "plan.json") == "plan.json");
}

}  // namespace
}  // namespace cloudplan::exporters
