// The portal's connections to the store. A store connection serves one thread at a time
// (store_database.cpp opens it without SQLite's mutex), and each request needs one: the pool lends
// an idle one, or opens another, and takes it back when the request is done. WAL lets the
// readers of many requests run beside the one writer.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "store/store_database.h"

namespace cloudplan::server {

class StorePool {
 public:
  explicit StorePool(std::string path) : path_(std::move(path)) {}

  // A connection lent until the Lease is destroyed.
  class Lease {
   public:
    Lease(StorePool& pool, std::unique_ptr<store::StoreDatabase> store)
        : pool_(&pool), store_(std::move(store)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    store::StoreDatabase& operator*() { return *store_; }
    store::StoreDatabase* operator->() { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<store::StoreDatabase> store_;
  };

  // nullopt with `error` when the store cannot be opened.
  std::optional<Lease> lease(std::string& error);

 private:
  std::string path_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<store::StoreDatabase>> idle_;
};

}  // namespace cloudplan::server
