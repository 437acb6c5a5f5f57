// libFuzzer target: bytes through the reader of a re-plan's progress file, against an inventory,
// then checks what it handed over: each entry a system of the inventory, listed once, on a line
// of the file, the hash that of the bytes, and the same result when read again.
// A form feed (\f) in the input ends the inventory's ids, one a line, and starts the progress
// file; without one the inventory is a few ids of the seeds'. Built and run by fuzz/run.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "importers/input_file.h"
#include "importers/progress/progress_reader.h"

using namespace cloudplan;

namespace {

[[noreturn]] void broken(const char* what) {
  std::fprintf(stderr, "invariant: %s\n", what);
  std::abort();
}

models::Inventory inventoryOf(std::string_view ids) {
  models::Inventory inventory;
  while (!ids.empty()) {
    const size_t end = std::min(ids.find('\n'), ids.size());
    if (end > 0) {
      models::System system;
      system.id = inventory.keep(std::string(ids.substr(0, end)));
      inventory.addSystem(system);  // a repeated id is left out
    }
    ids.remove_prefix(std::min(end + 1, ids.size()));
  }
  return inventory;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t split = input.find('\f');
  const models::Inventory inventory =
      split == std::string_view::npos
          ? inventoryOf("MOF/gl\nMOF/ap\nMOH/his\nDGA/sso\nDGA/govnet\nMOE/emis\n")
          : inventoryOf(input.substr(0, split));
  const std::string text(split == std::string_view::npos ? input : input.substr(split + 1));
  // A line ends in an LF or, in an old Mac file, a CR: at most this many lines.
  const size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n') +
                                           std::count(text.begin(), text.end(), '\r')) +
                       1;
  models::Diagnostics diagnostics;
  const models::Progress progress =
      importers::readProgressText("progress.csv", text, inventory, diagnostics);
  if (progress.path != "progress.csv") broken("the path is not the one given");
  if (progress.sha256 != importers::sha256Hex(text)) broken("the hash is not of the bytes");
  std::vector<bool> seen(inventory.systems.size(), false);
  uint32_t lastLine = 0;
  for (const models::ProgressEntry& entry : progress.entries) {
    if (entry.system >= inventory.systems.size()) broken("an entry names no system");
    if (seen[entry.system]) broken("a system has two entries");
    seen[entry.system] = true;
    if (entry.line <= lastLine || entry.line > lines) broken("an entry's line is out of order");
    lastLine = entry.line;
    if (static_cast<size_t>(entry.status) >= 4) broken("a status out of the vocabulary");
  }
  for (const models::Diagnostic& d : diagnostics.all()) {
    if (d.file != "progress.csv") broken("a diagnostic names another file");
    if (d.line > lines) broken("a diagnostic's line is past the end");
    if (d.message.empty()) broken("a diagnostic without a message");
  }
  // The same bytes read again give the same entries and diagnostics.
  models::Diagnostics again;
  const models::Progress second =
      importers::readProgressText("progress.csv", text, inventory, again);
  if (second.entries.size() != progress.entries.size() ||
      again.all().size() != diagnostics.all().size()) {
    broken("a second reading differs");
  }
  for (size_t i = 0; i < second.entries.size(); ++i) {
    const models::ProgressEntry &a = progress.entries[i], &b = second.entries[i];
    if (a.system != b.system || a.status != b.status || a.date != b.date || a.note != b.note ||
        a.line != b.line) {
      broken("a second reading differs");
    }
  }
  for (size_t i = 0; i < again.all().size(); ++i) {
    if (again.all()[i].message != diagnostics.all()[i].message) broken("a second reading differs");
  }
  return 0;
}
