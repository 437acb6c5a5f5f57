// The blank inventory a ministry fills in: the three CSV files with their headers and one example
// row each, and a README.txt that explains every column.
#pragma once

#include <string>
#include <vector>

namespace cloudplan::exporters {

struct TemplateFile {
  std::string name;
  std::string content;
};

std::vector<TemplateFile> inventoryTemplate();

}  // namespace cloudplan::exporters
