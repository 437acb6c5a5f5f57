// The feedback a ministry's IT officer reads after each submission to the national inventory:
// accepted or rejected, every problem with its place and its fix, the references still open,
// what changed since the agency's last accepted submission, the other agencies' systems that
// depend on it and the waves the change may move. As text (the terminal, feedback.txt, a mail)
// and as one self-contained HTML page (feedback.html) that says the same. Every value of the
// submission is data and is shown, never obeyed: control characters and bidirectional overrides
// are written out (models::printable), markup is escaped.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "models/diagnostic.h"
#include "models/submission.h"

namespace cloudplan::exporters {

// A list of changes, dependents or waves longer than this shows its first kFeedbackListed entries
// and "... and N more": the first submission of a large ministry adds thousands of systems, which
// nobody reads one by one in a terminal or a mail. Errors, warnings and unresolved references are
// all listed, however many: each is something to fix or to know.
inline constexpr size_t kFeedbackListed = 50;

struct SubmissionFeedback {
  const models::Submission& submission;
  const models::Diagnostics& diagnostics;  // already sorted by the caller
  const models::SubmissionChanges& changes;
};

// Plain text, one entry a line, for a terminal and a mail; feedback.txt holds the same bytes.
std::string feedbackText(const SubmissionFeedback& feedback);

// One HTML page: inline CSS, no script, no reference to anything outside it.
std::string feedbackHtml(const SubmissionFeedback& feedback);

// What feedbackHtml's page shows, without the document around it, for a page that frames it (the
// portal's): from its <h1> on, its headings below it in order. When `filesHref` is not empty,
// each file's name links to it followed by the name as one path segment (%XX-escaped, '/' too).
// The page's style is kPageStyle then feedbackStyle().
std::string feedbackHtmlContent(const SubmissionFeedback& feedback,
                                std::string_view filesHref = {});
std::string_view feedbackStyle();

}  // namespace cloudplan::exporters
