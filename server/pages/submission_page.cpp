// GET /submissions/N: the feedback of a submission as `submit` writes it to feedback.html, made
// again from the store (its messages as recorded, what it changed as the rows it closed and
// opened, the dependents and waves of its moment as recorded), in the portal's frame with its
// files linked.
#include <fmt/format.h>

#include <string>

#include "exporters/reports/html_escape.h"
#include "exporters/reports/submission_feedback.h"
#include "server/pages/page_layout.h"
#include "server/portal_pages.h"
#include "store/submission_changes.h"
#include "store/submission_impacts.h"
#include "store/submission_records.h"

namespace cloudplan::server {

std::optional<std::string> submissionPage(store::StoreDatabase& store, const PageContext& context,
                                          uint32_t number) {
  const auto submission = store::readSubmission(store.sql(), number);
  if (!submission) return std::nullopt;
  models::Diagnostics diagnostics;
  for (auto& d : store::readSubmissionDiagnostics(store.sql(), number))
    diagnostics.add(d.severity, d.code, d.file, d.line, std::move(d.message));
  const bool inventory = submission->kind == models::SubmissionKind::inventory;
  models::SubmissionChanges changes = submission->accepted && inventory
                                          ? store::changesOfSubmission(store, number)
                                          : models::SubmissionChanges{};
  // The dependents and waves of that moment, as the submission recorded them; without them (a
  // store older than the portal) the page says they are not kept, as history --diff does.
  changes.fromHistory =
      !(submission->accepted && inventory && store::readImpacts(store.sql(), number, changes));

  std::string out;
  openPage(out, fmt::format("Submission {}", number), &context);
  out += "<p>";
  if (inventory) {
    appendLink(out, agencyHref(submission->agency), "Back to " + submission->agency);
  } else {
    appendLink(out, "/national", "Back to the agencies");
  }
  out += "</p>\n";
  out += exporters::feedbackHtmlContent({*submission, diagnostics, changes},
                                        fmt::format("/submissions/{}/files/", number));
  closePage(out);
  return out;
}

}  // namespace cloudplan::server
