#include "store/plan_record.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "store/submission_records.h"

namespace cloudplan::store {

uint32_t recordPlan(StoreDatabase& store, uint32_t submission, const std::string& settingsJson,
                    const std::vector<SystemWave>& waves) {
  SQLite::Database& database = store.sql();
  SQLite::Transaction transaction(database, SQLite::TransactionBehavior::IMMEDIATE);
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
  const auto number = database.getLastInsertRowid();
  transaction.commit();
  return static_cast<uint32_t>(number);
}

}  // namespace cloudplan::store
