// libFuzzer target: bytes through the reader of the national register of system ids (what
// `validate --known` reads), then checks what it handed over: every id it kept is found again,
// non-empty, and no more systems than the file has lines. Built and run by fuzz/run.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "importers/csv/national_ids.h"

using namespace cloudplan;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) +
                       static_cast<size_t>(std::count(text.begin(), text.end(), '\r')) + 1;
  models::Diagnostics diagnostics;
  const auto known = importers::readNationalIdsText("national-ids.csv", text, diagnostics);
  if (!known) {
    if (!diagnostics.hasErrors()) {
      std::fprintf(stderr, "invariant: a register refused without an error\n");
      std::abort();
    }
    return 0;
  }
  if (known->size() > lines) {
    std::fprintf(stderr, "invariant: %zu systems from %zu lines\n", known->size(), lines);
    std::abort();
  }
  for (const std::string_view id : known->ids()) {
    const auto entry = known->find(id);
    if (id.empty() || !entry || entry->id != id) {
      std::fprintf(stderr, "invariant: id not found again\n");
      std::abort();
    }
  }
  return 0;
}
