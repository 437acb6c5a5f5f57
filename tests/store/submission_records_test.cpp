// The record of submissions: files kept byte for byte, compressed where it pays; diagnostics
// kept as they were given.
#include "store/submission_records.h"

#include <catch2/catch.hpp>

#include "tests/store/store_fixture.h"

using namespace cloudplan;
using testing::StoreFixture;

TEST_CASE("a large file is kept compressed and given back byte for byte", "[store][records]") {
  StoreFixture f;
  std::string systems = "\xEF\xBB\xBFid,name,agency,notes\r\n";
  for (int i = 0; i < 500; ++i)
    systems += fmt::format("MOJ/s{:03},System {} — \"é\",MOJ,\"line one\nline two\"\r\n", i, i);
  const auto outcome = f.accept("MOJ", {{"systems.csv", systems}});
  const uint32_t number = outcome.submission.number;
  CHECK(f.count(fmt::format("SELECT count(*) FROM files WHERE submission = {} AND compression = "
                            "'zlib' AND length(content) < bytes",
                            number)) == 1);
  const auto files = store::readSubmissionFiles(f.sql(), number);
  REQUIRE(files);
  REQUIRE(files->size() == 1);
  CHECK((*files)[0].bytes == systems);
  CHECK((*files)[0].kind == "systems");
  const auto recorded = store::readSubmission(f.sql(), number);
  REQUIRE(recorded);
  REQUIRE(recorded->files.size() == 1);
  CHECK(recorded->files[0].bytes == systems.size());
  CHECK(recorded->files[0].sha256.size() == 64);
  CHECK(recorded->systems == 500);
}

TEST_CASE("a small file is kept as it is", "[store][records]") {
  StoreFixture f;
  f.accept("MOJ", {{"systems.csv", testing::kMojSystems}});
  CHECK(f.count("SELECT count(*) FROM files WHERE submission = 2 AND compression = 'none'") == 1);
  const auto files = store::readSubmissionFiles(f.sql(), 2);
  REQUIRE(files);
  CHECK((*files)[0].bytes == testing::kMojSystems);
}

TEST_CASE("the history lists every submission, of one agency or all, with the last accepted",
          "[store][records]") {
  StoreFixture f;
  f.accept("MOJ", {{"systems.csv", testing::kMojSystems}});
  f.submit("MOJ", {{"systems.csv", "id,name,agency\nMOF/x,X,MOF\n"}});
  f.accept("DGA", {{"systems.csv", testing::kDgaSystems}});
  CHECK(store::readSubmissions(f.sql()).size() == 4);
  const auto moj = store::readSubmissions(f.sql(), {"MOJ"});
  REQUIRE(moj.size() == 2);
  CHECK(moj[0].accepted);
  CHECK_FALSE(moj[1].accepted);
  CHECK(store::lastAccepted(f.sql(), models::SubmissionKind::inventory, "MOJ") == 2);
  CHECK(store::lastAccepted(f.sql(), models::SubmissionKind::inventory, "MOF") == 0);
  CHECK(store::lastAccepted(f.sql(), models::SubmissionKind::agencies, "") == 1);
  CHECK(store::lastSubmission(f.sql()) == 4);
  CHECK_FALSE(store::readSubmission(f.sql(), 5));
  CHECK(store::readSubmissionDiagnostics(f.sql(), 5).empty());
}

TEST_CASE("diagnostics are kept with their severity, code, file, line and message",
          "[store][records]") {
  StoreFixture f;
  models::Diagnostics diagnostics;
  diagnostics.error("outside-scope", "a \"b\".csv", 7, "bad: 'x' \xE2\x80\x94 \x01");
  diagnostics.warning("unresolved-reference", "c.csv", 0, "later");
  diagnostics.note("known", "", 0, "fine");
  models::Submission submission;
  submission.agency = "MOJ";
  submission.at = "2027-01-01T00:00:00Z";
  const uint32_t number = store::recordSubmission(f.sql(), submission, diagnostics, {});
  CHECK(testing::linesOf(store::readSubmissionDiagnostics(f.sql(), number)) ==
        testing::linesOf(diagnostics));
}
