#include "store/register_submission.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <unordered_map>

#include "importers/input_file.h"
#include "importers/read_inputs.h"
#include "models/plural.h"
#include "store/stored_rows.h"
#include "store/submission_records.h"
#include "store/submitted_files.h"

namespace cloudplan::store {
namespace {

struct ReadRegister {
  std::vector<AgencyRow> rows;
  std::vector<FileContent> files;
  std::vector<models::SubmittedFile> submitted;
};

ReadRegister readRegister(const RegisterRequest& request, models::Diagnostics& diagnostics) {
  ReadRegister read;
  importers::ReadOptions options{.encoding = request.encoding};
  options.onRead = [&read](const std::string& name, const std::string& bytes) {
    read.files.push_back({name, bytes, {}});
  };
  const models::Inventory inventory = [&] {
    if (!request.uploaded) {
      const std::string inputs[] = {request.file};
      return importers::readInputs(inputs, options, diagnostics);
    }
    read.files.push_back(*request.uploaded);
    options.onRead = nullptr;
    return readSubmittedFiles(read.files, options, diagnostics);
  }();
  for (size_t i = 0; i < read.files.size(); ++i) {
    FileContent& file = read.files[i];
    if (i < inventory.files.size())
      file.kind = std::string(models::nameOf(inventory.files[i].kind));
    read.submitted.push_back({file.name, importers::sha256Hex(file.bytes), file.bytes.size()});
  }
  for (const auto& file : inventory.files) {
    if (file.kind == models::InputKind::agencies) continue;
    diagnostics.error(
        "not-a-register", file.path, 0,
        "not an agencies file: the register lists agencies only (give an agencies file, with "
        "columns code, name, parent and any others; systems and dependencies are "
        "submitted by their agencies with cloudplan submit)");
  }
  if (!diagnostics.hasErrors() && inventory.files.size() == 1) {
    read.rows = agencyRowsOf(inventory, 0);
    if (read.rows.empty()) {
      diagnostics.error("empty-register", inventory.files[0].path, 0,
                        "the register lists no agency (add a row per agency: code, name)");
    }
  }
  return read;
}

// Records the register submission and, when it is accepted, its rows; says what changed.
RegisterOutcome recordRegister(SQLite::Database& database, ReadRegister read,
                               models::Diagnostics diagnostics, const RegisterRequest& request) {
  RegisterOutcome outcome;
  const std::vector<AgencyRow> before = readAgencyRows(database, {});
  std::unordered_map<std::string, const AgencyRow*> now;
  for (const auto& row : read.rows)
    now.emplace(row.code, &row);
  // An agency that still has systems stays in the register: they would have no owner.
  SQLite::Statement systems(
      database, "SELECT count(*), min(id) FROM systems WHERE until IS NULL AND agency = ?");
  // A register that does not read clean has no rows to compare with: every agency would seem
  // left out.
  for (const auto& row : before) {
    if (read.rows.empty() || now.contains(row.code)) continue;
    systems.bind(1, row.code);
    systems.executeStep();
    const int64_t count = systems.getColumn(0).getInt64();
    if (count > 0) {
      diagnostics.error(
          "removes-agency-with-systems", request.file, 0,
          fmt::format("agency {} is left out of the register, but it has {} in the "
                      "national inventory, {} first (keep it; or have its "
                      "systems submitted under another agency first)",
                      models::quoted(row.code), models::plural(count, "system", "systems"),
                      models::quoted(systems.getColumn(1).getString())));
    }
    systems.reset();
  }
  diagnostics.sort();
  models::Submission& submission = outcome.submission;
  submission.kind = models::SubmissionKind::agencies;
  submission.at = submissionTime(database);
  submission.by = request.by;
  submission.message = request.message;
  submission.encoding = request.encoding;
  submission.accepted = !diagnostics.hasErrors();
  submission.files = read.submitted;
  submission.errors = static_cast<uint32_t>(diagnostics.count(models::Severity::error));
  submission.warnings = static_cast<uint32_t>(diagnostics.count(models::Severity::warning));
  submission.number = recordSubmission(database, submission, diagnostics, read.files);
  outcome.diagnostics = std::move(diagnostics);
  if (!submission.accepted) return outcome;

  for (AgencyRow& row : read.rows)
    row.source.since = submission.number;
  outcome.changes = compareAgencyRows(before, read.rows);
  // Every row is written again: the register's order is part of it (the position), and the
  // national office's register is small.
  std::vector<std::string> close;
  for (const auto& row : before)
    close.push_back(row.code);
  const std::vector<AgencyRow>& insert = read.rows;
  closeAgencyRows(database, close, submission.number);
  insertAgencyRows(database, insert);
  return outcome;
}

}  // namespace

std::optional<RegisterOutcome> initStore(const std::string& path, const RegisterRequest& request,
                                         std::string& error) {
  models::Diagnostics diagnostics;
  ReadRegister read = readRegister(request, diagnostics);
  if (diagnostics.hasErrors()) {
    // Nothing to keep a history in: the store is made only from a register that reads clean.
    diagnostics.sort();
    RegisterOutcome outcome;
    outcome.diagnostics = std::move(diagnostics);
    outcome.submission.errors =
        static_cast<uint32_t>(outcome.diagnostics.count(models::Severity::error));
    return outcome;
  }
  auto store = StoreDatabase::create(path, error);
  if (!store) return std::nullopt;
  try {
    SQLite::Transaction transaction(store->sql(), SQLite::TransactionBehavior::IMMEDIATE);
    RegisterOutcome outcome =
        recordRegister(store->sql(), std::move(read), std::move(diagnostics), request);
    transaction.commit();
    if (!store->publish(error)) return std::nullopt;
    return outcome;
  } catch (const SQLite::Exception& e) {
    error = fmt::format("{}: cannot create the store ({})", path, e.what());
    return std::nullopt;
  }
}

std::optional<RegisterOutcome> replaceRegister(StoreDatabase& store, const RegisterRequest& request,
                                               std::string& error) {
  models::Diagnostics diagnostics;
  ReadRegister read = readRegister(request, diagnostics);
  try {
    SQLite::Transaction transaction(store.sql(), SQLite::TransactionBehavior::IMMEDIATE);
    RegisterOutcome outcome =
        recordRegister(store.sql(), std::move(read), std::move(diagnostics), request);
    transaction.commit();
    return outcome;
  } catch (const SQLite::Exception& e) {
    error = fmt::format("{}: cannot record the register ({}; nothing was changed)", store.path(),
                        e.what());
    return std::nullopt;
  }
}

}  // namespace cloudplan::store
