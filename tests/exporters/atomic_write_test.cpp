#include "exporters/atomic_write.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "tests/temp_folder.h"

namespace cloudplan::exporters {
namespace {

namespace fs = std::filesystem;
using testing::TempFolder;

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::set<std::string> namesIn(const std::string& folder) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder))
    names.insert(entry.path().filename().string());
  return names;
}

TEST_CASE("a set of new files is written whole, with the folders they need") {
  TempFolder temp;
  const FileToWrite files[] = {{temp / "t/a.csv", "a"}, {temp / "t/b.csv", "b"}};
  CHECK(writeFilesTogether(files, false).empty());
  CHECK(read(temp / "t/a.csv") == "a");
  CHECK(namesIn(temp / "t") == std::set<std::string>{"a.csv", "b.csv"});
}

TEST_CASE("without replace, a file that exists is not written over, and nothing else is written") {
  TempFolder temp;
  temp.write("t/b.csv", "filled in");
  const FileToWrite files[] = {{temp / "t/a.csv", "a"}, {temp / "t/b.csv", "blank"}};
  CHECK(writeFilesTogether(files, false) ==
        "'" + (temp / "t/b.csv") +
            "' appeared while the others were written (use --force to replace it, or choose "
            "another folder)");
  CHECK(read(temp / "t/b.csv") == "filled in");
  CHECK(namesIn(temp / "t") == std::set<std::string>{"b.csv"});
}

TEST_CASE("with replace, a failure part-way puts back the files already replaced") {
  TempFolder temp;
  temp.write("t/a.csv", "old a");
  temp.write("t/b.csv/inside", "a folder where a file goes");
  const FileToWrite files[] = {{temp / "t/a.csv", "new a"}, {temp / "t/b.csv", "new b"}};
  CHECK(writeFilesTogether(files, true) ==
        "cannot write '" + (temp / "t/b.csv") +
            "': Is a directory (check the folder's permissions and free space, or choose another "
            "folder)");
  CHECK(read(temp / "t/a.csv") == "old a");
  CHECK(namesIn(temp / "t") == std::set<std::string>{"a.csv", "b.csv"});
  fs::remove_all(temp / "t/b.csv");
  CHECK(writeFilesTogether(files, true).empty());
  CHECK(read(temp / "t/a.csv") == "new a");
  CHECK(namesIn(temp / "t") == std::set<std::string>{"a.csv", "b.csv"});
}

}  // namespace
}  // namespace cloudplan::exporters
