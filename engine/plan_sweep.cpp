#include "engine/plan_sweep.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include "engine/plan_migration.h"

namespace cloudplan::engine {
namespace {

SweepResult planOne(const models::Inventory& inventory, const models::PlanSettings& settings,
                    const ReplanInput* replan) {
  models::Diagnostics diagnostics;
  SweepResult result;
  const auto plan = planMigration(inventory, settings, diagnostics, replan);
  if (plan) {
    result.metrics = plan->metrics;
    if (!plan->waves.empty()) result.end = plan->waves.back().end;
    return result;
  }
  diagnostics.sort();
  for (const models::Diagnostic& diagnostic : diagnostics.all()) {
    if (diagnostic.severity == models::Severity::error) {
      result.error = diagnostic.message;
      break;
    }
  }
  return result;
}

}  // namespace

std::vector<SweepResult> planSweep(const models::Inventory& inventory,
                                   std::span<const models::PlanSettings> settings, unsigned threads,
                                   const ReplanInput* replan) {
  std::vector<SweepResult> results(settings.size());
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<size_t>(threads, settings.size()));
  // Each thread takes the next settings not yet taken: a slow plan holds up one thread only.
  std::atomic<size_t> next{0};
  // An exception (a bug) is taken to the caller's thread, as from a plan made there.
  std::exception_ptr failure;
  std::mutex failureMutex;
  auto work = [&] {
    try {
      for (size_t i = next++; i < settings.size(); i = next++)
        results[i] = planOne(inventory, settings[i], replan);
    } catch (...) {
      next = settings.size();
      const std::lock_guard lock(failureMutex);
      if (!failure) failure = std::current_exception();
    }
  };
  {
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads; ++t)
      pool.emplace_back(work);
    work();
  }
  if (failure) std::rethrow_exception(failure);
  return results;
}

}  // namespace cloudplan::engine
