#include "store/plan_record.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "store/submission_records.h"

namespace cloudplan::store {

std::vector<SystemWave> wavesOf(const models::Inventory& inventory, const models::Plan& plan) {
  std::vector<SystemWave> waves;
  waves.reserve(inventory.systems.size());
  for (size_t i = 0; i < inventory.systems.size(); ++i)
    waves.push_back({std::string(inventory.systems[i].id), plan.systems[i].wave});
  return waves;
}

PlanRecording::PlanRecording(StoreDatabase& store, uint32_t submission,
                             const std::string& settingsJson, const std::vector<SystemWave>& waves)
    : transaction_(store.sql(), SQLite::TransactionBehavior::IMMEDIATE) {
  SQLite::Database& database = store.sql();
  // Earlier plans stay (the portal's are archived with their files), but only the newest plan's
  // waves are read: theirs, a line per system of the country, would only grow the file.
  database.exec("UPDATE plans SET waves = '' WHERE waves <> ''");
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
  number_ = static_cast<uint32_t>(database.getLastInsertRowid());
}

}  // namespace cloudplan::store
