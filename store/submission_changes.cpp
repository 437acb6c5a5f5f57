#include "store/submission_changes.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "store/row_changes.h"

namespace cloudplan::store {

models::SubmissionChanges changesOfSubmission(StoreDatabase& store, uint32_t number) {
  SQLite::Database& database = store.sql();
  SQLite::Transaction snapshot(database);
  const RowFilter closed{.kind = RowFilter::Kind::closedBy, .submission = number};
  const RowFilter opened{.kind = RowFilter::Kind::openedBy, .submission = number};
  // The agency of a provider as the submission left it.
  SQLite::Statement agency(database,
                           "SELECT agency FROM systems WHERE id = ? AND since <= ? AND (until IS "
                           "NULL OR until > ?)");
  return compareRows(readSystemRows(database, closed), readSystemRows(database, opened),
                     readDependencyRows(database, closed), readDependencyRows(database, opened),
                     [&](const std::string& id) {
                       agency.bind(1, id);
                       agency.bind(2, static_cast<int64_t>(number));
                       agency.bind(3, static_cast<int64_t>(number));
                       std::string code =
                           agency.executeStep() ? agency.getColumn(0).getString() : std::string();
                       agency.reset();
                       return code;
                     })
      .changes;
}

AgencyChanges agencyChangesOfSubmission(StoreDatabase& store, uint32_t number) {
  SQLite::Database& database = store.sql();
  SQLite::Transaction snapshot(database);
  const auto before =
      readAgencyRows(database, {.kind = RowFilter::Kind::closedBy, .submission = number});
  const auto after =
      readAgencyRows(database, {.kind = RowFilter::Kind::openedBy, .submission = number});
  return compareAgencyRows(before, after);
}

}  // namespace cloudplan::store
