// libFuzzer target: bytes through the reader of Archi's CSV export and the ArchiMate mapping, the
// way readInputs reads an export (byte-order mark, encoding check, the three files together,
// mapping, builder), then checks what the builder handed over. A form feed (\f) in the input
// starts the next file, so one input can be an elements, a relations and a properties file.
// Built and run by fuzz/run.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "importers/archi_csv.h"
#include "importers/archimate_mapping.h"
#include "importers/inventory_builder.h"
#include "importers/text_encoding.h"

namespace {

using namespace cloudplan;

void require(bool condition, const char* what) {
  if (condition) return;
  std::fprintf(stderr, "archi_csv_fuzz: broken invariant: %s\n", what);
  std::abort();
}

// What any inventory the importers hand over must satisfy, whatever the input.
void checkInventory(const models::Inventory& inventory, const models::Diagnostics& diagnostics,
                    const std::vector<size_t>& lineCounts,
                    const importers::ArchimateMappingReport& report) {
  const size_t systems = inventory.systems.size(), agencies = inventory.agencies.size();
  for (models::SystemIndex s = 0; s < systems; ++s) {
    const models::System& system = inventory.systems[s];
    require(!system.id.empty(), "a system has an empty id");
    require(inventory.findSystem(system.id) == s, "a system's id does not find it");
    require(system.agency == models::kNone || system.agency < agencies, "a bad agency index");
    require(system.effortDays >= 0, "a negative effort");
    require(system.properties.first + system.properties.count <= inventory.properties.size(),
            "system properties out of range");
    require(system.where.file < inventory.files.size(), "a system outside every file");
  }
  for (const models::Dependency& d : inventory.dependencies) {
    require(d.consumer < systems && d.provider < systems, "a dependency on a bad index");
    require(d.consumer != d.provider, "a self-dependency was kept");
    require(d.properties.first + d.properties.count <= inventory.properties.size(),
            "dependency properties out of range");
  }
  require(report.systems == systems, "the report counts other systems than the inventory holds");
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
  importers::ArchimateMappingReport report;
  std::vector<importers::ArchiCsvFile> files;
  std::vector<size_t> lineCounts;
  size_t begin = 0;
  for (int n = 0; begin <= input.size(); ++n) {
    size_t end = input.find('\f', begin);
    if (end == std::string_view::npos || n == 2) end = input.size();  // at most three files
    std::string text(input.substr(begin, end - begin));
    begin = end + 1;
    const uint32_t file =
        builder.addFile("export-" + std::to_string(n) + ".csv", models::InputKind::archiCsv);
    lineCounts.push_back(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
    importers::stripByteOrderMark(text);
    if (auto problem = importers::findEncodingProblem(text)) {
      builder.error({file, problem->line}, problem->code, problem->message);
      continue;
    }
    files.push_back({file, std::move(text)});
  }
  const importers::ArchimateModel model = importers::readArchiCsv(builder, std::move(files));
  importers::mapArchimateModel(builder, model, {.defaultAgency = "X", .report = &report});
  const models::Inventory inventory = builder.finish();
  checkInventory(inventory, diagnostics, lineCounts, report);
  return 0;
}
