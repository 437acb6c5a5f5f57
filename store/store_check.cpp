#include "store/store_check.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "importers/input_file.h"
#include "importers/known_systems.h"
#include "importers/read_inputs.h"
#include "store/agency_register.h"
#include "store/schema.h"
#include "store/stored_rows.h"
#include "store/submission_records.h"
#include "store/submitted_files.h"

namespace cloudplan::store {
namespace {

// Rules of the rows that no constraint of the schema states.
constexpr std::pair<const char*, const char*> kRowRules[] = {
    {"a current dependency whose consumer is not a current system of its agency",
     "SELECT count(*) FROM dependencies d WHERE d.until IS NULL AND NOT EXISTS (SELECT 1 FROM "
     "systems s WHERE s.id = d.consumer AND s.agency = d.agency AND s.until IS NULL)"},
    {"a current system whose agency is not in the register",
     "SELECT count(*) FROM systems s WHERE s.until IS NULL AND s.agency <> '' AND NOT EXISTS "
     "(SELECT 1 FROM agencies a WHERE a.code = s.agency AND a.until IS NULL)"},
    {"a row written or closed by a submission that was not accepted",
     "SELECT (SELECT count(*) FROM systems r WHERE NOT EXISTS (SELECT 1 FROM submissions s "
     "WHERE s.accepted = 1 AND s.number = r.since) OR (r.until IS NOT NULL AND NOT EXISTS "
     "(SELECT 1 FROM submissions s WHERE s.accepted = 1 AND s.number = r.until))) + "
     "(SELECT count(*) FROM dependencies r WHERE NOT EXISTS (SELECT 1 FROM submissions s "
     "WHERE s.accepted = 1 AND s.number = r.since) OR (r.until IS NOT NULL AND NOT EXISTS "
     "(SELECT 1 FROM submissions s WHERE s.accepted = 1 AND s.number = r.until)))"},
    {"a row closed before it was written",
     "SELECT (SELECT count(*) FROM systems WHERE until <= since) + (SELECT count(*) FROM "
     "dependencies WHERE until <= since) + (SELECT count(*) FROM agencies WHERE until <= since)"},
};

}  // namespace

StoreCheckSummary checkStore(StoreDatabase& store, models::Diagnostics& problems) {
  SQLite::Database& database = store.sql();
  const std::string& path = store.path();
  StoreCheckSummary summary;
  auto problem = [&](std::string message) {
    problems.error("store-check", path, 0, std::move(message));
  };
  try {
    SQLite::Statement integrity(database, "PRAGMA integrity_check");
    while (integrity.executeStep()) {
      // A row may hold several problems, one a line.
      const std::string report = integrity.getColumn(0).getString();
      if (report == "ok") continue;
      size_t start = 0;
      while (start < report.size()) {
        const size_t end = std::min(report.find('\n', start), report.size());
        if (end > start)
          problem(fmt::format("SQLite integrity check: {}", report.substr(start, end - start)));
        start = end + 1;
      }
    }
  } catch (const SQLite::Exception& e) {
    problem(fmt::format("SQLite integrity check: {}", e.what()));
  }
  if (problems.hasErrors()) return summary;  // the rows cannot be trusted to check further
  SQLite::Transaction snapshot(database);
  if (const int version = store.schemaVersion(); version != kSchemaVersion)
    problem(fmt::format("schema version {} (this cloudplan writes {})", version, kSchemaVersion));
  for (const auto& [rule, query] : kRowRules) {
    if (const int64_t count = database.execAndGet(query).getInt64())
      problem(fmt::format("{} ({} rows)", rule, count));
  }

  const importers::KnownSystems none;
  for (const models::Submission& submission : readSubmissions(database)) {
    ++summary.submissions;
    const auto files = readSubmissionFiles(database, submission.number);
    if (!files) {
      problem(fmt::format("submission {}: a file does not decompress", submission.number));
      continue;
    }
    for (size_t i = 0; i < files->size(); ++i) {
      ++summary.files;
      const auto& file = (*files)[i];
      if (i < submission.files.size() &&
          importers::sha256Hex(file.bytes) != submission.files[i].sha256) {
        problem(fmt::format("submission {}: file {} does not have the SHA-256 recorded for it",
                            submission.number, models::quoted(file.name)));
      }
    }
    if (!submission.accepted) continue;
    ++summary.accepted;
    // Read again, the files must give what the store holds for the submitter as it stood after
    // the submission, field for field.
    models::Diagnostics diagnostics;
    importers::ReadOptions options{.defaultAgency = submission.agency,
                                   .encoding = submission.encoding};
    options.known = &none;
    options.keepUnknownReferences = true;
    const models::Inventory inventory = readSubmittedFiles(*files, options, diagnostics);
    if (diagnostics.hasErrors()) {
      problem(fmt::format("submission {}: its files no longer read clean ({} errors)",
                          submission.number, diagnostics.count(models::Severity::error)));
      continue;
    }
    RowFilter asOf{.kind = RowFilter::Kind::asOf, .submission = submission.number};
    bool same = true;
    if (submission.kind == models::SubmissionKind::agencies) {
      const auto stored = readAgencyRows(database, asOf);
      const auto read = agencyRowsOf(inventory, submission.number);
      same = stored.size() == read.size();
      for (size_t i = 0; same && i < read.size(); ++i)
        same = stored[i].code == read[i].code && stored[i].changesTo(read[i]).empty();
    } else {
      asOf.agencies = AgencyRegister(readAgencyRows(database, asOf)).scopeOf(submission.agency);
      auto stored = readSystemRows(database, asOf);
      auto read = systemRowsOf(inventory, submission.number);
      std::sort(read.begin(), read.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
      same = stored.size() == read.size();
      for (size_t i = 0; same && i < read.size(); ++i)
        same = stored[i].id == read[i].id && stored[i].changesTo(read[i]).empty();
      auto storedDependencies = readDependencyRows(database, asOf);
      auto readDependencies = dependencyRowsOf(inventory, submission.number);
      std::sort(readDependencies.begin(), readDependencies.end(), [](const auto& a, const auto& b) {
        return std::tie(a.consumer, a.provider) < std::tie(b.consumer, b.provider);
      });
      same = same && storedDependencies.size() == readDependencies.size();
      for (size_t i = 0; same && i < readDependencies.size(); ++i) {
        same = storedDependencies[i].consumer == readDependencies[i].consumer &&
               storedDependencies[i].provider == readDependencies[i].provider &&
               storedDependencies[i].changesTo(readDependencies[i]).empty();
      }
    }
    if (!same) {
      problem(fmt::format(
          "submission {} ({}): its files read again do not give the rows the "
          "store holds for it",
          submission.number, submission.agency.empty() ? "register" : submission.agency));
      continue;
    }
    ++summary.revalidated;
  }
  return summary;
}

}  // namespace cloudplan::store
