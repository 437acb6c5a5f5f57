// The `cloudplan` command: parses arguments and hands them to a subcommand. Any exception that
// escapes is a bug, reported as an internal error with exit code 3.
#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cctype>
#include <cstdlib>
#include <exception>
#include <iostream>

#include "cli/commands.h"
#include "cli/huge_pages.h"
#include "cli/plan_settings.h"
#include "cli/progress.h"
#include "cli/setting_options.h"
#include "cli/terminal_text.h"
#include "importers/suggest.h"
#include "importers/text_encoding.h"
#include "models/utc_time.h"

namespace cloudplan::cli {
namespace {

void addDiagnosticsOption(CLI::App& command, DiagnosticsFormat& format) {
  command
      .add_option("--diagnostics", format,
                  "how to print problems: text (file:line: error: ...) or json (one object a line)")
      ->type_name("text|json")
      ->transform(CLI::CheckedTransformer(
                      std::map<std::string, DiagnosticsFormat>{{"text", DiagnosticsFormat::text},
                                                               {"json", DiagnosticsFormat::json}})
                      .description(""));
}

// A number option is taken as text and read by readNumberOption, so that the message names what
// was typed ('1e999', not inf) and the option's range.
CLI::Option* addNumberOption(CLI::App& command, const std::string& name, std::string& text,
                             const std::string& description, const std::string& typeName) {
  return command.add_option(name, text, description)->type_name(typeName);
}

template <typename Number>
bool readNumber(std::string_view command, std::string_view option, const std::string& text,
                const NumberRange& range, Number& value) {
  std::string error;
  const auto number = readNumberOption(option, text, range, error);
  if (!number) {
    std::cerr << fmt::format("cloudplan {}: error: {}\n", command, printable(error));
    return false;
  }
  value = static_cast<Number>(*number);
  return true;
}

std::vector<const CLI::App*> commandsOf(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App*) { return true; });
}

bool isCommand(const CLI::App& app, std::string_view word) {
  for (const CLI::App* command : commandsOf(app)) {
    if (command->get_name() == word) return true;
  }
  return false;
}

// A command line whose first word is not a command: the closest command, if it is a typo.
// A word that is not a command of `app` (cloudplan, or one with commands of its own: store): the
// closest of them, if it is a typo.
int unknownCommand(const CLI::App& app, std::string_view word) {
  std::vector<std::string> names;
  for (const CLI::App* command : commandsOf(app))
    names.push_back(command->get_name());
  importers::Suggester suggester({names.begin(), names.end()});
  const auto close = suggester.closest(word);
  const bool top = app.get_parent() == nullptr;
  const std::string name = top ? "cloudplan" : "cloudplan " + app.get_name();
  std::cerr << fmt::format("{}: error: unknown command {} ({})\n", name,
                           printable(models::quoted(word)),
                           close ? fmt::format("did you mean {}?", models::quoted(*close))
                           : top ? std::string("cloudplan help lists the commands")
                                 : fmt::format("{} --help lists its commands", name));
  return kUsage;
}

// The first word of the command line from `from` on that is not an option: the command, and
// where it is.
std::optional<std::pair<std::string_view, int>> commandWord(int argc, char** argv, int from = 1) {
  for (int i = from; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word == "--")
      return i + 1 < argc ? std::optional(std::pair(std::string_view(argv[i + 1]), i + 1))
                          : std::nullopt;
    if (!word.starts_with('-')) return std::pair(word, i);
  }
  return std::nullopt;
}

// --baseline, --progress and --today: a re-plan, for plan and whatif alike.
CLI::Option* addReplanOptions(CLI::App& command, PlanOptions& options) {
  command
      .add_option("--baseline", options.baseline,
                  "re-plan: the plan.json being executed (keeps its calendar and, where the "
                  "rules allow, its waves)")
      ->type_name("PLAN.json");
  command
      .add_option("--progress", options.progress,
                  "re-plan: progress.csv, each system's status (planned, in-progress, done, "
                  "on-hold)")
      ->type_name("FILE");
  return command
      .add_option("--today", options.today,
                  "re-plan: the day that splits started waves from the rest (default: today)")
      ->type_name("YYYY-MM-DD");
}

