#include "store/plan_record.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "store/submission_records.h"

namespace cloudplan::store {

PlanRecording::PlanRecording(StoreDatabase& store, uint32_t submission,
                             const std::string& settingsJson, const std::vector<SystemWave>& waves)
    : transaction_(store.sql(), SQLite::TransactionBehavior::IMMEDIATE) {
  SQLite::Database& database = store.sql();
  // Only the last plan is read; earlier ones would only grow the file.
  database.exec("DELETE FROM plans");
  std::string text;
  text.reserve(waves.size() * 24);
  for (const SystemWave& w : waves) {
    text += w.id;
    text += '\t';
    text += std::to_string(w.wave);
    text += '\n';
  }
  SQLite::Statement plan(database,
                         "INSERT INTO plans (submission, at, settings, waves) VALUES (?, ?, ?, ?)");
  plan.bind(1, static_cast<int64_t>(submission));
  plan.bind(2, submissionTime(database));
  plan.bind(3, settingsJson);
  plan.bind(4, text);
  plan.exec();
}

}  // namespace cloudplan::store
