// The `cloudplan` command: parses arguments and hands them to a subcommand. Any exception that
// escapes is a bug, reported as an internal error with exit code 3.
#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

#include "cli/commands.h"
#include "importers/text_encoding.h"

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

int run(int argc, char** argv) {
  CLI::App app{
      "cloudplan: government system inventories into cloud-migration waves.\n\n"
      "Examples:\n"
      "  cloudplan template my-ministry/          write a blank inventory to fill in\n"
      "  cloudplan validate inventory/            check every file of a folder\n"
      "  cloudplan validate systems.csv deps.csv --diagnostics json\n"
      "  cloudplan plan inventory/ --wave-capacity 40 --freeze 2027-12-20..2028-01-02 -o out/\n"
      "  cloudplan explain out/plan.json MOF/payroll\n"
      "  cloudplan render out/plan.json -o out/views --format svg,png --focus MOF/payroll",
      "cloudplan"};
  app.set_version_flag("--version", "cloudplan " CLOUDPLAN_VERSION);
  app.require_subcommand(1);

  ValidateOptions validate;
  CLI::App* validateCommand =
      app.add_subcommand("validate", "check inventory files and report every problem in them");
  validateCommand->add_option("inputs", validate.inputs, "inventory files or folders of them")
      ->required();
  validateCommand
      ->add_option("--default-agency", validate.defaultAgency,
                   "agency of ArchiMate systems that name none")
      ->type_name("CODE");
  addEncodingOption(*validateCommand, validate.encoding);
  addDiagnosticsOption(*validateCommand, validate.diagnostics);

  std::string templateFolder;
  CLI::App* templateCommand = app.add_subcommand(
      "template", "write a blank inventory (systems, dependencies, agencies) to fill in");
  templateCommand->add_option("folder", templateFolder, "where to write the files")->required();

  PlanOptions plan;
  CLI::App* planCommand =
      app.add_subcommand("plan", "sequence the inventory into migration waves and write the plan");
  planCommand->add_option("inputs", plan.inputs, "inventory files or folders of them")->required();
  planCommand
      ->add_option("-o,--output", plan.outputFolder,
                   "folder for plan.json, schedule.csv, waves.csv")
      ->required();
  planCommand
      ->add_option("--order", plan.order, "providers-first (default), consumers-first or none")
      ->type_name("ORDER");
  planCommand->add_option("--wave-capacity", plan.waveCapacity, "at most N systems in a wave")
      ->type_name("N");
  planCommand->add_option("--wave-effort", plan.waveEffort, "at most D effort-days in a wave")
      ->type_name("D");
  planCommand->add_option("--start", plan.start, "first day of wave 1 (default 2027-01-04)")
      ->type_name("YYYY-MM-DD");
  planCommand->add_option("--wave-length", plan.waveLengthDays, "days in a wave (default 28)")
      ->type_name("DAYS");
  planCommand->add_option("--freeze", plan.freeze, "no migration work in these days (repeatable)")
      ->type_name("FROM..TO")
      ->allow_extra_args(false);
  planCommand->add_flag("--allow-oversize", plan.allowOversize,
                        "give a move group over a limit a wave of its own instead of failing");
  planCommand
      ->add_option("--default-agency", plan.defaultAgency,
                   "agency of ArchiMate systems that name none")
      ->type_name("CODE");
  addEncodingOption(*planCommand, plan.encoding);
  planCommand->add_flag("--archimate", plan.archimate,
                        "also write plan.archimate.xml, the plan as an ArchiMate model");
  planCommand->add_flag("--render", plan.render,
                        "also write the diagrams, schedule.svg and report.html");
  planCommand->add_option("--format", plan.formats, "diagram formats with --render: svg,png,pdf")
      ->type_name("FORMATS");
  addDiagnosticsOption(*planCommand, plan.diagnostics);

  RenderOptions render;
  CLI::App* renderCommand = app.add_subcommand(
      "render", "draw a plan.json: diagrams, the schedule (Gantt) and report.html");
  renderCommand->add_option("plan", render.plan, "a plan.json that cloudplan plan wrote")
      ->required();
  renderCommand->add_option("-o,--output", render.outputFolder, "folder for the views")->required();
  renderCommand->add_option("--format", render.formats, "diagram formats: svg (default),png,pdf")
      ->type_name("FORMATS");
  renderCommand->add_option("--agency", render.agencies, "also draw this agency (repeatable)")
      ->type_name("CODE");
  renderCommand
      ->add_option("--focus", render.focus,
                   "also draw the neighbourhood of this system (repeatable)")
      ->type_name("SYSTEM_ID");
  renderCommand->add_option("--depth", render.depth, "links around a --focus system (default 1)")
      ->type_name("K");
  renderCommand->add_flag("!--no-waves", render.waves, "leave out the diagram of each wave");

  std::string explainPlan, explainSystem;
  CLI::App* explainCommand =
      app.add_subcommand("explain", "why a system is in its wave, from a plan.json");
  explainCommand->add_option("plan", explainPlan, "a plan.json that cloudplan plan wrote")
      ->required();
  explainCommand->add_option("system", explainSystem, "the id of a system")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kOk : kUsage;
  }
  if (validateCommand->parsed()) return runValidate(validate);
  if (templateCommand->parsed()) return runTemplate(templateFolder);
  if (planCommand->parsed()) return runPlan(plan);
  if (explainCommand->parsed()) return runExplain(explainPlan, explainSystem);
  if (renderCommand->parsed()) return runRender(render);
  return kUsage;
}

}  // namespace
}  // namespace cloudplan::cli

int main(int argc, char** argv) {
  try {
    return cloudplan::cli::run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "cloudplan: internal error: " << e.what() << '\n';
  } catch (...) {
    std::cerr << "cloudplan: internal error: unknown exception\n";
  }
  return cloudplan::cli::kInternal;
}
