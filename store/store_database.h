// A cloudplan store: one SQLite file that holds the national inventory, every submission made to
// it and their files. Opening checks that the file is a store this cloudplan can read, and brings
// the schema of an older one up to date.
#pragma once

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace cloudplan::store {

// The schema this cloudplan writes; every earlier one is migrated on open (store/schema.cpp).
inline constexpr int kSchemaVersion = 4;

class StoreDatabase {
 public:
  // An existing store, migrated to kSchemaVersion; nullopt with `error` set (the message names
  // the path and what to do) when the file is missing, not a store, corrupt or newer.
  static std::optional<StoreDatabase> open(const std::string& path, std::string& error);
  // A new, empty store at `path`, made under a temporary name and moved into place only by
  // publish(), so that a failed `store init` leaves nothing behind.
  static std::optional<StoreDatabase> create(const std::string& path, std::string& error);
  // For tests of the migrations: a new store at an earlier schema version.
  static StoreDatabase createAtVersion(const std::string& path, int version);

  bool publish(std::string& error);

  StoreDatabase(StoreDatabase&& other) noexcept
      : database_(std::move(other.database_)),
        path_(std::move(other.path_)),
        stagingPath_(std::exchange(other.stagingPath_, {})) {}
  StoreDatabase& operator=(StoreDatabase&& other) noexcept;
  // A store made by create() and never published is removed.
  ~StoreDatabase();

  SQLite::Database& sql() { return *database_; }
  const std::string& path() const { return path_; }
  int schemaVersion() const;

 private:
  StoreDatabase(std::unique_ptr<SQLite::Database> database, std::string path,
                std::string stagingPath)
      : database_(std::move(database)),
        path_(std::move(path)),
        stagingPath_(std::move(stagingPath)) {}

  void discardStaging() noexcept;

  std::unique_ptr<SQLite::Database> database_;
  std::string path_;
  std::string stagingPath_;  // create(): where the store is until publish()
};

}  // namespace cloudplan::store
