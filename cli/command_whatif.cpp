// `cloudplan whatif`: the inventory read once and planned with every combination of the settings
// varied, on threads of their own (engine/plan_sweep); a table of the plans' figures.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/plan_settings.h"
#include "cli/progress.h"
#include "cli/replan_inputs.h"
#include "cli/terminal_text.h"
#include "engine/plan_sweep.h"
#include "exporters/atomic_write.h"
#include "exporters/csv/csv_writer.h"
#include "importers/read_inputs.h"

namespace cloudplan::cli {
namespace {

// More plans than this is a mistake in the --vary lists, not a sweep.
constexpr size_t kMaxCombinations = 10'000;

struct Varied {
  const Setting* setting;
  std::vector<std::string> values;
};

void usage(const std::string& message) {
  std::cerr << "cloudplan whatif: error: " << printable(message) << '\n';
}

// The --vary lists, each value checked as the option would be. Usage errors, all of them, are
// printed and give nullopt.
std::optional<std::vector<Varied>> variedSettings(const WhatifOptions& options) {
  std::vector<Varied> varied;
  bool ok = true;
  for (const std::string& text : options.vary) {
    const size_t equals = text.find('=');
    if (equals == std::string::npos) {
      usage(
          fmt::format("--vary {} is not NAME=VALUE,VALUE,... (for example --vary "
                      "wave-capacity=20,30,40)",
                      models::quoted(text)));
      ok = false;
      continue;
    }
    const std::string name = text.substr(0, equals);
    const Setting* setting = findSetting(name);
    if (!setting || setting->option != name) {
      usage(fmt::format("--vary {} names no setting{}", models::quoted(name),
                        settingSuggestion(name, SettingName::option,
                                          " (the settings are plan's options without --: "
                                          "cloudplan help whatif lists them)")));
      ok = false;
      continue;
    }
    if (setting->use != SettingUse::planning) {
      std::vector<std::string_view> planning;
      for (const Setting& s : planSettings()) {
        if (s.use == SettingUse::planning) planning.push_back(s.option);
      }
      usage(fmt::format("--vary {}: whatif varies the settings of the plan only ({})",
                        models::quoted(name), fmt::join(planning, ", ")));
      ok = false;
      continue;
    }
    const bool twice = std::any_of(varied.begin(), varied.end(),
                                   [&](const Varied& v) { return v.setting == setting; });
    const bool given = std::find(options.given.begin(), options.given.end(), setting->option) !=
                       options.given.end();
    if (twice || given) {
      usage(fmt::format("--vary {} {} (list every value in one --vary {}=...)", name,
                        twice ? "is given twice" : fmt::format("and --{} are both given", name),
                        name));
      ok = false;
      continue;
    }
    Varied values{setting, {}};
    const std::string list = text.substr(equals + 1);
    for (size_t start = 0; start <= list.size();) {
      const size_t comma = std::min(list.find(',', start), list.size());
      values.values.push_back(list.substr(start, comma - start));
      start = comma + 1;
    }
    if (std::any_of(values.values.begin(), values.values.end(),
                    [](const std::string& v) { return v.empty(); })) {
      usage(
          fmt::format("--vary {} lists an empty value (list the values with commas between: "
                      "--vary {}=V1,V2,...)",
                      models::quoted(text), name));
      ok = false;
      continue;
    }
    PlanOptions scratch = options.plan;
    std::vector<std::string> errors;
    for (const std::string& value : values.values)
      applySetting(*setting, "--vary " + name, {value}, scratch, errors);
    for (const std::string& error : errors)
      usage(error);
    ok = ok && errors.empty();
    varied.push_back(std::move(values));
  }
  if (!ok) return std::nullopt;
  return varied;
}

std::string churnOf(const engine::SweepResult& result) {
  return result.metrics && result.metrics->churn ? std::to_string(*result.metrics->churn) : "";
}

}  // namespace

int runWhatif(const WhatifOptions& options) {
  const auto varied = variedSettings(options);
  if (!varied) return kUsage;
  std::optional<models::Date> today;
  if (!options.plan.baseline.empty()) {
    if (!(today = replanToday("whatif", options.plan))) return kUsage;
    // A re-plan keeps its baseline's calendar: there is nothing of it to vary.
    for (const Varied& v : *varied) {
      const std::string_view name = v.setting->option;
      if (name == "start" || name == "wave-length" || name == "freeze") {
        usage(
            fmt::format("--vary {} does not go with --baseline: a re-plan keeps the calendar "
                        "of its baseline (vary the other settings)",
                        name));
        return kUsage;
      }
    }
  }
  size_t combinations = 1;
  for (const Varied& v : *varied) {
    combinations *= v.values.size();
    if (combinations > kMaxCombinations) {
      usage(fmt::format("the --vary lists make more than {} plans (vary fewer settings or values)",
                        kMaxCombinations));
      return kUsage;
    }
  }
  // The combinations in a stable order: the first --vary changes slowest.
  std::vector<std::vector<size_t>> picks(combinations, std::vector<size_t>(varied->size()));
  std::vector<models::PlanSettings> settings;
  for (size_t c = 0; c < combinations; ++c) {
    PlanOptions planOptions = options.plan;
    std::vector<std::string> errors;
    for (size_t v = varied->size(), rest = c; v-- > 0;) {
      const Varied& setting = (*varied)[v];
      picks[c][v] = rest % setting.values.size();
      rest /= setting.values.size();
      applySetting(*setting.setting, setting.setting->option, {setting.values[picks[c][v]]},
                   planOptions, errors);
    }
    auto made = planSettingsFrom(planOptions, "whatif");
    if (!made) return kUsage;
    settings.push_back(std::move(*made));
  }

  models::Diagnostics diagnostics;
  runProgress().phase("reading");
  const models::Inventory inventory = importers::readInputs(
      options.plan.inputs,
      {.defaultAgency = options.plan.defaultAgency, .encoding = options.plan.encoding},
      diagnostics);
  diagnostics.sort();
  printDiagnostics(std::cerr, diagnostics, options.plan.diagnostics, "whatif");
  if (diagnostics.hasErrors()) {
    const size_t errors = diagnostics.count(models::Severity::error);
    std::cerr << fmt::format("whatif: error: no plans made ({}; fix {} and run again)\n",
                             plural(errors, "error", "errors"), errors == 1 ? "it" : "them");
    return kInputErrors;
  }
  std::optional<ReplanFiles> replan;
  std::optional<engine::ReplanInput> input;
  if (today) {
    models::Diagnostics problems;
    replan = readReplanFiles(options.plan, inventory, *today, problems);
    problems.sort();
    printDiagnostics(std::cerr, problems, options.plan.diagnostics, "whatif");
    if (!replan || problems.hasErrors()) {
      std::cerr << "whatif: error: no plans made (fix the baseline and progress files and run "
                   "again)\n";
      return kInputErrors;
    }
    if (!checkReplanCalendar("whatif", options.plan, settings.front(), replan->baseline))
      return kUsage;
    for (auto& each : settings)
      each.replan = replanSettingsOf(*replan);
    input.emplace(engine::ReplanInput{replan->baseline,
                                      replan->progress ? &*replan->progress : nullptr, *today});
  }
  runProgress().phase("planning");
  const auto results =
      engine::planSweep(inventory, settings, options.jobs, input ? &*input : nullptr);

  const bool churn =
      input.has_value() || std::any_of(results.begin(), results.end(),
                                       [](const auto& r) { return r.metrics && r.metrics->churn; });
  std::vector<std::string> header;
  for (const Varied& v : *varied)
    header.emplace_back(v.setting->option);
  const size_t figuresFrom = header.size();
  for (const char* column :
       {"waves", "lower bound", "end", "peak hybrid links", "permanent hybrid links"})
    header.emplace_back(column);
  if (churn) header.emplace_back("churn");
  std::vector<std::vector<std::string>> rows;
  size_t failed = 0;
  for (size_t c = 0; c < combinations; ++c) {
    std::vector<std::string> row;
    for (size_t v = 0; v < varied->size(); ++v)
      row.push_back((*varied)[v].values[picks[c][v]]);
    const auto& result = results[c];
    if (result.metrics) {
      const auto& m = *result.metrics;
      row.push_back(std::to_string(m.waves));
      row.push_back(std::to_string(m.lowerBound.waves));
      row.push_back(result.end ? models::formatDate(*result.end) : "-");
      row.push_back(std::to_string(m.peakHybridLinks));
      row.push_back(std::to_string(m.permanentHybridLinks));
      if (churn) row.push_back(churnOf(result));
    } else {
      ++failed;
    }
    rows.push_back(std::move(row));
  }

  // The printed table: columns as wide as their widest cell, figures to the right.
  std::vector<size_t> widths(header.size());
  for (size_t i = 0; i < header.size(); ++i) {
    widths[i] = header[i].size();
    for (const auto& row : rows) {
      if (i < row.size()) widths[i] = std::max(widths[i], row[i].size());
    }
  }
  auto line = [&](const std::vector<std::string>& cells, const std::string& note) {
    std::string out;
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i) out += "  ";
      const bool left = i == figuresFrom + 2;  // the end date
      out += left ? fmt::format("{:<{}}", cells[i], widths[i])
                  : fmt::format("{:>{}}", cells[i], widths[i]);
    }
    if (!note.empty()) out += "  " + note;
    while (!out.empty() && out.back() == ' ')
      out.pop_back();
    return printable(out) + '\n';
  };
  std::cout << line(header, "");
  for (size_t c = 0; c < combinations; ++c) {
    std::string note;
    if (!results[c].metrics) {
      std::string error = results[c].error;
      if (error.size() > 100) error = error.substr(0, 97) + "...";
      note = "no plan: " + error;
    }
    std::cout << line(rows[c], note);
  }
  std::cout << fmt::format("whatif: {} of {}{}\n", plural(combinations, "plan", "plans"),
                           plural(inventory.systems.size(), "system", "systems"),
                           failed ? fmt::format(", {} without a feasible plan", failed) : "");

  if (!options.output.empty()) {
    std::string csv;
    std::vector<std::string> columns;
    for (const Varied& v : *varied)
      columns.emplace_back(v.setting->option);
    for (const char* column :
         {"waves", "lower_bound", "end", "peak_hybrid_links", "permanent_hybrid_links"})
      columns.emplace_back(column);
    if (churn) columns.emplace_back("churn");
    columns.emplace_back("error");
    exporters::appendCsvRow(csv, columns);
    for (size_t c = 0; c < combinations; ++c) {
      std::vector<std::string> row = rows[c];
      row.resize(columns.size() - 1);
      row.push_back(results[c].error);
      exporters::appendCsvRow(csv, row);
    }
    const exporters::FileToWrite file{options.output, csv};
    if (std::string error = exporters::writeFilesTogether({&file, 1}, true); !error.empty()) {
      std::cerr << "whatif: error: " << printable(error) << '\n';
      return kInputErrors;
    }
    std::cout << "wrote " << printable(options.output) << '\n';
  }
  return kOk;
}

}  // namespace cloudplan::cli