// After the settings are resolved: notes whether they set a calendar (a re-plan keeps its
// baseline's) and whether --today was given, and refuses --progress or --today without
// --baseline, and standard input named twice.
bool checkReplanOptions(std::string_view command, const CLI::Option& today, PlanOptions& options) {
  options.todayGiven = today.count() > 0;
  // From the options or cloudplan.toml alike: a calendar other than the default one.
  const PlanOptions defaults;
  options.calendarGiven = options.start != defaults.start ||
                          options.waveLengthDays != defaults.waveLengthDays ||
                          !options.freeze.empty();
  std::vector<std::string_view> fromStdin;
  if (std::find(options.inputs.begin(), options.inputs.end(), "-") != options.inputs.end())
    fromStdin.push_back("the input");
  if (options.baseline == "-") fromStdin.push_back("--baseline");
  if (options.progress == "-") fromStdin.push_back("--progress");
  if (fromStdin.size() > 1) {
    std::cerr << fmt::format(
        "cloudplan {}: error: {} and {} both name standard input (-), which can be read once "
        "(give one of them as a file)\n",
        command, fromStdin[0], fromStdin[1]);
    return false;
  }
  if (options.baseline.empty() && (!options.progress.empty() || options.todayGiven)) {
    std::cerr << fmt::format(
        "cloudplan {}: error: {} applies to a re-plan only (give the plan being executed with "
        "--baseline)\n",
        command, options.progress.empty() ? "--today" : "--progress");
    return false;
  }
  return true;
}

// `cloudplan help [COMMAND]`: the overview, or one command's options, on stdout.
int printHelp(const CLI::App& app, const std::string& topic) {
  if (topic.empty()) {
    std::cout << app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal);
    return kOk;
  }
  for (const CLI::App* command : commandsOf(app)) {
    if (command->get_name() == topic) {
      std::cout << command->help(app.get_name());
      return kOk;
    }
  }
  return unknownCommand(app, topic);
}

// The closest option of `command` (or of cloudplan itself) to a mistyped one, as in
// "--wave-capacty" for "--wave-capacity".
std::optional<std::string> closestOption(const CLI::App& app, const CLI::App& command,
                                         std::string_view typed) {
  if (!typed.starts_with("--")) return std::nullopt;
  typed = typed.substr(0, typed.find('='));
  std::vector<std::string> names;
  for (const CLI::App* owner : {&command, &app}) {
    for (const CLI::Option* option : owner->get_options()) {
      for (const std::string& name : option->get_lnames())
        names.push_back("--" + name);
    }
  }
  importers::Suggester suggester({names.begin(), names.end()});
  const auto close = suggester.closest(typed);
  return close ? std::optional(std::string(*close)) : std::nullopt;
}

// CLI11's own messages ("The following argument was not expected: x") in the house style.
int usageError(CLI::App& app, const CLI::ParseError& e) {
  std::string command = app.get_name();
  const CLI::App* last = &app;
  // `cloudplan store status`: the parsed subcommand of each parsed command, down to the last.
  for (auto parsed = app.get_subcommands(); !parsed.empty();
       parsed = parsed.front()->get_subcommands()) {
    command += " " + parsed.front()->get_name();
    last = parsed.front();
  }
  std::string message = e.what();
  if (!message.empty()) message[0] = static_cast<char>(std::tolower(message[0]));
  std::string hint = fmt::format("{} --help lists the options", command);
  if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
    for (const std::string& extra : app.remaining(true)) {
      if (auto close = closestOption(app, *last, extra)) {
        hint = fmt::format("did you mean {}?", models::quoted(*close));
        break;
      }
    }
  }
  std::cerr << fmt::format("{}: error: {} ({})\n", command, printable(message), printable(hint));
  return kUsage;
}

