// toml++ is included here only: it is large, and nothing else needs it.
#include "cli/settings_file.h"

#include <fmt/format.h>

#include <toml++/toml.h>
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/plan_settings.h"
#include "importers/input_file.h"
#include "models/date.h"

namespace cloudplan::cli {
namespace {

std::string_view typeOf(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a number with a fraction";
    case toml::node_type::boolean:
      return "true or false";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date and time";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::table:
      return "a table";
    default:
      return "nothing";
  }
}

// What a setting's value must be in the file, for the message when it is not.
std::string expected(const Setting& setting) {
  switch (setting.form) {
    case SettingForm::number:
      return fmt::format("a {} from {:.15g} to {:.15g} ({})",
                         setting.range->whole ? "whole number" : "number", setting.range->least,
                         setting.range->most, setting.range->means);
    case SettingForm::date:
      return fmt::format("a date ({} = 2027-01-04)", setting.key);
    case SettingForm::choice:
    case SettingForm::text:
      return fmt::format("a string ({} = {})", setting.key, setting.example);
    case SettingForm::flag:
      return "true or false";
    case SettingForm::windows:
    case SettingForm::formats:
      return fmt::format("an array ({} = {})", setting.key, setting.example);
  }
  return {};
}

uint32_t lineOf(const toml::node& node) {
  return node.source().begin.line;
}

// The text of a scalar TOML value in the form the setting reads, as an option's value would be;
// nullopt when the value is of another type.
std::optional<std::string> textOf(const Setting& setting, const toml::node& node) {
  switch (setting.form) {
    case SettingForm::number:
      if (auto n = node.as_integer()) return std::to_string(n->get());
      if (auto x = node.as_floating_point()) return fmt::format("{}", x->get());
      return std::nullopt;
    case SettingForm::date:
      if (auto d = node.as_date()) {
        const auto& date = d->get();
        return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
      }
      [[fallthrough]];
    case SettingForm::choice:
    case SettingForm::text:
    case SettingForm::formats:
      if (auto s = node.as_string()) return s->get();
      return std::nullopt;
    case SettingForm::flag:
      if (auto b = node.as_boolean()) return b->get() ? "true" : "false";
      return std::nullopt;
    case SettingForm::windows:
      if (auto s = node.as_string()) return s->get();
      // [from, to], as plan.json writes a window: dates or strings.
      if (auto pair = node.as_array(); pair && pair->size() == 2) {
        Setting date = setting;
        date.form = SettingForm::date;
        const auto from = textOf(date, *pair->get(0));
        const auto to = textOf(date, *pair->get(1));
        if (from && to) return *from + ".." + *to;
      }
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

std::string automaticSettingsFile(const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  if (inputs.empty() || inputs.front() == "-") return {};
  std::error_code ec;
  const fs::path first = inputs.front();
  const fs::path folder = fs::is_directory(first, ec) ? first : first.parent_path();
  const fs::path file = folder / kSettingsFileName;
  if (!fs::is_regular_file(file, ec)) return {};
  return file.string();
}

std::optional<models::ConfigFile> readSettingsText(const std::string& path, std::string_view text,
                                                   PlanOptions& options,
                                                   std::vector<std::string>& errors) {
  const size_t before = errors.size();
  toml::table table;
  try {
    table = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    std::string description(e.description());
    if (!description.empty()) description[0] = static_cast<char>(std::tolower(description[0]));
    errors.push_back(fmt::format("{}:{}:{}: error: {} (the file is not TOML)", path,
                                 e.source().begin.line, e.source().begin.column, description));
    return std::nullopt;
  }
  // In the order of the file, so that the errors are too.
  std::vector<std::pair<const toml::key*, const toml::node*>> entries;
  for (const auto& [key, node] : table)
    entries.emplace_back(&key, &node);
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return a.first->source().begin < b.first->source().begin;
  });
  for (const auto& [key, node] : entries) {
    const std::string_view name = key->str();
    const uint32_t line = key->source().begin.line;
    const Setting* setting = findSetting(name);
    if (!setting || setting->key != name) {
      errors.push_back(fmt::format(
          "{}:{}: error: unknown setting {}{}", path, line, models::quoted(name),
          settingSuggestion(name, SettingName::key,
                            " (cloudplan template writes a cloudplan.toml with every setting)")));
      continue;
    }
    const bool list =
        setting->form == SettingForm::windows || setting->form == SettingForm::formats;
    const toml::array* array = list ? node->as_array() : nullptr;
    auto read = [&](const toml::node& value) {
      const uint32_t at = lineOf(value) ? lineOf(value) : line;
      std::string error;
      if (const auto given = textOf(*setting, value)) {
        if (setting->read(setting->key, *given, options, error)) return;
      } else if (array) {
        // A list's elements: a window "FROM..TO" or [from, to] as plan.json writes it; a format.
        error = fmt::format(
            "{} holds {}, not a {} ({} = {})", setting->key, typeOf(value),
            setting->form == SettingForm::windows ? "window \"FROM..TO\"" : "format name",
            setting->key, setting->example);
      } else {
        error = fmt::format("{} is {}, not {}", setting->key, typeOf(value), expected(*setting));
      }
      errors.push_back(fmt::format("{}:{}: error: {}", path, at, error));
    };
    if (setting->clear) setting->clear(options);
    if (array) {
      for (const toml::node& element : *array)
        read(element);
    } else {
      read(*node);
    }
  }
  if (errors.size() > before) return std::nullopt;
  return models::ConfigFile{path, importers::sha256Hex(text)};
}

std::optional<models::ConfigFile> readSettingsFile(const std::string& path, PlanOptions& options,
                                                   std::vector<std::string>& errors) {
  std::ifstream file(path, std::ios::binary);
  std::string text;
  if (file) {
    text.resize(kMaxSettingsFileBytes + 1);
    file.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<size_t>(file.gcount()));
  }
  if (!file && !file.eof()) {
    errors.push_back(fmt::format("{}: error: cannot read the settings file ({})", path,
                                 std::error_code(errno, std::generic_category()).message()));
    return std::nullopt;
  }
  if (text.size() > kMaxSettingsFileBytes) {
    errors.push_back(
        fmt::format("{}: error: the settings file is larger than {} bytes (a "
                    "cloudplan.toml is a few lines: is this the right file?)",
                    path, kMaxSettingsFileBytes));
    return std::nullopt;
  }
  return readSettingsText(path, text, options, errors);
}

std::string settingsFileTemplate() {
  std::string out =
      "# cloudplan.toml: the settings of `cloudplan plan` (and whatif, validate) for the\n"
      "# inventory in this folder. cloudplan reads it when this folder holds the first input,\n"
      "# or with --config FILE; an option on the command line overrides the setting here.\n"
      "# The keys are plan.json's names for the settings; the values are those the options\n"
      "# take. Settings with a default are set to it; remove the # of the others to set them.\n";
  for (const Setting& setting : planSettings()) {
    out += fmt::format("\n# {}", setting.meaning);
    if (setting.range) {
      out += fmt::format(": a {} from {:.15g} to {:.15g}",
                         setting.range->whole ? "whole number" : "number", setting.range->least,
                         setting.range->most);
    }
    out += fmt::format(".\n# (--{}; default: {})\n", setting.option,
                       setting.fallback.empty() ? "none" : setting.fallback);
    out += fmt::format("{}{} = {}\n", setting.fallback.empty() ? "# " : "", setting.key,
                       setting.fallback.empty() ? setting.example : setting.fallback);
  }
  return out;
}

}  // namespace cloudplan::cli
