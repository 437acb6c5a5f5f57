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
  database.exec("DELETE FROM plan_waves");
  SQLite::Statement plan(database, "INSERT INTO plans (submission, at, settings) VALUES (?, ?, ?)");
  plan.bind(1, static_cast<int64_t>(submission));
  plan.bind(2, submissionTime(database));
  plan.bind(3, settingsJson);
  plan.exec();
  const auto number = database.getLastInsertRowid();
  SQLite::Statement wave(database, "INSERT INTO plan_waves (plan, system, wave) VALUES (?, ?, ?)");
  for (const SystemWave& w : waves) {
    wave.bind(1, number);
    wave.bind(2, w.id);
    wave.bind(3, static_cast<int64_t>(w.wave));
    wave.exec();
    wave.reset();
  }
  transaction.commit();
  return static_cast<uint32_t>(number);
}

}  // namespace cloudplan::store
