#include "store/submission_records.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <nlohmann/json.hpp>

#include "importers/input_file.h"
#include "models/utc_time.h"
#include "store/file_compression.h"

namespace cloudplan::store {
namespace {

models::Submission submissionFrom(SQLite::Statement& query) {
  models::Submission s;
  s.number = static_cast<uint32_t>(query.getColumn(0).getInt64());
  s.kind = query.getColumn(1).getString() == "agencies" ? models::SubmissionKind::agencies
                                                        : models::SubmissionKind::inventory;
  s.agency = query.getColumn(2).getString();
  s.at = query.getColumn(3).getString();
  s.by = query.getColumn(4).getString();
  s.message = query.getColumn(5).getString();
  s.accepted = query.getColumn(6).getInt() != 0;
  s.systems = static_cast<uint32_t>(query.getColumn(7).getInt64());
  s.dependencies = static_cast<uint32_t>(query.getColumn(8).getInt64());
  s.errors = static_cast<uint32_t>(query.getColumn(9).getInt64());
  s.warnings = static_cast<uint32_t>(query.getColumn(10).getInt64());
  s.unresolved = static_cast<uint32_t>(query.getColumn(11).getInt64());
  s.encoding = query.getColumn(12).getString();
  return s;
}

constexpr const char* kSubmissionColumns =
    "number, kind, agency, at, by, message, accepted, systems, dependencies, errors, warnings, "
    "unresolved, encoding";

void readFileList(SQLite::Database& database, models::Submission& submission) {
  SQLite::Statement files(
      database, "SELECT name, sha256, bytes FROM files WHERE submission = ? ORDER BY position");
  files.bind(1, static_cast<int64_t>(submission.number));
  while (files.executeStep()) {
    submission.files.push_back({files.getColumn(0).getString(), files.getColumn(1).getString(),
                                static_cast<uint64_t>(files.getColumn(2).getInt64())});
  }
}

}  // namespace

std::string submissionTime(SQLite::Database& database) {
  // A malformed CLOUDPLAN_NOW is the cli's to refuse; utcNow() ignores it, since here it would
  // make every later time the same text (times never go back).
  const std::string now = models::utcNow();
  SQLite::Statement last(database, "SELECT max(at) FROM submissions");
  if (last.executeStep() && !last.getColumn(0).isNull()) {
    const std::string previous = last.getColumn(0).getString();
    if (previous > now) return previous;
  }
  return now;
}

uint32_t recordSubmission(SQLite::Database& database, models::Submission submission,
                          const models::Diagnostics& diagnostics,
                          const std::vector<FileContent>& files) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& d : diagnostics.all()) {
    list.push_back({{"severity", models::nameOf(d.severity)},
                    {"code", d.code},
                    {"file", d.file},
                    {"line", d.line},
                    {"message", d.message}});
  }
  SQLite::Statement insert(
      database,
      "INSERT INTO submissions (kind, agency, at, by, message, accepted, systems, dependencies, "
      "errors, warnings, unresolved, diagnostics, encoding) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, std::string(models::nameOf(submission.kind)));
  insert.bind(2, submission.agency);
  insert.bind(3, submission.at);
  insert.bind(4, submission.by);
  insert.bind(5, submission.message);
  insert.bind(6, submission.accepted ? 1 : 0);
  insert.bind(7, static_cast<int64_t>(submission.systems));
  insert.bind(8, static_cast<int64_t>(submission.dependencies));
  insert.bind(9, static_cast<int64_t>(submission.errors));
  insert.bind(10, static_cast<int64_t>(submission.warnings));
  insert.bind(11, static_cast<int64_t>(submission.unresolved));
  insert.bind(12, list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  insert.bind(13, submission.encoding);
  insert.exec();
  const auto number = static_cast<uint32_t>(database.getLastInsertRowid());
  SQLite::Statement file(database,
                         "INSERT INTO files (submission, position, name, sha256, bytes, kind, "
                         "compression, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  for (size_t i = 0; i < files.size(); ++i) {
    const auto packed = compressed(files[i].bytes);
    const std::string& content = packed ? *packed : files[i].bytes;
    file.bind(1, static_cast<int64_t>(number));
    file.bind(2, static_cast<int64_t>(i));
    file.bind(3, files[i].name);
    file.bind(4, i < submission.files.size() ? submission.files[i].sha256 : std::string());
    file.bind(5, static_cast<int64_t>(files[i].bytes.size()));
    file.bind(6, files[i].kind);
    file.bind(7, packed ? "zlib" : "none");
    file.bind(8, content.data(), static_cast<int>(content.size()));
    file.exec();
    file.reset();
  }
  return number;
}

std::vector<models::Submission> readSubmissions(SQLite::Database& database,
                                                const std::vector<std::string>& agencies) {
  std::string where;
  for (size_t i = 0; i < agencies.size(); ++i)
    where += i ? ", ?" : "WHERE agency IN (?";
  if (!agencies.empty()) where += ")";
  SQLite::Statement query(database, fmt::format("SELECT {} FROM submissions {} ORDER BY number",
                                                kSubmissionColumns, where));
  for (size_t i = 0; i < agencies.size(); ++i)
    query.bind(static_cast<int>(i + 1), agencies[i]);
  std::vector<models::Submission> submissions;
  while (query.executeStep())
    submissions.push_back(submissionFrom(query));
  for (auto& submission : submissions)
    readFileList(database, submission);
  return submissions;
}

std::optional<models::Submission> readSubmission(SQLite::Database& database, uint32_t number) {
  SQLite::Statement query(
      database, fmt::format("SELECT {} FROM submissions WHERE number = ?", kSubmissionColumns));
  query.bind(1, static_cast<int64_t>(number));
  if (!query.executeStep()) return std::nullopt;
  auto submission = submissionFrom(query);
  readFileList(database, submission);
  return submission;
}

std::vector<models::Diagnostic> readSubmissionDiagnostics(SQLite::Database& database,
                                                          uint32_t number) {
  SQLite::Statement query(database, "SELECT diagnostics FROM submissions WHERE number = ?");
  query.bind(1, static_cast<int64_t>(number));
  std::vector<models::Diagnostic> diagnostics;
  if (!query.executeStep()) return diagnostics;
  const auto list = nlohmann::json::parse(query.getColumn(0).getString(), nullptr, false);
  if (!list.is_array()) return diagnostics;
  for (const auto& d : list) {
    if (!d.is_object()) continue;
    models::Diagnostic diagnostic;
    // Read field by field with their types checked: a damaged row is shown as what it holds.
    auto text = [&](const char* key) {
      const auto it = d.find(key);
      return it != d.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    const std::string severity = text("severity");
    for (const auto s :
         {models::Severity::error, models::Severity::warning, models::Severity::note}) {
      if (models::nameOf(s) == severity) diagnostic.severity = s;
    }
    diagnostic.code = text("code");
    diagnostic.file = text("file");
    const auto line = d.find("line");
    diagnostic.line = line != d.end() && line->is_number_unsigned() ? line->get<uint32_t>() : 0;
    diagnostic.message = text("message");
    diagnostics.push_back(std::move(diagnostic));
  }
  return diagnostics;
}

std::optional<std::vector<FileContent>> readSubmissionFiles(SQLite::Database& database,
                                                            uint32_t number) {
  SQLite::Statement query(database,
                          "SELECT name, bytes, compression, content, kind FROM files WHERE "
                          "submission = ? ORDER BY position");
  query.bind(1, static_cast<int64_t>(number));
  std::vector<FileContent> files;
  while (query.executeStep()) {
    const SQLite::Column content = query.getColumn(3);
    const void* blob = content.getBlob();  // before its size: SQLite's order
    // A damaged row may claim any size: no submitted file was ever larger than an input may be.
    auto data = storedBytes(
        query.getColumn(2).getText(), blob, static_cast<size_t>(content.getBytes()),
        static_cast<uint64_t>(query.getColumn(1).getInt64()), importers::kMaxInputBytes);
    if (!data) return std::nullopt;
    files.push_back(
        {query.getColumn(0).getString(), std::move(*data), query.getColumn(4).getString()});
  }
  return files;
}

uint32_t lastSubmission(SQLite::Database& database) {
  return static_cast<uint32_t>(
      database.execAndGet("SELECT coalesce(max(number), 0) FROM submissions").getInt64());
}

uint32_t lastAccepted(SQLite::Database& database, models::SubmissionKind kind,
                      const std::string& agency) {
  SQLite::Statement query(database,
                          "SELECT coalesce(max(number), 0) FROM submissions WHERE accepted = 1 "
                          "AND kind = ? AND agency = ?");
  query.bind(1, std::string(models::nameOf(kind)));
  query.bind(2, agency);
  query.executeStep();
  return static_cast<uint32_t>(query.getColumn(0).getInt64());
}

}  // namespace cloudplan::store
