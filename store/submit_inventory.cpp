#include "store/submit_inventory.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "importers/input_file.h"
#include "importers/known_systems.h"
#include "importers/read_inputs.h"
#include "importers/suggest.h"
#include "models/plural.h"
#include "store/agency_register.h"
#include "store/national_inventory.h"
#include "store/row_changes.h"
#include "store/submission_impacts.h"
#include "store/submission_records.h"
#include "store/submitted_files.h"

namespace cloudplan::store {
namespace {

using Scope = std::unordered_set<std::string>;

// Every system of the national inventory: references to other agencies' resolve; one to the
// agency's own that the files leave out is caught by checkScope.
importers::KnownSystems currentSystems(SQLite::Database& database) {
  importers::KnownSystems known;
  // Ids and agencies only: the messages of a submission name no other agency's system by name.
  SQLite::Statement query(database, "SELECT id, agency FROM systems WHERE until IS NULL");
  while (query.executeStep())
    known.add(query.getColumn(0).getText(), query.getColumn(1).getText(), {});
  return known;
}

// What a submission's reading gives: the inventory and the files byte for byte.
struct ReadFiles {
  models::Inventory inventory;
  std::vector<FileContent> files;
  std::vector<models::SubmittedFile> submitted;
};

importers::ReadOptions readOptions(const SubmitRequest& request,
                                   const importers::KnownSystems& known) {
  importers::ReadOptions options{.defaultAgency = request.agency, .encoding = request.encoding};
  options.known = &known;
  options.keepUnknownReferences = true;
  return options;
}

void describeFiles(ReadFiles& read) {
  read.submitted.clear();
  for (size_t i = 0; i < read.files.size(); ++i) {
    FileContent& file = read.files[i];
    if (i < read.inventory.files.size())
      file.kind = std::string(models::nameOf(read.inventory.files[i].kind));
    read.submitted.push_back({file.name, importers::sha256Hex(file.bytes), file.bytes.size()});
  }
}

// The files from disk, or those uploaded (never written to disk), their bytes kept in the
// order they are read.
ReadFiles readSubmissionInputs(const SubmitRequest& request, const importers::KnownSystems& known,
                               models::Diagnostics& diagnostics) {
  ReadFiles read;
  importers::ReadOptions options = readOptions(request, known);
  options.onRead = [&read](const std::string& name, const std::string& bytes) {
    read.files.push_back({name, bytes, {}});
  };
  read.inventory = request.uploaded.empty()
                       ? importers::readInputs(request.inputs, options, diagnostics)
                       : readSubmittedFiles(request.uploaded, options, diagnostics);
  describeFiles(read);
  return read;
}

// Files are known by their names (in messages, in the store): two uploaded under one name would
// be read as one, the other lost.
void checkUploadedNames(const SubmitRequest& request, models::Diagnostics& diagnostics) {
  std::map<std::string_view, size_t> count;
  for (const auto& file : request.uploaded)
    ++count[file.name];
  for (const auto& [name, n] : count) {
    if (n < 2) continue;
    diagnostics.error("repeated-file-name", std::string(name), 0,
                      fmt::format("{} files were uploaded under this name (give each file a name "
                                  "of its own, and upload them again)",
                                  n));
  }
}

// The same files again, from the bytes kept, against a newer state of the store. What could not
// be read from disk the first time is reported as it was.
ReadFiles rereadSubmissionInputs(const SubmitRequest& request, ReadFiles read,
                                 const importers::KnownSystems& known,
                                 models::Diagnostics& diagnostics) {
  models::Diagnostics fresh;
  std::unordered_set<std::string> kept;
  for (const auto& file : read.files)
    kept.insert(file.name);
  for (const auto& d : diagnostics.all()) {
    if (!kept.contains(d.file)) fresh.add(d.severity, d.code, d.file, d.line, d.message);
  }
  read.inventory = readSubmittedFiles(read.files, readOptions(request, known), fresh);
  describeFiles(read);
  diagnostics = std::move(fresh);
  return read;
}

// A reference to a system of the agency that its files leave out would dangle once they replace
// its part.
void checkLeftOut(const ReadFiles& read, const Scope& scope, const importers::KnownSystems& known,
                  models::Diagnostics& diagnostics) {
  const models::Inventory& inventory = read.inventory;
  for (const auto& d : inventory.outsideDependencies) {
    if (!d.known) continue;
    const auto entry = known.find(d.provider);
    if (!entry || !scope.contains(std::string(entry->agency))) continue;
    diagnostics.error(
        "left-out-system", inventory.fileOf(d.where), d.where.line,
        fmt::format("{} depends on {}, a system of {} that this submission leaves out (keep it in "
                    "the files, or remove the reference)",
                    models::quoted(inventory.systems[d.consumer].id), models::quoted(d.provider),
                    entry->agency));
  }
}

// The rules of a submission beyond those of any inventory: only the agency's own systems, ids
// that no other agency holds, no agencies file.
void checkScope(const SubmitRequest& request, const ReadFiles& read, const AgencyRegister& agencies,
                const Scope& scope, const importers::KnownSystems& known,
                models::Diagnostics& diagnostics) {
  const models::Inventory& inventory = read.inventory;
  for (const auto& file : inventory.files) {
    if (file.kind != models::InputKind::agencies) continue;
    diagnostics.error("agencies-in-submission", file.path, 0,
                      "a submission holds an agency's systems and dependencies; the agencies are "
                      "the national register's (leave this file out; the national office "
                      "changes the register with cloudplan store agencies)");
  }
  for (const auto& system : inventory.systems) {
    const std::string& file = inventory.fileOf(system.where);
    if (system.agency == models::kNone) continue;  // the importers reported it
    const std::string_view code = inventory.agencies[system.agency].code;
    if (!agencies.has(code)) {
      diagnostics.error(
          "unknown-agency", file, system.where.line,
          fmt::format(
              "unknown agency {} of system {}{}", models::quoted(code), models::quoted(system.id),
              importers::didYouMean(agencies.closest(code),
                                    " (the national register does not list it; ask the national "
                                    "office to add it)")));
      continue;
    }
    if (!scope.contains(std::string(code))) {
      diagnostics.error("outside-scope", file, system.where.line,
                        fmt::format("system {} belongs to {}: {} may submit systems of {} and "
                                    "its agencies only (leave it out: {} submits it)",
                                    models::quoted(system.id), models::quoted(code), request.agency,
                                    request.agency, code));
      continue;
    }
    if (const auto other = known.find(system.id);
        other && !scope.contains(std::string(other->agency))) {
      diagnostics.error(
          "id-of-another-agency", file, system.where.line,
          fmt::format("id {} is a system of {} in the national inventory (ids are national: "
                      "choose another id, or ask {} to remove theirs)",
                      models::quoted(system.id), other->agency, other->agency));
    }
  }
}

// A system another agency's system depends on may not be left out: it would vanish under them.
void checkRemovals(StoreDatabase& store, const std::vector<const SystemRow*>& removed,
                   const Scope& scope, models::Diagnostics& diagnostics) {
  SQLite::Database& database = store.sql();
  // Reported where the system was last submitted: the row this submission would remove.
  SQLite::Statement fileName(database,
                             "SELECT name FROM files WHERE submission = ? AND position = ?");
  constexpr size_t kNamed = 5;
  SQLite::Statement dependents(database,
                               "SELECT consumer, agency FROM dependencies WHERE until IS NULL "
                               "AND provider = ? ORDER BY consumer");
  for (const SystemRow* row : removed) {
    const std::string& id = row->id;
    dependents.bind(1, id);
    std::vector<std::string> users;
    while (dependents.executeStep()) {
      const std::string agency = dependents.getColumn(1).getString();
      if (scope.contains(agency)) continue;
      users.push_back(
          fmt::format("{} ({})", models::quoted(dependents.getColumn(0).getString()), agency));
    }
    dependents.reset();
    if (users.empty()) continue;
    std::string list = fmt::format(
        "{}", fmt::join(users.begin(), users.begin() + std::min(users.size(), kNamed), ", "));
    if (users.size() > kNamed) list += fmt::format(" and {} more", users.size() - kNamed);
    fileName.bind(1, static_cast<int64_t>(row->source.since));
    fileName.bind(2, static_cast<int64_t>(row->source.file));
    const std::string where =
        fileName.executeStep()
            ? submittedFileName(store.path(), row->source.since, fileName.getColumn(0).getString())
            : std::string();
    fileName.reset();
    diagnostics.error("removes-used-system", where, where.empty() ? 0 : row->source.line,
                      fmt::format("system {} is left out of this submission, but {} depend{} on "
                                  "it (keep it, and set its strategy to retire if it is to go: "
                                  "its consumers then move first)",
                                  models::quoted(id), list, users.size() == 1 ? "s" : ""));
  }
}

// The agency's systems whose wave in the store's last plan the changes may move.
void addWaveImpacts(SQLite::Database& database, models::SubmissionChanges& changes) {
  SQLite::Statement plan(database,
                         "SELECT waves, submission FROM plans ORDER BY number DESC LIMIT 1");
  if (!plan.executeStep()) return;
  const std::string waves = plan.getColumn(0).getString();
  changes.planSubmission = static_cast<uint32_t>(plan.getColumn(1).getInt64());
  std::map<std::string, std::vector<std::string>> reasons;
  for (const auto& added : changes.systemsAdded)
    reasons[added.id].push_back("new");
  // The fields the planner reads; a new name or contact moves nothing.
  static const std::set<std::string_view> kScheduling = {"agency",      "strategy",   "effort_days",
                                                         "pinned_wave", "not_before", "finish_by"};
  for (const auto& change : changes.systemsChanged) {
    std::vector<std::string> fields;
    for (const auto& field : change.fields) {
      if (kScheduling.contains(field.field)) fields.push_back(field.field);
    }
    if (!fields.empty())
      reasons[change.id].push_back(fmt::format("{} changed", fmt::join(fields, ", ")));
  }
  for (const auto& removed : changes.systemsRemoved)
    reasons[removed.id].push_back("removed");
  for (const auto* list :
       {&changes.dependenciesAdded, &changes.dependenciesRemoved, &changes.dependenciesChanged}) {
    const char* what = list == &changes.dependenciesAdded     ? "added"
                       : list == &changes.dependenciesRemoved ? "removed"
                                                              : "changed";
    for (const auto& d : *list)
      reasons[d.from].push_back(fmt::format("dependency on {} {}", d.to, what));
  }
  std::unordered_map<std::string_view, uint32_t> waveOf;
  for (size_t start = 0; start < waves.size();) {
    const size_t end = std::min(waves.find('\n', start), waves.size());
    const std::string_view line = std::string_view(waves).substr(start, end - start);
    start = end + 1;
    const size_t tab = line.rfind('\t');
    if (tab == std::string_view::npos || !reasons.contains(std::string(line.substr(0, tab))))
      continue;
    waveOf[line.substr(0, tab)] =
        static_cast<uint32_t>(std::strtoul(std::string(line.substr(tab + 1)).c_str(), nullptr, 10));
  }
  for (const auto& [id, why] : reasons) {
    const auto it = waveOf.find(id);
    const bool planned = it != waveOf.end();
    changes.waves.push_back(
        {id, planned ? it->second : 0, planned, fmt::format("{}", fmt::join(why, "; "))});
  }
}

// An agency's part holds the parts of the agencies below it, which may submit on their own. A
// submission that changes or removes what one of them submitted after the agency's own last
// submission (a ministry sending an old folder again) is most likely undoing their work: said,
// with where to look, though it is the agency's right.
void warnOfNewerParts(SQLite::Database& database, const std::string& agency, const Scope& scope,
                      const std::vector<const SystemRow*>& closed,
                      models::Diagnostics& diagnostics) {
  const uint32_t own = lastAccepted(database, models::SubmissionKind::inventory, agency);
  std::map<uint32_t, std::vector<std::string_view>> bySubmission;  // newer submissions of others
  for (const SystemRow* row : closed) {
    if (row->source.since > own) bySubmission[row->source.since].push_back(row->id);
  }
  for (const auto& [number, ids] : bySubmission) {
    const auto submission = readSubmission(database, number);
    // Only an agency below this one (a ministry's submission that a department takes over is
    // the normal course).
    if (!submission || submission->agency == agency || !scope.contains(submission->agency))
      continue;
    diagnostics.warning(
        "replaces-newer-submission", {}, 0,
        fmt::format("this submission changes or removes {} ({}{}) that {} submitted in "
                    "submission {}, after {}'s last submission (leave them as {} submitted them, "
                    "or agree it with {}; cloudplan history --diff {} shows what they sent)",
                    models::plural(ids.size(), "system", "systems"), models::quoted(ids.front()),
                    ids.size() > 1 ? fmt::format(" and {} more", ids.size() - 1) : "",
                    submission->agency, number, agency, submission->agency, submission->agency,
                    number));
  }
}

// What the submission changes in the agency's part, its new rows not yet numbered.
RowChanges compareSubmission(const models::Inventory& inventory,
                             const std::vector<SystemRow>& before,
                             const std::vector<DependencyRow>& beforeDependencies,
                             const importers::KnownSystems& known) {
  const std::vector<SystemRow> after = systemRowsOf(inventory, 0);
  std::unordered_map<std::string_view, std::string_view> agencyOf;
  for (const auto& row : after)
    agencyOf.emplace(row.id, row.agency);
  return compareRows(before, after, beforeDependencies, dependencyRowsOf(inventory, 0),
                     [&](const std::string& id) {
                       if (const auto it = agencyOf.find(id); it != agencyOf.end())
                         return std::string(it->second);
                       if (const auto entry = known.find(id)) return std::string(entry->agency);
                       return std::string();
                     });
}

// Writes the rows the submission changes, numbered now, and says what changed.
models::SubmissionChanges applySubmission(SQLite::Database& database, uint32_t number,
                                          RowChanges diff, const std::vector<SystemRow>& before,
                                          const Scope& scope) {
  for (auto& row : diff.insertSystems)
    row.source.since = number;
  for (auto& row : diff.insertDependencies)
    row.source.since = number;
  models::SubmissionChanges& changes = diff.changes;
  std::unordered_set<std::string_view> old;
  for (const auto& row : before)
    old.insert(row.id);
  // Closed before the new versions go in: one current row per id is a unique index.
  closeSystemRows(database, diff.closeSystems, number);
  closeDependencyRows(database, diff.closeDependencies, number);
  insertSystemRows(database, diff.insertSystems);
  insertDependencyRows(database, diff.insertDependencies);

  // The agency's systems as providers, through the indexes of current rows by agency and by
  // provider: a national store has some 10^6 dependencies, an agency a few thousand.
  std::string placeholders;
  for (size_t i = 0; i < scope.size(); ++i)
    placeholders += i ? ", ?" : "?";
  SQLite::Statement dependents(
      database,
      fmt::format("SELECT d.consumer, d.provider, d.agency, s.agency, d.coupling FROM systems s "
                  "JOIN dependencies d ON d.provider = s.id AND d.until IS NULL "
                  "WHERE s.until IS NULL AND s.agency IN ({}) ORDER BY d.provider, d.consumer",
                  placeholders));
  int parameter = 0;
  for (const std::string& code : scope)
    dependents.bind(++parameter, code);
  while (dependents.executeStep()) {
    const std::string consumerAgency = dependents.getColumn(2).getString();
    if (scope.contains(consumerAgency)) continue;
    models::DependencyChange d{
        dependents.getColumn(0).getString(), dependents.getColumn(1).getString(), consumerAgency,
        dependents.getColumn(3).getString(), dependents.getColumn(4).getString(), {}};
    if (!old.contains(d.to)) changes.resolvedNow.push_back(d);
    changes.dependents.push_back(std::move(d));
  }
  addWaveImpacts(database, changes);
  return std::move(changes);
}

}  // namespace

std::optional<SubmitOutcome> submitInventory(StoreDatabase& store, const SubmitRequest& request,
                                             std::string& error, bool& usage) {
  usage = false;
  SQLite::Database& database = store.sql();
  try {
    // The files are read before the store is locked (a slow share or a pipe must not hold up
    // every other ministry), against the store as it stood then.
    auto state = [&]() {
      std::optional<AgencyRegister> agencies(readAgencyRows(database, {}));
      return std::tuple{std::move(agencies), currentSystems(database), lastSubmission(database)};
    };
    auto [agencies, known, seen] = [&] {
      SQLite::Transaction snapshot(database);
      return state();
    }();
    auto refuseAgency = [&] {
      usage = true;
      error = fmt::format("--agency {}: not in the national register of {}{}",
                          models::quoted(request.agency), store.path(),
                          importers::didYouMean(agencies->closest(request.agency),
                                                " (cloudplan store status lists the agencies)"));
    };
    if (!agencies->has(request.agency)) {
      refuseAgency();
      return std::nullopt;
    }
    SubmitOutcome outcome;
    ReadFiles read = readSubmissionInputs(request, known, outcome.diagnostics);

    // From here on one write transaction: the state it replaces is read again under the lock,
    // so submissions from several processes wait for each other and none is lost.
    SQLite::Transaction transaction(database, SQLite::TransactionBehavior::IMMEDIATE);
    if (lastSubmission(database) != seen) {
      std::tie(agencies, known, seen) = state();
      if (!agencies->has(request.agency)) {
        refuseAgency();
        return std::nullopt;
      }
      read = rereadSubmissionInputs(request, std::move(read), known, outcome.diagnostics);
    }
    const std::vector<std::string> scopeList = agencies->scopeOf(request.agency);
    const Scope scope(scopeList.begin(), scopeList.end());

    checkUploadedNames(request, outcome.diagnostics);
    checkScope(request, read, *agencies, scope, known, outcome.diagnostics);
    checkLeftOut(read, scope, known, outcome.diagnostics);
    std::vector<SystemRow> before =
        readSystemRows(database, {.kind = RowFilter::Kind::current, .agencies = scopeList});
    std::vector<DependencyRow> beforeDependencies =
        readDependencyRows(database, {.kind = RowFilter::Kind::current, .agencies = scopeList});
    // One comparison of the agency's part with the files: what it would remove, what it would
    // overwrite, and (accepted) what it writes.
    RowChanges diff = compareSubmission(read.inventory, before, beforeDependencies, known);
    {
      std::unordered_map<std::string_view, const SystemRow*> byId;
      for (const auto& row : before)
        byId.emplace(row.id, &row);
      std::vector<const SystemRow*> removed, closed;
      for (const auto& change : diff.changes.systemsRemoved)
        removed.push_back(byId.at(change.id));
      for (const std::string& id : diff.closeSystems)
        closed.push_back(byId.at(id));
      checkRemovals(store, removed, scope, outcome.diagnostics);
      warnOfNewerParts(database, request.agency, scope, closed, outcome.diagnostics);
    }
    outcome.diagnostics.sort();

    models::Submission& submission = outcome.submission;
    submission.kind = models::SubmissionKind::inventory;
    submission.agency = request.agency;
    submission.at = submissionTime(database);
    submission.by = request.by;
    submission.message = request.message;
    submission.encoding = request.encoding;
    submission.accepted = !outcome.diagnostics.hasErrors();
    submission.files = read.submitted;
    submission.systems = static_cast<uint32_t>(read.inventory.systems.size());
    submission.dependencies = static_cast<uint32_t>(read.inventory.dependencies.size() +
                                                    read.inventory.outsideDependencies.size());
    submission.errors = static_cast<uint32_t>(outcome.diagnostics.count(models::Severity::error));
    submission.warnings =
        static_cast<uint32_t>(outcome.diagnostics.count(models::Severity::warning));
    submission.unresolved = static_cast<uint32_t>(std::count_if(
        read.inventory.outsideDependencies.begin(), read.inventory.outsideDependencies.end(),
        [](const models::OutsideDependency& d) { return !d.known; }));
    submission.number = recordSubmission(database, submission, outcome.diagnostics, read.files);
    if (!submission.accepted) {
      // Nothing changed, but the references that would not resolve are worth fixing too.
      for (const auto& d : read.inventory.outsideDependencies) {
        if (d.known) continue;
        const auto& consumer = read.inventory.systems[d.consumer];
        outcome.changes.unresolved.push_back(
            {std::string(consumer.id),
             std::string(d.provider),
             consumer.agency == models::kNone
                 ? std::string()
                 : std::string(read.inventory.agencies[consumer.agency].code),
             {},
             std::string(models::nameOf(d.coupling)),
             {}});
      }
    } else {
      outcome.changes =
          applySubmission(database, submission.number, std::move(diff), before, scope);
      recordImpacts(database, submission.number, outcome.changes);
    }
    transaction.commit();
    return outcome;
  } catch (const SQLite::Exception& e) {
    error = fmt::format("{}: cannot record the submission ({}; nothing was changed)", store.path(),
                        e.what());
    return std::nullopt;
  }
}

}  // namespace cloudplan::store
