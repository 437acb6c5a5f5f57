#include "exporters/reports/submission_feedback.h"

#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "exporters/reports/html_escape.h"
#include "exporters/reports/html_style.h"
#include "models/plural.h"
#include "models/printable_text.h"

namespace cloudplan::exporters {

using models::plural;

namespace {

// The page's own rules, after the pages' shared ones (kPageStyle). The verdict says its word as
// well as its colour: the colour alone tells nothing to a reader who cannot see it.
constexpr std::string_view kStyle = R"css(
.verdict { font-size: 16px; padding: 10px 14px; border-radius: 6px; margin: 12px 0; }
.verdict b { font-size: 18px; margin-right: 8px; }
.verdict.accepted { background: #e8f4ea; border-left: 6px solid #1a7f37; }
.verdict.accepted b { color: #1a7f37; }
.verdict.rejected { background: #fbe9eb; border-left: 6px solid #b2182b; }
.verdict.rejected b { color: #b2182b; }
ul.diagnostics { padding-left: 18px; }
ul.diagnostics li { margin: 2px 0; }
)css";

// A value of the submission as it is shown: control characters and bidirectional overrides
// written out, so that a name cannot clear a screen nor reverse the text after it.
std::string safe(std::string_view value) {
  return models::printable(value, models::Bidi::escape);
}

// The same, in HTML.
std::string html(std::string_view value) {
  return htmlEscaped(safe(value));
}

constexpr std::string_view kNone = "(none)";

// A field's value in text: quoted (and cut short when very long), or (none) when not set.
std::string fieldValue(std::string_view value) {
  return value.empty() ? std::string(kNone) : safe(models::quoted(value));
}

// The first 12 hex digits identify a file among a ministry's submissions; the store keeps all 64.
std::string shortSha(std::string_view sha256) {
  return safe(sha256.substr(0, 12));
}

std::string where(const models::Diagnostic& d) {
  if (d.file.empty()) return {};
  return d.line ? fmt::format("{}:{}", d.file, d.line) : d.file;
}

// What the feedback says, worded once for both forms; `agency` is already made safe for the form.
struct Wording {
  const SubmissionFeedback& feedback;
  std::string agency;

  const models::Submission& submission() const { return feedback.submission; }
  const models::SubmissionChanges& changes() const { return feedback.changes; }

  // Nothing before it: every system of the agency's part is added, none removed nor changed.
  bool first() const {
    const auto& c = changes();
    return submission().systems > 0 && c.systemsAdded.size() == submission().systems &&
           c.systemsRemoved.empty() && c.systemsChanged.empty() && c.dependenciesRemoved.empty() &&
           c.dependenciesChanged.empty();
  }
  std::string title() const {
    return fmt::format("Submission {} of {}", submission().number, agency);
  }
  std::string_view verdict() const { return submission().accepted ? "ACCEPTED" : "REJECTED"; }
  std::string verdictText() const {
    return submission().accepted
               ? "The national inventory now holds the part of " + agency + " as submitted."
               : "Nothing in the national inventory changed: fix the errors below and submit "
                 "again.";
  }
  std::string partCounts() const {
    return fmt::format("{} {} and {}.",
                       submission().accepted ? "The part of " + agency + " now has"
                                             : std::string("The files have"),
                       plural(submission().systems, "system", "systems"),
                       plural(submission().dependencies, "dependency", "dependencies"));
  }
  std::string problemCounts() const {
    return fmt::format(
        "This submission has {}, {} and {}.", plural(submission().errors, "error", "errors"),
        plural(submission().warnings, "warning", "warnings"),
        plural(submission().unresolved, "unresolved reference", "unresolved references"));
  }
  static constexpr std::string_view unresolvedTitle = "Unresolved references";
  static constexpr std::string_view unresolvedText =
      "References to systems the national inventory does not have yet: each resolves when the "
      "agency that owns the system submits it. Check that the id is right.";
  static constexpr std::string_view diagnosticsTitle = "Errors and warnings";
  std::string changesTitle() const {
    if (first()) return "First submission of " + agency + ": everything in it is new";
    if (changes().empty()) return "No change since the last accepted submission of " + agency;
    return "Changes since the last accepted submission of " + agency;
  }
  std::string dependentsTitle() const {
    return "Systems of other agencies that depend on systems of " + agency;
  }
  std::string resolvedTitle() const {
    return "Systems of other agencies whose reference to " + agency + " this submission resolved";
  }
  std::string wavesTitle() const {
    return fmt::format("Waves this may move in the plan made at submission {}",
                       *changes().planSubmission);
  }
  std::string noWaves() const {
    if (changes().fromHistory) {
      return "Other agencies and waves: not kept in the history (cloudplan store status and plan "
             "--store tell them as they are now).";
    }
    if (!changes().planSubmission) return "Waves: the national inventory has no plan yet.";
    return fmt::format("Waves: this moves no wave of the plan made at submission {}.",
                       *changes().planSubmission);
  }
};

// The register of agencies is submitted by no agency.
std::string_view agencyOf(const models::Submission& submission) {
  if (submission.agency.empty()) return "the agency register";
  return submission.agency;
}

std::string waveText(const models::WaveImpact& impact) {
  if (!impact.planned) return "not in that plan";
  return impact.wave ? fmt::format("wave {}", impact.wave) : std::string("not scheduled");
}

// ---- Text ----

size_t listed(size_t size, bool capped) {
  return capped ? std::min(size, kFeedbackListed) : size;
}

// A titled list, one entry (or more lines) each, capped at kFeedbackListed unless `all`.
template <typename T, typename Entry>
void textList(std::string& out, std::string_view title, const std::vector<T>& items, Entry entry,
              bool all = false, std::string_view note = {}) {
  if (items.empty()) return;
  out += fmt::format("\n{} ({}):\n", title, items.size());
  if (!note.empty()) out += fmt::format("{}\n", note);
  const size_t shown = listed(items.size(), !all);
  for (size_t i = 0; i < shown; ++i)
    entry(items[i]);
  if (shown < items.size()) out += fmt::format("  ... and {} more\n", items.size() - shown);
}

std::string dependencyText(const models::DependencyChange& d) {
  std::string text = safe(d.from) + " -> " + safe(d.to);
  if (!d.coupling.empty()) text += " (" + safe(d.coupling) + ")";
  return text;
}

void fieldsText(std::string& out, const std::vector<models::FieldChange>& fields) {
  for (const auto& f : fields) {
    out +=
        fmt::format("    {}: {} -> {}\n", safe(f.field), fieldValue(f.before), fieldValue(f.after));
  }
}

void headerText(std::string& out, const Wording& w) {
  const auto& s = w.submission();
  out += fmt::format("{}: {}\n{}\n", w.title(), w.verdict(), w.verdictText());
  out += fmt::format("Submitted {} (UTC){}\n", safe(s.at), s.by.empty() ? "" : " by " + safe(s.by));
  out += fmt::format("Message: {}\n", s.message.empty() ? kNone : safe(s.message));
  out += s.files.empty() ? "Files: none\n" : "Files:\n";
  for (const auto& file : s.files) {
    out += fmt::format("  {}  sha256 {}  {}\n", safe(file.name), shortSha(file.sha256),
                       plural(file.bytes, "byte", "bytes"));
  }
  out += w.partCounts() + '\n' + w.problemCounts() + '\n';
}

void diagnosticsText(std::string& out, const Wording& w) {
  const auto& all = w.feedback.diagnostics.all();
  if (all.empty()) {
    out += fmt::format("\n{}: none.\n", Wording::diagnosticsTitle);
    return;
  }
  textList(
      out, Wording::diagnosticsTitle, all,
      [&](const models::Diagnostic& d) {
        const std::string place = where(d);
        out += fmt::format("  {}{}{}: {}\n", safe(place), place.empty() ? "" : ": ",
                           models::nameOf(d.severity), safe(d.message));
      },
      true);
}

void changesText(std::string& out, const Wording& w) {
  const auto& c = w.changes();
  out += fmt::format("\n{}{}\n", w.changesTitle(), c.empty() || w.first() ? "." : ":");
  auto system = [&](const models::SystemChange& s) {
    out += "  " + safe(s.id);
    if (!s.name.empty()) out += "  " + safe(models::quoted(s.name));
    out += '\n';
  };
  auto changedSystem = [&](const models::SystemChange& s) {
    system(s);
    fieldsText(out, s.fields);
  };
  auto dependency = [&](const models::DependencyChange& d) {
    out += "  " + dependencyText(d) + '\n';
  };
  auto changedDependency = [&](const models::DependencyChange& d) {
    dependency(d);
    fieldsText(out, d.fields);
  };
  textList(out, "Systems added", c.systemsAdded, system);
  textList(out, "Systems removed", c.systemsRemoved, system);
  textList(out, "Systems changed", c.systemsChanged, changedSystem);
  textList(out, "Dependencies added", c.dependenciesAdded, dependency);
  textList(out, "Dependencies removed", c.dependenciesRemoved, dependency);
  textList(out, "Dependencies changed", c.dependenciesChanged, changedDependency);
}

void othersText(std::string& out, const Wording& w) {
  const auto& c = w.changes();
  auto dependent = [&](const models::DependencyChange& d) {
    out += fmt::format("  {}: {}\n", safe(d.fromAgency), dependencyText(d));
  };
  textList(out, w.dependentsTitle(), c.dependents, dependent);
  textList(out, w.resolvedTitle(), c.resolvedNow, dependent);
  if (c.waves.empty() || c.fromHistory) {
    out += '\n' + w.noWaves() + '\n';
    return;
  }
  textList(out, w.wavesTitle(), c.waves, [&](const models::WaveImpact& impact) {
    out += fmt::format("  {}, {}: {}\n", safe(impact.id), waveText(impact), safe(impact.reason));
  });
}

// ---- HTML ----

void tableHead(std::string& out, std::initializer_list<std::string_view> columns) {
  out += "<table><thead><tr>";
  for (const auto column : columns)
    out += "<th>" + std::string(column) + "</th>";
  out += "</tr></thead><tbody>\n";
}

void cell(std::string& out, std::string_view value, std::string_view cls = {}) {
  out += cls.empty() ? "<td>" : "<td class=\"" + std::string(cls) + "\">";
  out += html(value);
  out += "</td>";
}

// A field's value in a cell: whole (a table has room), or (none) when not set.
void valueCell(std::string& out, std::string_view value) {
  if (value.empty()) {
    out += "<td class=\"muted\">" + std::string(kNone) + "</td>";
  } else {
    cell(out, value);
  }
}

void systemCell(std::string& out, const models::SystemChange& s) {
  out += "<td><span class=\"id\">" + html(s.id) + "</span>";
  if (!s.name.empty()) out += "<br><span class=\"name\">" + html(s.name) + "</span>";
  out += "</td>";
}

// A titled table, capped at kFeedbackListed entries unless `all`; `rows` writes an entry's rows.
template <typename T, typename Rows>
void htmlTable(std::string& out, std::string_view title, std::string_view note,
               std::initializer_list<std::string_view> columns, const std::vector<T>& items,
               Rows rows, bool all = false) {
  if (items.empty()) return;
  out += fmt::format("<h3>{} ({})</h3>\n", title, items.size());
  if (!note.empty()) out += fmt::format("<p class=\"lead\">{}</p>\n", note);
  tableHead(out, columns);
  const size_t shown = listed(items.size(), !all);
  for (size_t i = 0; i < shown; ++i)
    rows(items[i]);
  out += "</tbody></table>\n";
  if (shown < items.size()) {
    out += fmt::format("<p class=\"muted\">... and {} more</p>\n", items.size() - shown);
  }
}

void dependencyCells(std::string& out, const models::DependencyChange& d) {
  cell(out, d.from, "id");
  cell(out, d.to, "id");
}

// The verdict, the submission's record and its files, without the element around them
// (feedback.html's <header>); each file's name a link when `filesHref` is given.
void headerHtml(std::string& out, const Wording& w, std::string_view filesHref) {
  const auto& s = w.submission();
  out += fmt::format("<h1>{}</h1>\n", w.title());
  out += fmt::format("<p class=\"verdict {}\"><b>{}</b>{}</p>\n",
                     s.accepted ? "accepted" : "rejected", w.verdict(), w.verdictText());
  out += "<table class=\"compact\"><tbody>\n";
  auto row = [&](std::string_view name, std::string_view value) {
    out += fmt::format("<tr><th>{}</th>", name);
    valueCell(out, value);
    out += "</tr>\n";
  };
  row("Agency", s.agency);
  row("Submitted (UTC)", s.at);
  row("By", s.by);
  row("Message", s.message);
  out += "</tbody></table>\n<div class=\"figures\">";
  auto figure = [&](uint64_t value, std::string_view label) {
    out += fmt::format("<div class=\"figure\"><b>{}</b><span>{}</span></div>", value, label);
  };
  figure(s.systems, s.accepted ? "systems in the part" : "systems in the files");
  figure(s.dependencies, "dependencies");
  figure(s.errors, "errors");
  figure(s.warnings, "warnings");
  figure(s.unresolved, "unresolved references");
  // The wording holds no value but the agency, which is escaped already.
  out += "</div>\n<p>" + w.partCounts() + ' ' + w.problemCounts() + "</p>\n";
  out += fmt::format("<h2>Files ({})</h2>\n", s.files.size());
  if (s.files.empty()) {
    out += "<p>None.</p>\n";
    return;
  }
  out +=
      "<table><thead><tr><th>File</th><th>sha256</th><th class=\"number\">Size (bytes)</th>"
      "</tr></thead><tbody>\n";
  for (const auto& file : s.files) {
    out += "<tr>";
    if (filesHref.empty()) {
      cell(out, file.name, "id");
    } else {
      out += "<td class=\"id\"><a href=\"" + std::string(filesHref) + hrefSegmentFor(file.name) +
             "\">" + html(file.name) + "</a></td>";
    }
    out += "<td class=\"id\" title=\"" + html(file.sha256) + "\">" +
           htmlEscaped(shortSha(file.sha256)) + "</td>";
    out += fmt::format("<td class=\"number\">{}</td></tr>\n", file.bytes);
  }
  out += "</tbody></table>\n";
}

void unresolvedHtml(std::string& out, const Wording& w) {
  const auto& unresolved = w.changes().unresolved;
  if (unresolved.empty()) return;
  out += "<section id=\"unresolved\">\n";
  htmlTable(
      out, Wording::unresolvedTitle, Wording::unresolvedText, {"From", "To", "Coupling"},
      unresolved,
      [&](const models::DependencyChange& d) {
        out += "<tr>";
        dependencyCells(out, d);
        cell(out, d.coupling);
        out += "</tr>\n";
      },
      true);
  out += "</section>\n";
}

void diagnosticsHtml(std::string& out, const Wording& w) {
  const auto& all = w.feedback.diagnostics.all();
  out += "<section id=\"diagnostics\">\n";
  if (all.empty()) {
    out += fmt::format("<h3>{}</h3>\n<p>None.</p>\n</section>\n", Wording::diagnosticsTitle);
    return;
  }
  out += fmt::format("<h3>{} ({})</h3>\n<ul class=\"diagnostics\">\n", Wording::diagnosticsTitle,
                     all.size());
  for (const auto& d : all) {
    out += "<li>";
    if (const std::string place = where(d); !place.empty()) {
      out += "<span class=\"id\">" + html(place) + "</span>: ";
    }
    out += fmt::format("<span class=\"severity-{0}\">{0}</span>: ", models::nameOf(d.severity));
    out += html(d.message) + "</li>\n";
  }
  out += "</ul>\n</section>\n";
}

void changesHtml(std::string& out, const Wording& w) {
  const auto& c = w.changes();
  out += "<section id=\"changes\">\n<h2>" + w.changesTitle() + "</h2>\n";
  auto system = [&](const models::SystemChange& s) {
    out += "<tr>";
    systemCell(out, s);
    out += "</tr>\n";
  };
  // One row a field; the entry's first cells are repeated so that every row reads alone.
  auto fieldRows = [&](const std::vector<models::FieldChange>& fields, auto&& entryCells) {
    for (const auto& f : fields) {
      out += "<tr>";
      entryCells();
      cell(out, f.field);
      valueCell(out, f.before);
      valueCell(out, f.after);
      out += "</tr>\n";
    }
  };
  auto changedSystem = [&](const models::SystemChange& s) {
    fieldRows(s.fields, [&] { systemCell(out, s); });
  };
  auto dependency = [&](const models::DependencyChange& d) {
    out += "<tr>";
    dependencyCells(out, d);
    cell(out, d.coupling);
    out += "</tr>\n";
  };
  auto changedDependency = [&](const models::DependencyChange& d) {
    fieldRows(d.fields, [&] { dependencyCells(out, d); });
  };
  htmlTable(out, "Systems added", {}, {"System"}, c.systemsAdded, system);
  htmlTable(out, "Systems removed", {}, {"System"}, c.systemsRemoved, system);
  htmlTable(out, "Systems changed", {}, {"System", "Field", "Before", "After"}, c.systemsChanged,
            changedSystem);
  htmlTable(out, "Dependencies added", {}, {"From", "To", "Coupling"}, c.dependenciesAdded,
            dependency);
  htmlTable(out, "Dependencies removed", {}, {"From", "To", "Coupling"}, c.dependenciesRemoved,
            dependency);
  htmlTable(out, "Dependencies changed", {}, {"From", "To", "Field", "Before", "After"},
            c.dependenciesChanged, changedDependency);
  out += "</section>\n";
}

void othersHtml(std::string& out, const Wording& w) {
  const auto& c = w.changes();
  auto dependent = [&](const models::DependencyChange& d) {
    out += "<tr>";
    cell(out, d.fromAgency, "id");
    dependencyCells(out, d);
    cell(out, d.coupling);
    out += "</tr>\n";
  };
  if (!c.dependents.empty() || !c.resolvedNow.empty()) {
    out += "<section id=\"dependents\">\n<h2>Other agencies</h2>\n";
    htmlTable(out, w.dependentsTitle(), {}, {"Agency", "From", "To", "Coupling"}, c.dependents,
              dependent);
    htmlTable(out, w.resolvedTitle(), {}, {"Agency", "From", "To", "Coupling"}, c.resolvedNow,
              dependent);
    out += "</section>\n";
  }
  out += "<section id=\"waves\">\n<h2>Waves</h2>\n";
  if (c.waves.empty() || c.fromHistory) {
    out += "<p>" + w.noWaves() + "</p>\n</section>\n";
    return;
  }
  htmlTable(out, w.wavesTitle(), {}, {"System", "Wave", "Why"}, c.waves,
            [&](const models::WaveImpact& impact) {
              out += "<tr>";
              cell(out, impact.id, "id");
              cell(out, waveText(impact));
              cell(out, impact.reason);
              out += "</tr>\n";
            });
  out += "</section>\n";
}

// The problems, then what an accepted submission changed (feedback.html's <main>).
void problemsHtml(std::string& out, const Wording& w) {
  out += "<h2>Problems</h2>\n";
  unresolvedHtml(out, w);
  diagnosticsHtml(out, w);
  if (w.submission().accepted) {
    changesHtml(out, w);
    othersHtml(out, w);
  }
}

}  // namespace

std::string feedbackText(const SubmissionFeedback& feedback) {
  const Wording w{feedback, safe(agencyOf(feedback.submission))};
  std::string out;
  headerText(out, w);
  textList(
      out, Wording::unresolvedTitle, feedback.changes.unresolved,
      [&](const models::DependencyChange& d) { out += "  " + dependencyText(d) + '\n'; }, true,
      Wording::unresolvedText);
  diagnosticsText(out, w);
  if (feedback.submission.accepted) {
    changesText(out, w);
    othersText(out, w);
  }
  return out;
}

std::string feedbackHtml(const SubmissionFeedback& feedback) {
  const Wording w{feedback, html(agencyOf(feedback.submission))};
  std::string out;
  out +=
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<title>{}: {}</title>\n<style>", w.title(), w.verdict());
  out += kPageStyle;
  out += kStyle;
  out += "</style>\n</head>\n<body>\n<header>\n";
  headerHtml(out, w, {});
  out += "</header>\n<main>\n";
  problemsHtml(out, w);
  out += "</main>\n</body>\n</html>\n";
  return out;
}

std::string feedbackHtmlContent(const SubmissionFeedback& feedback, std::string_view filesHref) {
  const Wording w{feedback, html(agencyOf(feedback.submission))};
  std::string out;
  headerHtml(out, w, filesHref);
  problemsHtml(out, w);
  return out;
}

std::string_view feedbackStyle() {
  return kStyle;
}

}  // namespace cloudplan::exporters
