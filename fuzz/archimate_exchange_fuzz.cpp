// libFuzzer target: bytes through the exchange-format reader and the ArchiMate mapping, the way
// readInputs reads an XML file (byte-order mark, encoding, DTD refusal, TinyXML-2, mapping,
// builder), then checks what the builder handed over. Built and run by fuzz/run.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "importers/archimate_exchange.h"
#include "importers/archimate_mapping.h"
#include "importers/inventory_builder.h"
#include "importers/text_encoding.h"

namespace {

using namespace cloudplan;

void require(bool condition, const char* what) {
  if (condition) return;
  std::fprintf(stderr, "archimate_exchange_fuzz: broken invariant: %s\n", what);
  std::abort();
}

// What any inventory the importers hand over must satisfy, whatever the input.
void checkInventory(const models::Inventory& inventory, const models::Diagnostics& diagnostics,
                    size_t lines, const importers::ArchimateMappingReport& report) {
  const size_t systems = inventory.systems.size(), agencies = inventory.agencies.size();
  for (models::SystemIndex s = 0; s < systems; ++s) {
    const models::System& system = inventory.systems[s];
    require(!system.id.empty(), "a system has an empty id");
    require(inventory.findSystem(system.id) == s, "a system's id does not find it");
    require(system.agency == models::kNone || system.agency < agencies, "a bad agency index");
    require(system.effortDays >= 0, "a negative effort");
    require(system.properties.first + system.properties.count <= inventory.properties.size(),
            "system properties out of range");
  }
  for (const models::Dependency& d : inventory.dependencies) {
    require(d.consumer < systems && d.provider < systems, "a dependency on a bad index");
    require(d.consumer != d.provider, "a self-dependency was kept");
  }
  for (models::AgencyIndex a = 0; a < agencies; ++a) {
    models::AgencyIndex at = a;
    for (size_t steps = 0; at != models::kNone; ++steps) {
      require(steps <= agencies, "agency parents form a cycle");
      at = inventory.agencies[at].parent;
    }
  }
  require(report.systems == systems, "the report counts other systems than the inventory holds");
  for (const models::Diagnostic& d : diagnostics.all()) {
    require(!d.code.empty() && !d.message.empty(), "a diagnostic without code or message");
    require(d.file == "model.xml", "a diagnostic names no input file");
    require(d.line >= 1 && d.line <= lines, "a diagnostic line outside its file");
  }
}

}  // namespace

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
  checkInventory(inventory, diagnostics, lines, report);
  return 0;
}
