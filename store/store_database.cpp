#include "store/store_database.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <random>

#include <SQLiteCpp/Transaction.h>
#include "models/diagnostic.h"

#include "store/schema.h"

namespace cloudplan::store {
namespace {

// Submissions from several processes wait for each other this long before one gives up.
constexpr int kBusyTimeoutMs = 120'000;

void configure(SQLite::Database& database) {
  database.setBusyTimeout(kBusyTimeoutMs);
  database.exec("PRAGMA foreign_keys = ON");
  // WAL: readers never block the one writer; FULL: a committed submission survives a power cut.
  database.exec("PRAGMA synchronous = FULL");
}

}  // namespace

StoreDatabase::~StoreDatabase() {
  discardStaging();
}

StoreDatabase& StoreDatabase::operator=(StoreDatabase&& other) noexcept {
  if (this != &other) {
    discardStaging();
    database_ = std::move(other.database_);
    path_ = std::move(other.path_);
    stagingPath_ = std::exchange(other.stagingPath_, {});
  }
  return *this;
}

void StoreDatabase::discardStaging() noexcept {
  if (stagingPath_.empty()) return;
  database_.reset();
  std::error_code ec;
  for (const char* suffix : {"", "-journal", "-wal", "-shm"})
    std::filesystem::remove(stagingPath_ + suffix, ec);
  stagingPath_.clear();
}

int StoreDatabase::schemaVersion() const {
  return database_->execAndGet("PRAGMA user_version").getInt();
}

std::optional<StoreDatabase> StoreDatabase::open(const std::string& path, std::string& error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (!fs::exists(status)) {
    error = fmt::format(
        "{}: no store here (create one with cloudplan store init {} --agencies "
        "agencies.csv)",
        path, path);
    return std::nullopt;
  }
  if (!fs::is_regular_file(status)) {
    error = fmt::format("{}: not a file (name the store's .db file)", path);
    return std::nullopt;
  }
  // SQLite takes an empty file for an empty database, which would then pass for another
  // program's.
  if (fs::file_size(path, ec) == 0 && !ec) {
    error = fmt::format(
        "{}: not a cloudplan store (an empty file; name the store that cloudplan store init "
        "made)",
        path);
    return std::nullopt;
  }
  try {
    // One connection is used by one thread at a time: without SQLite's mutex on it, each of
    // the millions of column reads of a national inventory is cheaper.
    auto database =
        std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
    configure(*database);
    const int application = database->execAndGet("PRAGMA application_id").getInt();
    const int version = database->execAndGet("PRAGMA user_version").getInt();
    if (application != kApplicationId) {
      error = fmt::format(
          "{}: not a cloudplan store (an SQLite file of another program; name "
          "the store that cloudplan store init made)",
          path);
      return std::nullopt;
    }
    if (version > kSchemaVersion) {
      error = fmt::format(
          "{}: the store has schema version {}, newer than this cloudplan's {} "
          "(use the cloudplan that last wrote it, or a newer one)",
          path, version, kSchemaVersion);
      return std::nullopt;
    }
    // The mark without the tables: a store whose creation never finished, or damaged.
    const int tables =
        database
            ->execAndGet(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                "('submissions', 'files', 'agencies', 'systems', 'dependencies')")
            .getInt();
    if (version < 1 || tables != 5) {
      error = fmt::format(
          "{}: the store is corrupt (it is marked as a cloudplan store but lacks "
          "{} of its tables; restore it from a backup)",
          path, 5 - tables);
      return std::nullopt;
    }
    // Damage past the header shows only when a page is read. A pass over every page here would
    // cost each command a second per GB of store; a damaged page is reported when a command meets
    // it (SQLITE_CORRUPT, which main turns into a message), and store check reads them all.
    // A store is made in WAL mode (create), which stays; changing the mode needs the only
    // connection, so it is done for a store of another making only, and never waited for.
    if (database->execAndGet("PRAGMA journal_mode").getString() != "wal")
      database->exec("PRAGMA journal_mode = WAL");
    if (version < kSchemaVersion) {
      SQLite::Transaction transaction(*database, SQLite::TransactionBehavior::IMMEDIATE);
      // Another process may have migrated it while this one waited for the lock.
      const int now = database->execAndGet("PRAGMA user_version").getInt();
      if (now < kSchemaVersion) migrateSchema(*database, now, kSchemaVersion);
      transaction.commit();
    }
    return StoreDatabase(std::move(database), path, {});
  } catch (const SQLite::Exception& e) {
    const int code = e.getErrorCode() & 0xff;
    if (code == SQLITE_NOTADB) {
      error = fmt::format(
          "{}: not a cloudplan store (not an SQLite database; name the store "
          "that cloudplan store init made)",
          path);
    } else if (code == SQLITE_CORRUPT) {
      error =
          fmt::format("{}: the store is corrupt ({}; restore it from a backup)", path, e.what());
    } else {
      error = fmt::format("{}: cannot open the store ({})", path, e.what());
    }
    return std::nullopt;
  }
}

std::optional<StoreDatabase> StoreDatabase::create(const std::string& path, std::string& error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(fs::symlink_status(path, ec))) {
    error = fmt::format(
        "{}: exists already (a store is made once; cloudplan store agencies {} "
        "FILE replaces its register of agencies)",
        path, path);
    return std::nullopt;
  }
  const fs::path target(path);
  const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::random_device random;
  const std::string staging =
      (folder / fmt::format(".{}.init-{:08x}", target.filename().string(), random())).string();
  try {
    auto database = std::make_unique<SQLite::Database>(
        staging, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOFOLLOW);
    configure(*database);
    SQLite::Transaction transaction(*database);
    migrateSchema(*database, 0, kSchemaVersion);
    transaction.commit();
    // WAL from the start: readers never wait for the one writer, and the first submissions of
    // several processes need not race to change the journal mode.
    database->exec("PRAGMA journal_mode = WAL");
    return StoreDatabase(std::move(database), path, staging);
  } catch (const SQLite::Exception& e) {
    std::filesystem::remove(staging, ec);
    error = fmt::format("{}: cannot create the store ({})", path, e.what());
    return std::nullopt;
  }
}

StoreDatabase StoreDatabase::createAtVersion(const std::string& path, int version) {
  auto database =
      std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  configure(*database);
  SQLite::Transaction transaction(*database);
  migrateSchema(*database, 0, version);
  transaction.commit();
  return StoreDatabase(std::move(database), path, {});
}

bool StoreDatabase::publish(std::string& error) {
  if (stagingPath_.empty()) return true;
  // Closed first: the store is then one file, with no journal beside it to leave behind.
  database_.reset();
  std::error_code ec;
  // A link, not a rename: a store made meanwhile under the same name is never replaced.
  const bool linked = ::link(stagingPath_.c_str(), path_.c_str()) == 0;
  const int linkError = errno;
  std::filesystem::remove(stagingPath_, ec);
  if (!linked) {
    error = linkError == EEXIST
                ? fmt::format("{}: exists already (another store init made it meanwhile)", path_)
                : fmt::format("{}: cannot create the store ({})", path_,
                              std::generic_category().message(linkError));
    return false;
  }
  stagingPath_.clear();
  return true;
}

}  // namespace cloudplan::store
