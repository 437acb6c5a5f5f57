// libFuzzer target: bytes through the exchange-format reader and the ArchiMate mapping, the way
// readInputs reads an XML file (byte-order mark, encoding, DTD refusal, TinyXML-2, mapping,
// builder), then checks what the builder handed over. Built and run by fuzz/run.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/inventory_invariants.h"
#include "importers/archimate/archimate_exchange.h"
#include "importers/archimate/archimate_mapping.h"
#include "importers/inventory_builder.h"
#include "importers/text_encoding.h"

using namespace cloudplan;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  const size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  models::Diagnostics diagnostics;
  importers::InventoryBuilder builder(diagnostics);
  importers::ArchimateMappingReport report;
  const uint32_t file = builder.addFile("model.xml", models::InputKind::archimate);
  importers::stripByteOrderMark(text);
  if (auto model = importers::readArchimateExchange(builder, file, std::move(text))) {
    importers::mapArchimateModel(builder, *model, {.defaultAgency = "X", .report = &report});
  }
  const models::Inventory inventory = builder.finish();
  fuzz::checkInventory(inventory, diagnostics, {lines}, &report);
  return 0;
}
