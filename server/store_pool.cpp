#include "server/store_pool.h"

namespace cloudplan::server {

StorePool::Lease::~Lease() {
  if (!store_) return;  // moved from
  std::lock_guard lock(pool_->mutex_);
  pool_->idle_.push_back(std::move(store_));
}

std::optional<StorePool::Lease> StorePool::lease(std::string& error) {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(store));
    }
  }
  auto opened = store::StoreDatabase::open(path_, error);
  if (!opened) return std::nullopt;
  return Lease(*this, std::make_unique<store::StoreDatabase>(std::move(*opened)));
}

}  // namespace cloudplan::server
