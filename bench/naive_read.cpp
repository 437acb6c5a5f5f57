// The floor bench/run holds `cloudplan validate` against: the least any reader of an inventory
// folder must do. Reads every file of the folder into one buffer sized to the file and splits it
// into lines and comma-separated fields (no quoting, no checks), printing the counts so that the
// work cannot be optimised away. Usage: naive_read FOLDER
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

namespace {

struct Counts {
  std::size_t files = 0;
  std::size_t bytes = 0;
  std::size_t lines = 0;
  std::size_t fields = 0;
  std::size_t fieldBytes = 0;  // summed field by field: what a reader hands on
};

bool readWhole(const std::filesystem::path& path, std::string& buffer) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return false;
  buffer.resize(std::filesystem::file_size(path));
  const bool complete = std::fread(buffer.data(), 1, buffer.size(), file) == buffer.size();
  std::fclose(file);
  return complete;
}

void split(std::string_view text, Counts& counts) {
  while (!text.empty()) {
    const std::size_t lineEnd = std::min(text.find('\n'), text.size());
    std::string_view line = text.substr(0, lineEnd);
    text.remove_prefix(std::min(lineEnd + 1, text.size()));
    ++counts.lines;
    for (;;) {
      const std::size_t fieldEnd = std::min(line.find(','), line.size());
      ++counts.fields;
      counts.fieldBytes += fieldEnd;
      if (fieldEnd == line.size()) break;
      line.remove_prefix(fieldEnd + 1);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: naive_read FOLDER\n");
    return 2;
  }
  Counts counts;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(argv[1], error)) {
    if (!entry.is_regular_file()) continue;
    std::string buffer;
    if (!readWhole(entry.path(), buffer)) {
      std::fprintf(stderr, "naive_read: cannot read %s\n", entry.path().c_str());
      return 1;
    }
    ++counts.files;
    counts.bytes += buffer.size();
    split(buffer, counts);
  }
  if (error) {
    std::fprintf(stderr, "naive_read: %s: %s\n", argv[1], error.message().c_str());
    return 1;
  }
  std::printf("files=%zu bytes=%zu lines=%zu fields=%zu field_bytes=%zu\n", counts.files,
              counts.bytes, counts.lines, counts.fields, counts.fieldBytes);
  return 0;
}
