// The store's tables, as a list of migrations: migration k takes a store from version k-1 to k.
// A store records its version in PRAGMA user_version and that it is a cloudplan store in PRAGMA
// application_id.
#pragma once

#include <SQLiteCpp/Database.h>

namespace cloudplan::store {

// 'ClPn': tells a cloudplan store from any other SQLite file.
inline constexpr int kApplicationId = 0x436c506e;

// Applies the migrations after `from` up to `to`, in the caller's transaction.
void migrateSchema(SQLite::Database& database, int from, int to);

}  // namespace cloudplan::store
