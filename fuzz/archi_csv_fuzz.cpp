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

#include "fuzz/inventory_invariants.h"
#include "importers/archimate/archi_csv.h"
#include "importers/archimate/archimate_mapping.h"
#include "importers/inventory_builder.h"
#include "importers/text_encoding.h"

using namespace cloudplan;

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
  fuzz::checkInventory(inventory, diagnostics, lineCounts, &report);
  return 0;
}
