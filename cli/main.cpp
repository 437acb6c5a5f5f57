// The `cloudplan` command: parses arguments and hands them to a subcommand. Any exception that
// escapes is a bug, reported as an internal error with exit code 3.
#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

#include "cli/commands.h"

namespace cloudplan::cli {
namespace {

void addDiagnosticsOption(CLI::App& command, DiagnosticsFormat& format) {
  command
      .add_option("--diagnostics", format,
                  "how to print problems: text (file:line: error: ...) or json (one object a line)")
      ->transform(CLI::CheckedTransformer(std::map<std::string, DiagnosticsFormat>{
          {"text", DiagnosticsFormat::text}, {"json", DiagnosticsFormat::json}}));
}

int run(int argc, char** argv) {
  CLI::App app{
      "cloudplan: government system inventories into cloud-migration waves.\n\n"
      "Examples:\n"
      "  cloudplan template my-ministry/          write a blank inventory to fill in\n"
      "  cloudplan validate inventory/            check every file of a folder\n"
      "  cloudplan validate systems.csv deps.csv --diagnostics json",
      "cloudplan"};
  app.set_version_flag("--version", "cloudplan " CLOUDPLAN_VERSION);
  app.require_subcommand(1);

  ValidateOptions validate;
  CLI::App* validateCommand =
      app.add_subcommand("validate", "check inventory files and report every problem in them");
  validateCommand->add_option("inputs", validate.inputs, "inventory files or folders of them")
      ->required();
  addDiagnosticsOption(*validateCommand, validate.diagnostics);

  std::string templateFolder;
  CLI::App* templateCommand = app.add_subcommand(
      "template", "write a blank inventory (systems, dependencies, agencies) to fill in");
  templateCommand->add_option("folder", templateFolder, "where to write the files")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kOk : kUsage;
  }
  if (validateCommand->parsed()) return runValidate(validate);
  if (templateCommand->parsed()) return runTemplate(templateFolder);
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
