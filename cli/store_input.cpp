#include "cli/store_input.h"

#include <fmt/format.h>

#include <iostream>

#include "cli/terminal_text.h"

namespace cloudplan::cli {

std::optional<store::StoreDatabase> openStore(std::string_view command, const std::string& path) {
  std::string error;
  auto opened = store::StoreDatabase::open(path, error);
  if (!opened) std::cerr << fmt::format("{}: error: {}\n", command, printable(error));
  return opened;
}

}  // namespace cloudplan::cli
