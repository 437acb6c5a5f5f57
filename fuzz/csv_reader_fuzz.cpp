// libFuzzer target: bytes through the inventory CSV reader, the way readInputs reads a file
// (byte-order mark, encoding check, CSV, builder), then checks what the builder handed over.
// A form feed (\f) in the input starts another file, so one input can be a systems file, a
// dependencies file and an agencies file together and reach what is resolved across files.
// Built and run by fuzz/run.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "importers/inventory_builder.h"
#include "importers/inventory_csv.h"
#include "importers/text_encoding.h"

namespace {

using namespace cloudplan;

void require(bool condition, const char* what) {
  if (condition) return;
  std::fprintf(stderr, "csv_reader_fuzz: broken invariant: %s\n", what);
  std::abort();
}

// What any inventory the importers hand over must satisfy, whatever the input.
void checkInventory(const models::Inventory& inventory, const models::Diagnostics& diagnostics,
                    const std::vector<size_t>& lineCounts) {
  const size_t systems = inventory.systems.size(), agencies = inventory.agencies.size();
  for (models::SystemIndex s = 0; s < systems; ++s) {
    const models::System& system = inventory.systems[s];
    require(!system.id.empty(), "a system has an empty id");
    require(inventory.findSystem(system.id) == s, "a system's id does not find it");
    require(system.agency == models::kNone || system.agency < agencies, "a bad agency index");
    require(system.effortDays >= 0, "a negative effort");
    require(system.pinnedWave <= 1000, "a pinned wave past 1000");
    require(system.properties.first + system.properties.count <= inventory.properties.size(),
            "system properties out of range");
    require(system.where.file < inventory.files.size(), "a system outside every file");
  }
  std::vector<std::vector<models::SystemIndex>> providers(systems);
  for (const models::Dependency& d : inventory.dependencies) {
    require(d.consumer < systems && d.provider < systems, "a dependency on a bad index");
    require(d.consumer != d.provider, "a self-dependency was kept");
    for (models::SystemIndex p : providers[d.consumer])
      require(p != d.provider, "a repeated pair was not merged");
    providers[d.consumer].push_back(d.provider);
    require(d.properties.first + d.properties.count <= inventory.properties.size(),
            "dependency properties out of range");
  }
  for (models::AgencyIndex a = 0; a < agencies; ++a) {
    // Parents never form a cycle: a chain ends within `agencies` steps.
    models::AgencyIndex at = a;
    for (size_t steps = 0; at != models::kNone; ++steps) {
      require(steps <= agencies, "agency parents form a cycle");
      require(at < agencies, "a bad parent index");
      at = inventory.agencies[at].parent;
    }
  }
  for (const models::Diagnostic& d : diagnostics.all()) {
    require(!d.code.empty() && !d.message.empty(), "a diagnostic without code or message");
    size_t file = 0;
    while (file < inventory.files.size() && inventory.files[file].path != d.file)
      ++file;
    require(file < inventory.files.size(), "a diagnostic names no input file");
    require(d.line >= 1 && d.line <= lineCounts[file], "a diagnostic line outside its file");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  models::Diagnostics diagnostics;
  importers::InventoryBuilder builder(diagnostics);
  std::vector<size_t> lineCounts;
  size_t begin = 0;
  for (int n = 0; begin <= input.size(); ++n) {
    size_t end = input.find('\f', begin);
    if (end == std::string_view::npos || n == 3) end = input.size();  // at most four files
    std::string text(input.substr(begin, end - begin));
    begin = end + 1;
    const uint32_t file =
        builder.addFile("input-" + std::to_string(n) + ".csv", models::InputKind::unknown);
    lineCounts.push_back(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
    importers::stripByteOrderMark(text);
    if (auto problem = importers::findEncodingProblem(text)) {
      builder.error({file, problem->line}, problem->code, problem->message);
      continue;
    }
    importers::readInventoryCsv(builder, file, std::move(text));
  }
  const models::Inventory inventory = builder.finish();
  checkInventory(inventory, diagnostics, lineCounts);
  return 0;
}