void addEncodingOption(CLI::App& command, std::string& encoding) {
  command
      .add_option("--encoding", encoding,
                  "read CSV files that are not UTF-8 as windows-1252 or iso-8859-1")
      ->type_name("NAME")
      ->check(CLI::Validator(
          [](const std::string& name) {
            return importers::isConvertibleEncoding(name)
                       ? std::string()
                       : "unknown encoding '" + name + "' (windows-1252 or iso-8859-1)";
          },
          "", ""));
}

// Inventory files or --store: one of them, not both.
bool checkInputsOrStore(std::string_view command, const std::vector<std::string>& inputs,
                        const std::string& store) {
  if (inputs.empty() == store.empty()) {
    std::cerr << fmt::format("cloudplan {}: error: {} (cloudplan {} --help lists the options)\n",
                             command,
                             store.empty() ? "name the inventory files or folders, or --store DB"
                                           : "name inventory files or --store DB, not both",
                             command);
    return false;
  }
  return true;
}

// Who makes a submission when --by does not say: the login name, as the history shows it.
std::string userName() {
  const char* user = std::getenv("USER");
  return user && *user ? std::string(user) : std::string("unknown");
}

RegisterOptions withUser(RegisterOptions options) {
  if (options.by.empty()) options.by = userName();
  return options;
}

