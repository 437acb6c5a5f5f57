// libFuzzer target: bytes through the inventory CSV reader, the way readInputs reads a file
// (byte-order mark, UTF-16, old Mac line ends, encoding check, CSV, builder), then checks what the
// builder handed over.
// A form feed (\f) in the input starts another file, so one input can be a systems file, a
// dependencies file and an agencies file together and reach what is resolved across files.
// Built and run by fuzz/run.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/inventory_invariants.h"
#include "importers/csv/csv_dialect.h"
#include "importers/csv/inventory_csv.h"
#include "importers/inventory_builder.h"
#include "importers/text_encoding.h"

using namespace cloudplan;

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
    // A line ends in an LF or, in an old Mac file, a CR: at most this many lines.
    lineCounts.push_back(static_cast<size_t>(std::count(text.begin(), text.end(), '\n') +
                                             std::count(text.begin(), text.end(), '\r')) +
                         1);
    importers::stripByteOrderMark(text);
    std::optional<importers::EncodingProblem> problem;
    if (importers::hasUtf16ByteOrderMark(text)) problem = importers::convertUtf16ToUtf8(text);
    if (!problem) {
      importers::convertOldMacLineEnds(text);
      problem = importers::checkCsvEncoding(text, {});
    }
    if (problem) {
      builder.error({file, problem->line}, problem->code, problem->message);
      continue;
    }
    importers::readInventoryCsv(builder, file, std::move(text));
  }
  const models::Inventory inventory = builder.finish();
  fuzz::checkInventory(inventory, diagnostics, lineCounts, nullptr);
  return 0;
}
