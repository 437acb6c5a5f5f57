#include "cli/setting_options.h"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "cli/progress.h"
#include "cli/settings_file.h"
#include "cli/terminal_text.h"

namespace cloudplan::cli {
namespace {

// The option's --help: what it means, then its range, default and whether it repeats.
std::string helpOf(const Setting& setting) {
  std::vector<std::string> notes;
  if (setting.range) {
    notes.push_back(fmt::format("{:.15g} to {:.15g}", setting.range->least, setting.range->most));
  }
  if (!setting.fallback.empty() && setting.form != SettingForm::flag &&
      setting.form != SettingForm::windows) {
    std::string shown(setting.fallback);
    std::erase_if(shown, [](char c) { return c == '"' || c == '[' || c == ']'; });
    notes.push_back("default " + shown);
  }
  if (setting.form == SettingForm::windows) notes.push_back("repeatable");
  if (notes.empty()) return std::string(setting.meaning);
  return fmt::format("{} ({})", setting.meaning, fmt::join(notes, "; "));
}

}  // namespace

void SettingOptions::add(CLI::App& command, std::initializer_list<SettingUse> uses) {
  for (const Setting& setting : planSettings()) {
    if (std::find(uses.begin(), uses.end(), setting.use) == uses.end()) continue;
    const std::string name = "--" + std::string(setting.option);
    CLI::Option* option = nullptr;
    if (setting.form == SettingForm::flag) {
      option = command.add_flag(name, flags_.emplace_back(0), helpOf(setting));
    } else {
      option = command.add_option(name, texts_.emplace_back(), helpOf(setting))
                   ->type_name(std::string(setting.valueName))
                   ->allow_extra_args(false);
      // A setting of one value takes one --OPTION; a list (freeze, format) any number.
      if (setting.form != SettingForm::windows && setting.form != SettingForm::formats)
        option->expected(1)->multi_option_policy(CLI::MultiOptionPolicy::Throw);
    }
    bound_.push_back({&setting, option});
  }
  configOption_ = command
                      .add_option("--config", config_,
                                  "read the settings from this file instead of the cloudplan.toml "
                                  "beside the first input")
                      ->type_name("FILE");
}

bool SettingOptions::given(const Setting& setting) const {
  for (const Bound& bound : bound_) {
    if (bound.setting == &setting) return bound.option->count() > 0;
  }
  return false;
}

bool SettingOptions::resolve(std::string_view command, PlanOptions& options) const {
  std::vector<std::string> errors;
  std::string file = config_;
  if (configOption_->count() == 0) {
    file = automaticSettingsFile(options.inputs);
    if (!file.empty() && !isQuiet())
      std::cerr << fmt::format("cloudplan: reading settings from {}\n", printable(file));
  } else if (file.empty()) {
    std::cerr << fmt::format(
        "cloudplan {}: error: --config '' names no file (name a cloudplan.toml)\n", command);
    return false;
  }
  if (!file.empty()) {
    options.config = readSettingsFile(file, options, errors);
    for (const std::string& error : errors)
      std::cerr << printable(error) << '\n';
    if (!errors.empty()) return false;
  }
  size_t flag = 0, text = 0;
  for (const Bound& bound : bound_) {
    const bool isFlag = bound.setting->form == SettingForm::flag;
    const std::vector<std::string>* values = isFlag ? nullptr : &texts_[text++];
    const int set = isFlag ? flags_[flag++] : 0;
    if (bound.option->count() == 0) continue;
    const std::vector<std::string> flagTexts{set > 0 ? "true" : "false"};
    applySetting(*bound.setting, "--" + std::string(bound.setting->option),
                 isFlag ? flagTexts : *values, options, errors);
  }
  for (const std::string& error : errors)
    std::cerr << fmt::format("cloudplan {}: error: {}\n", command, printable(error));
  return errors.empty();
}

}  // namespace cloudplan::cli
