#include "store/plan_archive.h"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "store/file_compression.h"

namespace cloudplan::store {
namespace {

// A plan's file is at most this large: a damaged row may claim any size. A national report is
// tens of megabytes.
constexpr uint64_t kMaxPlanFileBytes = uint64_t{1} << 30;

constexpr const char* kSummaryColumns =
    "number, submission, at, by, settings, coalesce(systems, 0), coalesce(wave_count, 0), "
    "coalesce(lower_bound, 0), coalesce(peak_hybrid_links, 0), "
    "(SELECT count(*) FROM plan_files WHERE plan = number)";

PlanSummary summaryFrom(SQLite::Statement& query) {
  auto number = [&](int column) {
    return static_cast<uint32_t>(query.getColumn(column).getInt64());
  };
  PlanSummary plan;
  plan.number = number(0);
  plan.submission = number(1);
  plan.at = query.getColumn(2).getString();
  plan.by = query.getColumn(3).getString();
  plan.settings = query.getColumn(4).getString();
  plan.systems = number(5);
  plan.waves = number(6);
  plan.lowerBound = number(7);
  plan.peakHybridLinks = number(8);
  plan.files = number(9);
  return plan;
}

}  // namespace

void archivePlanFiles(SQLite::Database& database, uint32_t number, const std::string& by,
                      const PlanSummary& figures, const std::vector<FileContent>& files) {
  SQLite::Statement plan(database,
                         "UPDATE plans SET by = ?, systems = ?, wave_count = ?, lower_bound = ?, "
                         "peak_hybrid_links = ? WHERE number = ?");
  plan.bind(1, by);
  plan.bind(2, static_cast<int64_t>(figures.systems));
  plan.bind(3, static_cast<int64_t>(figures.waves));
  plan.bind(4, static_cast<int64_t>(figures.lowerBound));
  plan.bind(5, static_cast<int64_t>(figures.peakHybridLinks));
  plan.bind(6, static_cast<int64_t>(number));
  // Thrown: the caller's transaction then keeps nothing of a plan it could not archive.
  if (plan.exec() != 1)
    throw SQLite::Exception(fmt::format("no plan {} to archive files of", number));
  SQLite::Statement file(
      database,
      "INSERT INTO plan_files (plan, name, size, compression, content) VALUES (?, ?, ?, ?, ?)");
  for (const FileContent& f : files) {
    const auto packed = compressed(f.bytes);
    const std::string& content = packed ? *packed : f.bytes;
    file.bind(1, static_cast<int64_t>(number));
    file.bind(2, f.name);
    file.bind(3, static_cast<int64_t>(f.bytes.size()));
    file.bind(4, packed ? "zlib" : "none");
    file.bind(5, content.data(), static_cast<int>(content.size()));
    file.exec();
    file.reset();
  }
}

std::vector<PlanSummary> listPlans(SQLite::Database& database) {
  SQLite::Statement query(
      database, fmt::format("SELECT {} FROM plans ORDER BY number DESC", kSummaryColumns));
  std::vector<PlanSummary> plans;
  while (query.executeStep())
    plans.push_back(summaryFrom(query));
  return plans;
}

std::optional<PlanSummary> readPlanSummary(SQLite::Database& database, uint32_t number) {
  SQLite::Statement query(database,
                          fmt::format("SELECT {} FROM plans WHERE number = ?", kSummaryColumns));
  query.bind(1, static_cast<int64_t>(number));
  if (!query.executeStep()) return std::nullopt;
  return summaryFrom(query);
}

std::optional<PlanSummary> latestArchivedPlan(SQLite::Database& database) {
  for (PlanSummary& plan : listPlans(database)) {
    if (plan.files > 0) return std::move(plan);
  }
  return std::nullopt;
}

std::optional<std::string> readPlanFile(SQLite::Database& database, uint32_t number,
                                        const std::string& name) {
  SQLite::Statement query(
      database, "SELECT size, compression, content FROM plan_files WHERE plan = ? AND name = ?");
  query.bind(1, static_cast<int64_t>(number));
  query.bind(2, name);
  if (!query.executeStep()) return std::nullopt;
  const SQLite::Column content = query.getColumn(2);
  const void* blob = content.getBlob();  // before its size: SQLite's order
  return storedBytes(query.getColumn(1).getText(), blob, static_cast<size_t>(content.getBytes()),
                     static_cast<uint64_t>(query.getColumn(0).getInt64()), kMaxPlanFileBytes);
}

std::vector<std::string> planFileNames(SQLite::Database& database, uint32_t number) {
  SQLite::Statement query(database, "SELECT name FROM plan_files WHERE plan = ? ORDER BY name");
  query.bind(1, static_cast<int64_t>(number));
  std::vector<std::string> names;
  while (query.executeStep())
    names.push_back(query.getColumn(0).getString());
  return names;
}

}  // namespace cloudplan::store
