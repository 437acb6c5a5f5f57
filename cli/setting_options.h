// The settings of `plan` as command-line options, made from the table of settings
// (cli/plan_settings), and the effective settings of a run: the defaults, then cloudplan.toml
// (--config FILE, or the one beside the first input), then the options given.
#pragma once

#include <CLI/CLI.hpp>

#include <deque>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.h"
#include "cli/plan_settings.h"

namespace cloudplan::cli {

class SettingOptions {
 public:
  // Adds --OPTION for every setting of one of `uses`, and --config.
  void add(CLI::App& command, std::initializer_list<SettingUse> uses);

  // Sets `options` from the settings file and the options given. Usage errors, all of them, go
  // to stderr and give false; "reading settings from FILE" too, unless quiet.
  bool resolve(std::string_view command, PlanOptions& options) const;

  // Whether --OPTION of `setting` was given on the command line.
  bool given(const Setting& setting) const;

 private:
  struct Bound {
    const Setting* setting;
    CLI::Option* option;
  };
  std::vector<Bound> bound_;
  // Where CLI11 puts the values: a deque, so that adding one keeps the others where they are.
  std::deque<std::vector<std::string>> texts_;
  std::deque<int> flags_;
  std::string config_;
  CLI::Option* configOption_ = nullptr;
};

}  // namespace cloudplan::cli
