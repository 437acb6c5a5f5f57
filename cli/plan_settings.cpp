#include "cli/plan_settings.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <iostream>

#include "cli/terminal_text.h"
#include "exporters/graphviz/graphviz_render.h"
#include "importers/suggest.h"
#include "importers/text_encoding.h"

namespace cloudplan::cli {

std::optional<double> readNumberOption(std::string_view option, std::string_view text,
                                       const NumberRange& range, std::string& error) {
  double value = 0;
  bool read = false;
  const char* end = text.data() + text.size();
  if (range.whole) {
    uint64_t whole = 0;
    const auto [stop, problem] = std::from_chars(text.data(), end, whole);
    read = problem == std::errc() && stop == end;
    value = static_cast<double>(whole);
  } else {
    const auto [stop, problem] = std::from_chars(text.data(), end, value);
    read = problem == std::errc() && stop == end;
  }
  if (read && value >= range.least && value <= range.most) return value;  // false for NaN
  error =
      fmt::format("{} {} is not a {} from {:.15g} to {:.15g} ({})", option, models::quoted(text),
                  range.whole ? "whole number" : "number", range.least, range.most, range.means);
  return std::nullopt;
}

namespace {

// The readers of the values that are not numbers, shared by the table and planSettingsFrom.
std::optional<models::Order> readOrder(std::string_view name, std::string_view text,
                                       std::string& error) {
  if (auto order = models::parseName<models::Order>(text)) return order;
  error = fmt::format("{} {} is not one of {}", name, models::quoted(text),
                      models::allowedNames<models::Order>());
  return std::nullopt;
}

std::optional<models::Date> readDate(std::string_view name, std::string_view text,
                                     std::string& error) {
  if (auto date = models::parseDate(text)) return date;
  error = fmt::format("{} {} is not a date YYYY-MM-DD", name, models::quoted(text));
  return std::nullopt;
}

std::optional<models::FreezeWindow> readWindow(std::string_view name, std::string_view text,
                                               std::string& error) {
  const size_t dots = text.find("..");
  const auto from = models::parseDate(text.substr(0, dots));
  const auto to =
      dots == std::string_view::npos ? std::nullopt : models::parseDate(text.substr(dots + 2));
  if (from && to && !(*to < *from)) return models::FreezeWindow{*from, *to};
  error =
      fmt::format("{} {} is not a window FROM..TO of dates (for example 2027-12-20..2028-01-02)",
                  name, models::quoted(text));
  return std::nullopt;
}

std::optional<bool> readFlag(std::string_view name, std::string_view text, std::string& error) {
  if (text == "true") return true;
  if (text == "false") return false;
  error = fmt::format("{} {} is not true or false", name, models::quoted(text));
  return std::nullopt;
}

template <auto Field>
bool readFlagInto(std::string_view name, std::string_view text, PlanOptions& options,
                  std::string& error) {
  const auto flag = readFlag(name, text, error);
  if (flag) options.*Field = *flag;
  return flag.has_value();
}

template <const NumberRange& Range, typename Number>
bool readNumberInto(std::string_view name, std::string_view text, Number& value,
                    std::string& error) {
  const auto number = readNumberOption(name, text, Range, error);
  if (number) value = static_cast<Number>(*number);
  return number.has_value();
}

const Setting kSettings[] = {
    {"order", "order", SettingUse::planning, SettingForm::choice, nullptr, "ORDER",
     "which end of a dependency moves first: providers-first, consumers-first or none",
     "\"providers-first\"", "\"providers-first\"",
     [](auto name, auto text, PlanOptions& options, std::string& error) {
       if (!readOrder(name, text, error)) return false;
       options.order = text;
       return true;
     },
     nullptr},
    {"wave-capacity", "wave_capacity", SettingUse::planning, SettingForm::number,
     &kWaveCapacityRange, "N", "at most N systems in a wave", "", "40",
     [](auto name, auto text, PlanOptions& options, std::string& error) {
       return readNumberInto<kWaveCapacityRange>(name, text, options.waveCapacity.emplace(),
                                                 error) ||
              (options.waveCapacity.reset(), false);
     },
     nullptr},
    {"wave-effort", "wave_effort", SettingUse::planning, SettingForm::number, &kWaveEffortRange,
     "D", "at most D effort-days in a wave", "", "400",
     [](auto name, auto text, PlanOptions& options, std::string& error) {
       return readNumberInto<kWaveEffortRange>(name, text, options.waveEffort.emplace(), error) ||
              (options.waveEffort.reset(), false);
     },
     nullptr},
    {"start", "start", SettingUse::planning, SettingForm::date, nullptr, "YYYY-MM-DD",
     "first day of wave 1", "2027-01-04", "2027-01-04",
     [](auto name, auto text, PlanOptions& options, std::string& error) {
       if (!readDate(name, text, error)) return false;
       options.start = text;
       return true;
     },
     nullptr},
    {"wave-length", "wave_length_days", SettingUse::planning, SettingForm::number,
     &kWaveLengthRange, "DAYS", "days in a wave", "28", "28",
     [](auto name, auto text, PlanOptions& options, std::string& error) {
       return readNumberInto<kWaveLengthRange>(name, text, options.waveLengthDays, error);
     },
     nullptr},
    {"freeze", "freeze", SettingUse::planning, SettingForm::windows, nullptr, "FROM..TO",
     "no migration work in these days", "[]", "[\"2027-12-20..2028-01-02\"]",
     [](auto name, auto text, PlanOptions& options, std::string& error) {
       if (!readWindow(name, text, error)) return false;
       options.freeze.emplace_back(text);
       return true;
     },
     [](PlanOptions& options) { options.freeze.clear(); }},
    {"allow-oversize", "allow_oversize", SettingUse::planning, SettingForm::flag, nullptr, "",
     "give a move group over a limit a wave of its own instead of failing", "false", "true",
     readFlagInto<&PlanOptions::allowOversize>, nullptr},
    {"default-agency", "default_agency", SettingUse::reading, SettingForm::text, nullptr, "CODE",
     "agency of ArchiMate systems that name none", "", "\"MOF\"",
     [](auto, auto text, PlanOptions& options, std::string&) {
       options.defaultAgency = text;
       return true;
     },
     nullptr},
    {"encoding", "encoding", SettingUse::reading, SettingForm::text, nullptr, "NAME",
     "read CSV files that are not UTF-8 as windows-1252 or iso-8859-1", "", "\"windows-1252\"",
     [](auto name, auto text, PlanOptions& options, std::string& error) {
       if (!importers::isConvertibleEncoding(text)) {
         error = fmt::format("{} {} is not one of windows-1252, iso-8859-1", name,
                             models::quoted(text));
         return false;
       }
       options.encoding = text;
       return true;
     },
     nullptr},
    {"archimate", "archimate", SettingUse::output, SettingForm::flag, nullptr, "",
     "also write plan.archimate.xml, the plan as an ArchiMate model", "false", "true",
     readFlagInto<&PlanOptions::archimate>, nullptr},
    {"render", "render", SettingUse::output, SettingForm::flag, nullptr, "",
     "also write the diagrams, schedule.svg and report.html", "false", "true",
     readFlagInto<&PlanOptions::render>, nullptr},
    {"format", "format", SettingUse::output, SettingForm::formats, nullptr, "FORMATS",
     "diagram formats with --render: svg,png,pdf", "[\"svg\"]", "[\"svg\", \"png\"]",
     [](auto name, auto text, PlanOptions& options, std::string& error) {
       // One value may list several, comma-separated, as --format svg,png does.
       for (size_t start = 0; start <= text.size();) {
         const size_t comma = std::min(text.find(',', start), text.size());
         const std::string_view format = text.substr(start, comma - start);
         start = comma + 1;
         if (format.empty()) continue;
         if (!models::parseName<exporters::ImageFormat>(format)) {
           error = fmt::format("{} {} is not one of {}", name, models::quoted(format),
                               models::allowedNames<exporters::ImageFormat>());
           return false;
         }
         options.formats.emplace_back(format);
       }
       return true;
     },
     [](PlanOptions& options) { options.formats.clear(); }},
};

}  // namespace

std::span<const Setting> planSettings() {
  return kSettings;
}

const Setting* findSetting(std::string_view name) {
  if (name.starts_with("--")) name.remove_prefix(2);
  for (const Setting& setting : kSettings) {
    if (setting.option == name || setting.key == name) return &setting;
  }
  // wave_length: the option's name in the file's style is the same setting too.
  std::string dashed(name);
  std::replace(dashed.begin(), dashed.end(), '_', '-');
  for (const Setting& setting : kSettings) {
    if (setting.option == dashed) return &setting;
  }
  return nullptr;
}

std::string settingSuggestion(std::string_view name, SettingName form, std::string_view otherwise) {
  const auto shown = [form](const Setting& s) {
    return form == SettingName::option ? s.option : s.key;
  };
  // The other form of a name (wave_length_days for --vary, wave-length in the file) is the same
  // setting: say how this place spells it.
  if (const Setting* same = findSetting(name)) return importers::didYouMean(shown(*same));
  std::vector<std::string_view> names;
  for (const Setting& setting : kSettings)
    names.push_back(shown(setting));
  importers::Suggester suggester(names);
  return importers::didYouMean(suggester.closest(name), otherwise);
}

bool applySetting(const Setting& setting, std::string_view name,
                  const std::vector<std::string>& texts, PlanOptions& options,
                  std::vector<std::string>& errors) {
  bool ok = true;
  if (setting.clear) setting.clear(options);
  for (const std::string& text : texts) {
    std::string error;
    if (!setting.read(name, text, options, error)) {
      errors.push_back(std::move(error));
      ok = false;
    }
  }
  return ok;
}

std::optional<models::PlanSettings> planSettingsFrom(const PlanOptions& options,
                                                     std::string_view command) {
  models::PlanSettings settings;
  bool ok = true;
  auto usage = [&](std::string message) {
    std::cerr << "cloudplan " << command << ": error: " << printable(message) << '\n';
    ok = false;
  };
  std::string error;
  if (auto order = readOrder("--order", options.order, error)) {
    settings.order = *order;
  } else {
    usage(error);
  }
  settings.waveCapacity = options.waveCapacity;
  settings.waveEffort = options.waveEffort;
  settings.waveLengthDays = options.waveLengthDays;
  if (auto start = readDate("--start", options.start, error)) {
    settings.start = *start;
    const int32_t length = static_cast<int32_t>(options.waveLengthDays);
    if (models::kLastDate - *start < length - 1) {
      usage(fmt::format(
          "--start {} leaves no room for wave 1: {} days from it end after {}, the "
          "last day a plan can have (start earlier)",
          models::quoted(options.start), length, models::formatDate(models::kLastDate)));
    }
  } else {
    usage(error);
  }
  for (const std::string& text : options.freeze) {
    if (auto window = readWindow("--freeze", text, error)) {
      settings.freeze.push_back(*window);
    } else {
      usage(error);
    }
  }
  settings.allowOversize = options.allowOversize;
  settings.config = options.config;
  if (!ok) return std::nullopt;
  return settings;
}

}  // namespace cloudplan::cli