int run(int argc, char** argv) {
  CLI::App app{
      "cloudplan: government system inventories into cloud-migration waves.\n\n"
      "Examples:\n"
      "  cloudplan template my-ministry/          write a blank inventory to fill in\n"
      "  cloudplan validate inventory/            check every file of a folder\n"
      "  cloudplan validate systems.csv deps.csv --diagnostics json\n"
      "  cloudplan plan inventory/ --wave-capacity 40 --freeze 2027-12-20..2028-01-02 -o out/\n"
      "  cloudplan explain out/plan.json MOF/payroll\n"
      "  cloudplan diff before/plan.json after/plan.json --format html -o diff.html\n"
      "  cloudplan render out/plan.json -o out/views --format svg,png --focus MOF/payroll",
      "cloudplan"};
  app.set_version_flag("--version", "cloudplan " CLOUDPLAN_VERSION);
  app.require_subcommand(0, 1);
  bool quiet = false;
  app.add_flag("-q,--quiet", quiet, "print errors only: no warnings, notes, summaries or progress");
  app.fallthrough();  // --quiet may come after the command too

  std::string helpTopic;
  CLI::App* helpCommand =
      app.add_subcommand("help", "describe the commands, or the options of one COMMAND");
  helpCommand->add_option("command", helpTopic, "a command")->type_name("COMMAND");

  ValidateOptions validate;
  CLI::App* validateCommand =
      app.add_subcommand("validate", "check inventory files and report every problem in them");
  validateCommand->add_option("inputs", validate.inputs, "inventory files or folders of them");
  validateCommand
      ->add_option("--store", validate.store, "check the national inventory of a store instead")
      ->type_name("DB");
  validateCommand
      ->add_option("--known", validate.known,
                   "resolve references against this register of ids (cloudplan export --ids)")
      ->type_name("FILE");
  SettingOptions validateSettings;
  validateSettings.add(*validateCommand, {SettingUse::reading});
  addDiagnosticsOption(*validateCommand, validate.diagnostics);

  std::string templateFolder;
  CLI::App* templateCommand = app.add_subcommand(
      "template", "write a blank inventory (systems, dependencies, agencies) to fill in");
  templateCommand->add_option("folder", templateFolder, "where to write the files")->required();
  bool templateForce = false;
  templateCommand->add_flag("--force", templateForce, "replace inventory files that exist");

  PlanOptions plan;
  CLI::App* planCommand =
      app.add_subcommand("plan", "sequence the inventory into migration waves and write the plan");
  planCommand->add_option("inputs", plan.inputs, "inventory files or folders of them");
  planCommand
      ->add_option("--store", plan.store,
                   "plan the national inventory of a store (its accepted submissions)")
      ->type_name("DB");
  planCommand->add_flag("--drop-unresolved", plan.dropUnresolved,
                        "with --store: plan without references to systems the store lacks");
  planCommand
      ->add_option("-o,--output", plan.outputFolder,
                   "folder for plan.json, schedule.csv, waves.csv")
      ->required();
  SettingOptions planSettingOptions;
  planSettingOptions.add(*planCommand,
                         {SettingUse::planning, SettingUse::reading, SettingUse::output});
  CLI::Option* planToday = addReplanOptions(*planCommand, plan);
  addDiagnosticsOption(*planCommand, plan.diagnostics);
  planCommand->add_flag("--force", plan.force,
                        "replace files in the output folder that cloudplan did not write");

  WhatifOptions whatif;
  std::string jobs;
  CLI::App* whatifCommand = app.add_subcommand(
      "whatif", "plan every combination of the --vary settings and compare them in a table");
  whatifCommand->add_option("inputs", whatif.plan.inputs, "inventory files or folders of them")
      ->required();
  whatifCommand
      ->add_option("--vary", whatif.vary,
                   "plan with each of these values of a setting (repeatable)")
      ->type_name("NAME=V1,V2,...")
      ->allow_extra_args(false);
  SettingOptions whatifSettings;
  whatifSettings.add(*whatifCommand, {SettingUse::planning, SettingUse::reading});
  CLI::Option* whatifToday = addReplanOptions(*whatifCommand, whatif.plan);
  whatifCommand->add_option("-o,--output", whatif.output, "also write the table to this CSV file")
      ->type_name("FILE");
  addNumberOption(*whatifCommand, "--jobs", jobs,
                  "plans made at once, 1 to 1024 (default: one per core)", "N");
  addDiagnosticsOption(*whatifCommand, whatif.plan.diagnostics);

  RenderOptions render;
  std::string depth = "1";
  CLI::App* renderCommand = app.add_subcommand(
      "render", "draw a plan.json: diagrams, the schedule (Gantt) and report.html");
  renderCommand->add_option("plan", render.plan, "a plan.json that cloudplan plan wrote")
      ->required();
  renderCommand->add_option("-o,--output", render.outputFolder, "folder for the views")->required();
  renderCommand->add_option("--format", render.formats, "diagram formats: svg (default),png,pdf")
      ->type_name("FORMATS");
  renderCommand
      ->add_option("--agency", render.agencies,
                   "also draw this agency and write its page report-CODE.html (repeatable); all: "
                   "every ministry, and ministries.html")
      ->type_name("CODE|all");
  renderCommand
      ->add_option("--gantt", render.gantt,
                   "the schedule on each agency's page: a row per wave (default) or per system")
      ->type_name("waves|systems");
  CLI::Option* renderToday =
      renderCommand
          ->add_option("--today", render.today,
                       "draw the schedules' today line on this day (default: a re-plan's today)")
          ->type_name("YYYY-MM-DD");
  renderCommand
      ->add_option("--focus", render.focus,
                   "also draw the neighbourhood of this system (repeatable)")
      ->type_name("SYSTEM_ID");
  addNumberOption(*renderCommand, "--depth", depth,
                  "links around a --focus system, 0 to 1000 (default 1)", "K");
  bool noWaves = false;
  renderCommand->add_flag("--no-waves", noWaves, "leave out the diagram of each wave");
  renderCommand->add_flag("--force", render.force,
                          "replace files in the output folder that cloudplan did not write");

  std::string explainPlan, explainSystem;
  CLI::App* explainCommand =
      app.add_subcommand("explain", "why a system is in its wave, from a plan.json");
  explainCommand->add_option("plan", explainPlan, "a plan.json that cloudplan plan wrote")
      ->required();
  explainCommand->add_option("system", explainSystem, "the id of a system")->required();

  DiffOptions diffOptions;
  CLI::App* diffCommand = app.add_subcommand(
      "diff", "what changed between two plans: moved, added and removed systems, waves, figures");
  diffCommand->add_option("old", diffOptions.oldPlan, "the plan.json before")->required();
  diffCommand->add_option("new", diffOptions.newPlan, "the plan.json after")->required();
  std::string diffFormat = "text";
  diffCommand->add_option("--format", diffFormat, "text (default), json or html")
      ->type_name("text|json|html");
  diffCommand->add_option("-o,--output", diffOptions.output, "write to this file, not stdout")
      ->type_name("FILE");
  diffCommand->add_flag("--exit-code", diffOptions.exitCode,
                        "exit 1 when the plans differ, 0 when not (2 is trouble)");

  CLI::App* storeCommand = app.add_subcommand(
      "store", "the national store: init, agencies (the register), status, check");
  storeCommand->require_subcommand(1);
  RegisterOptions registerOptions;
  auto addRegisterOptions = [&](CLI::App& command) {
    command.add_option("--by", registerOptions.by, "who makes the change (default: $USER)")
        ->type_name("NAME");
    command.add_option("--message", registerOptions.message, "why, for the history")
        ->type_name("TEXT");
    addEncodingOption(command, registerOptions.encoding);
  };
  CLI::App* storeInit =
      storeCommand->add_subcommand("init", "create a store with the national register of agencies");
  storeInit->add_option("store", registerOptions.store, "the store file to create")
      ->required()
      ->type_name("DB");
  storeInit->add_option("--agencies", registerOptions.agencies, "the register: an agencies CSV")
      ->required()
      ->type_name("FILE");
  addRegisterOptions(*storeInit);
  CLI::App* storeAgencies = storeCommand->add_subcommand(
      "agencies", "replace the register of agencies (a submission of the national office)");
  storeAgencies->add_option("store", registerOptions.store, "the store")
      ->required()
      ->type_name("DB");
  storeAgencies->add_option("agencies", registerOptions.agencies, "the new register")
      ->required()
      ->type_name("FILE");
  addRegisterOptions(*storeAgencies);
  std::string storePath;
  CLI::App* storeStatus = storeCommand->add_subcommand(
      "status", "each agency's last accepted submission and its unresolved references");
  storeStatus->add_option("store", storePath, "the store")->required()->type_name("DB");
  CLI::App* storeCheck = storeCommand->add_subcommand(
      "check", "check the store is whole: integrity, schema, every submission read again");
  storeCheck->add_option("store", storePath, "the store")->required()->type_name("DB");

  SubmitOptions submit;
  CLI::App* submitCommand =
      app.add_subcommand("submit", "submit an agency's part of the national inventory to a store");
  submitCommand->add_option("store", submit.store, "the store")->required()->type_name("DB");
  submitCommand->add_option("inputs", submit.inputs, "the agency's inventory files or folders")
      ->required();
  submitCommand->add_option("--agency", submit.agency, "the submitting agency's code")
      ->required()
      ->type_name("CODE");
  submitCommand->add_option("--by", submit.by, "who submits (default: $USER)")->type_name("NAME");
  submitCommand->add_option("--message", submit.message, "what changed, for the history")
      ->type_name("TEXT");
  submitCommand
      ->add_option("-o,--output", submit.outputFolder,
                   "also write feedback.txt and feedback.html to this folder")
      ->type_name("DIR");
  addEncodingOption(*submitCommand, submit.encoding);
  addDiagnosticsOption(*submitCommand, submit.diagnostics);
  submitCommand->add_flag("--force", submit.force,
                          "replace files in the feedback folder that cloudplan did not write");

  HistoryOptions history;
  std::string diff;
  CLI::App* historyCommand =
      app.add_subcommand("history", "the submissions made to a store, and what one changed");
  historyCommand->add_option("store", history.store, "the store")->required()->type_name("DB");
  historyCommand->add_option("--agency", history.agency, "only this agency's submissions")
      ->type_name("CODE");
  CLI::Option* diffOption =
      addNumberOption(*historyCommand, "--diff", diff, "what submission N changed", "N");

  ServeOptions serve;
  std::string maxFileMb, maxRequestMb, maxFiles, workers;
  CLI::App* serveCommand = app.add_subcommand(
      "serve",
      "the submission portal: ministries upload, the national office plans, reviewers read");
  serveCommand->add_option("store", serve.store, "the store")->required()->type_name("DB");
  serveCommand
      ->add_option("--listen", serve.listen, "the address and port (default 127.0.0.1:8080)")
      ->type_name("HOST:PORT");
  serveCommand
      ->add_option("--base-url", serve.baseUrl,
                   "the portal's address as users reach it (https: cookies are Secure)")
      ->type_name("URL");
  serveCommand->add_flag("--public", serve.publicAddress,
                         "allow listening on an address other machines reach");
  serveCommand
      ->add_option("--config", serve.config,
                   "cloudplan.toml for \"plan now\" (default: the one beside the store)")
      ->type_name("FILE");
  addNumberOption(*serveCommand, "--max-file-mb", maxFileMb, "the largest file of an upload (64)",
                  "N");
  addNumberOption(*serveCommand, "--max-request-mb", maxRequestMb,
                  "the largest upload, all files together (256)", "N");
  addNumberOption(*serveCommand, "--max-files", maxFiles, "the most files in one upload (50)", "N");
  addNumberOption(*serveCommand, "--workers", workers, "requests handled at once (8)", "N");

  ExportOptions exportOptions;
  std::string exportSubmission;
  CLI::App* exportCommand = app.add_subcommand(
      "export", "write a store's national inventory as CSV files (or its ids with --ids)");
  exportCommand->add_option("store", exportOptions.store, "the store")->required()->type_name("DB");
  exportCommand->add_option("-o,--output", exportOptions.output, "the folder (with --ids: file)")
      ->required();
  CLI::Option* asOfOption =
      exportCommand
          ->add_option("--as-of", exportOptions.asOf, "the inventory as it stood at this UTC time")
          ->type_name("YYYY-MM-DDTHH:MM:SSZ");
  CLI::Option* submissionOption =
      addNumberOption(*exportCommand, "--submission", exportSubmission,
                      "the inventory as it stood after submission N", "N")
          ->excludes(asOfOption);
  exportCommand->add_flag("--ids", exportOptions.ids,
                          "write the register of system ids (national-ids.csv) instead");
  exportCommand->add_flag("--drop-unresolved", exportOptions.dropUnresolved,
                          "leave out references to systems the store does not have");
  exportCommand->add_flag("--force", exportOptions.force,
                          "replace files in the folder that cloudplan did not write");

  ServeUserOptions serveUser;
  CLI::App* serveUserCommand = app.add_subcommand(
      "serve-user", "the portal's accounts: add (prints the account's token), list, revoke");
  serveUserCommand->add_option("store", serveUser.store, "the store")->required()->type_name("DB");
  serveUserCommand->require_subcommand(1);
  CLI::App* serveUserAdd = serveUserCommand->add_subcommand(
      "add", "make an account and print its token, shown this once");
  serveUserAdd->add_option("name", serveUser.name, "the account's name: letters, digits, . _ - @")
      ->required()
      ->type_name("NAME");
  serveUserAdd
      ->add_option("--agency", serveUser.agency,
                   "an agency's account: submits for this agency and those below it")
      ->type_name("CODE");
  serveUserAdd
      ->add_option("--role", serveUser.role,
                   "national (the register, plans) or reviewer (reads the plans and reports)")
      ->type_name("national|reviewer");
  CLI::App* serveUserList = serveUserCommand->add_subcommand(
      "list", "every account: its role, agency, when it was made and revoked");
  std::string revokeName;
  CLI::App* serveUserRevoke = serveUserCommand->add_subcommand(
      "revoke", "end an account: its token and its sessions stop working");
  serveUserRevoke->add_option("name", revokeName, "the account's name")
      ->required()
      ->type_name("NAME");

  for (CLI::App* command : app.get_subcommands([&](CLI::App* c) { return c != helpCommand; }))
    command->footer("Every command also takes -q,--quiet: errors only, no summaries or progress.");
  // A mistyped command would otherwise read as a stray argument: "a subcommand is required".
  const auto found = commandWord(argc, argv);
  const auto word = found ? std::optional(found->first) : std::nullopt;
  if (word && !isCommand(app, *word)) return unknownCommand(app, *word);
  if (word == "store") {
    if (const auto sub = commandWord(argc, argv, found->second + 1);
        sub && !isCommand(*storeCommand, sub->first)) {
      return unknownCommand(*storeCommand, sub->first);
    }
  }
  if (word == "serve-user") {
    // serve-user DB COMMAND: the command is the word after the store.
    if (const auto db = commandWord(argc, argv, found->second + 1)) {
      if (isCommand(*serveUserCommand, db->first)) {
        std::cerr << fmt::format(
            "cloudplan serve-user: error: the store comes before {} (cloudplan serve-user DB {} "
            "...)\n",
            db->first, db->first);
        return kUsage;
      }
      if (const auto sub = commandWord(argc, argv, db->second + 1);
          sub && !isCommand(*serveUserCommand, sub->first)) {
        return unknownCommand(*serveUserCommand, sub->first);
      }
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return usageError(app, e);
  }
  if (helpCommand->parsed()) return printHelp(app, helpTopic);
  if (!word) {
    std::cerr << "cloudplan: error: no command given (cloudplan help lists the commands)\n";
    return kUsage;
  }
  // The time of submissions, fixed for tests and demos: a malformed one would be recorded.
  if (const char* now = std::getenv("CLOUDPLAN_NOW"); now && *now && !models::isUtcTime(now)) {
    std::cerr << fmt::format(
        "cloudplan: error: CLOUDPLAN_NOW {} is not a UTC time (write it "
        "YYYY-MM-DDTHH:MM:SSZ, or unset it to use the clock)\n",
        printable(models::quoted(now)));
    return kUsage;
  }
  setQuiet(quiet);
  // Under --quiet, summaries and "wrote ..." lines go; the answer of explain, diff, history and
  // store status is what was asked for.
  // So is serve-user's list, and the token of serve-user add (its line saying what was made goes).
  if (quiet && !explainCommand->parsed() && !diffCommand->parsed() && !historyCommand->parsed() &&
      !storeStatus->parsed() && !serveUserAdd->parsed() && !serveUserList->parsed())
    std::cout.setstate(std::ios::badbit);
  if (validateCommand->parsed()) {
    PlanOptions reading;
    reading.inputs = validate.inputs;
    if (!checkInputsOrStore("validate", validate.inputs, validate.store) ||
        !validateSettings.resolve("validate", reading)) {
      return kUsage;
    }
    validate.defaultAgency = reading.defaultAgency;
    validate.encoding = reading.encoding;
    return runValidate(validate);
  }
  if (templateCommand->parsed()) return runTemplate(templateFolder, templateForce);
  if (planCommand->parsed()) {
    if (!checkInputsOrStore("plan", plan.inputs, plan.store) ||
        !planSettingOptions.resolve("plan", plan)) {
      return kUsage;
    }
    if (!checkReplanOptions("plan", *planToday, plan)) return kUsage;
    if (plan.dropUnresolved && plan.store.empty()) {
      std::cerr << "cloudplan plan: error: --drop-unresolved applies to --store only (the "
                   "files' references to unknown systems are errors to fix)\n";
      return kUsage;
    }
    return runPlan(plan);
  }
  if (whatifCommand->parsed()) {
    if ((!jobs.empty() && !readNumber("whatif", "--jobs", jobs, kJobsRange, whatif.jobs)) ||
        !whatifSettings.resolve("whatif", whatif.plan)) {
      return kUsage;
    }
    for (const Setting& setting : planSettings()) {
      if (whatifSettings.given(setting)) whatif.given.emplace_back(setting.option);
    }
    if (!checkReplanOptions("whatif", *whatifToday, whatif.plan)) return kUsage;
    return runWhatif(whatif);
  }
  if (explainCommand->parsed()) return runExplain(explainPlan, explainSystem);
  if (diffCommand->parsed()) {
    const std::map<std::string, DiffFormat, std::less<>> formats{
        {"text", DiffFormat::text}, {"json", DiffFormat::json}, {"html", DiffFormat::html}};
    const auto format = formats.find(diffFormat);
    if (format == formats.end()) {
      std::cerr << fmt::format(
          "cloudplan diff: error: --format {} is not one of text, json, html\n",
          printable(models::quoted(diffFormat)));
      return kUsage;
    }
    diffOptions.format = format->second;
    return runDiff(diffOptions);
  }
  if (renderCommand->parsed()) {
    if (!readNumber("render", "--depth", depth, kDepthRange, render.depth)) return kUsage;
    render.waves = !noWaves;
    render.todayGiven = renderToday->count() > 0;
    return runRender(render);
  }
  if (storeCommand->parsed()) {
    if (storeInit->parsed()) return runStoreInit(withUser(registerOptions));
    if (storeAgencies->parsed()) return runStoreAgencies(withUser(registerOptions));
    if (storeStatus->parsed()) return runStoreStatus(storePath);
    if (storeCheck->parsed()) return runStoreCheck(storePath);
  }
  if (serveUserCommand->parsed()) {
    if (serveUserAdd->parsed()) return runServeUserAdd(serveUser);
    if (serveUserList->parsed()) return runServeUserList(serveUser.store);
    if (serveUserRevoke->parsed()) return runServeUserRevoke(serveUser.store, revokeName);
  }
  if (submitCommand->parsed()) {
    if (submit.by.empty()) submit.by = userName();
    return runSubmit(submit);
  }
  if (historyCommand->parsed()) {
    // Given, even empty, --diff must be a number: '' is a mistake, not "no --diff".
    if (diffOption->count() > 0 &&
        !readNumber("history", "--diff", diff, kSubmissionRange, history.diff.emplace())) {
      return kUsage;
    }
    return runHistory(history);
  }
  if (exportCommand->parsed()) {
    if (submissionOption->count() > 0 &&
        !readNumber("export", "--submission", exportSubmission, kSubmissionRange,
                    exportOptions.submission.emplace())) {
      return kUsage;
    }
    return runExport(exportOptions);
  }
  if (serveCommand->parsed()) {
    const bool read =
        (maxFileMb.empty() || readNumber("serve", "--max-file-mb", maxFileMb, kUploadMegabytesRange,
                                         serve.maxFileMegabytes)) &&
        (maxRequestMb.empty() || readNumber("serve", "--max-request-mb", maxRequestMb,
                                            kUploadMegabytesRange, serve.maxRequestMegabytes)) &&
        (maxFiles.empty() ||
         readNumber("serve", "--max-files", maxFiles, kUploadFilesRange, serve.maxFiles)) &&
        (workers.empty() ||
         readNumber("serve", "--workers", workers, kWorkersRange, serve.workers));
    return read ? runServe(serve) : kUsage;
  }
  return kUsage;
}

}  // namespace
}  // namespace cloudplan::cli

int main(int argc, char** argv) {
  cloudplan::cli::preferHugePages(argv);
  try {
    return cloudplan::cli::run(argc, argv);
  } catch (const SQLite::Exception& e) {
    // A store damaged on disk, or full: not a bug of cloudplan's, and the user can act on it.
    std::cerr << "cloudplan: error: the store cannot be read or written ("
              << cloudplan::cli::printable(e.what())
              << "; cloudplan store check tells what is wrong; restore a damaged store from its "
                 "backup)\n";
    return cloudplan::cli::kInputErrors;
  } catch (const std::exception& e) {
    std::cerr << "cloudplan: internal error: " << e.what() << '\n';
  } catch (...) {
    std::cerr << "cloudplan: internal error: unknown exception\n";
  }
  return cloudplan::cli::kInternal;
}
