#include "exporters/reports/plan_diff_html.h"

#include <fmt/format.h>

#include <initializer_list>
#include <string_view>

#include "exporters/reports/html_escape.h"
#include "exporters/reports/html_style.h"
#include "models/printable_text.h"

namespace cloudplan::exporters {

namespace {

// The page's own rules, after the shared ones. The direction says its word as well as its colour.
constexpr std::string_view kStyle = R"css(
.earlier { color: #1a7f37; }
.later { color: #a6611a; }
ul.reasons { margin: 0; padding-left: 16px; }
)css";

// A value of a plan, as shown: control characters and bidirectional overrides written out, then
// escaped, so that an id can neither run as markup nor reverse the text after it.
std::string html(std::string_view value) {
  return htmlEscaped(models::printable(value, models::Bidi::escape));
}

void cell(std::string& out, std::string_view text, std::string_view cls = {}) {
  out += cls.empty() ? "<td>" : fmt::format("<td class=\"{}\">", cls);
  out += html(text) + "</td>";
}

void number(std::string& out, uint64_t value) {
  out += fmt::format("<td class=\"number\">{}</td>", value);
}

void agencyCell(std::string& out, const std::string& code) {
  if (code.empty()) {
    out += "<td class=\"muted\">none</td>";
  } else {
    cell(out, code, "id");
  }
}

std::string waveText(uint32_t wave) {
  return wave ? fmt::format("wave {}", wave) : std::string("retained");
}

void head(std::string& out, std::string_view title, std::initializer_list<std::string_view> columns,
          size_t count) {
  out += fmt::format("<h2>{} ({})</h2>\n<table><thead><tr>", title, count);
  for (std::string_view column : columns)
    out += fmt::format("<th>{}</th>", column);
  out += "</tr></thead><tbody>\n";
}

constexpr std::string_view kTableEnd = "</tbody></table>\n";

std::string signedText(int64_t change) {
  return change > 0 ? fmt::format("+{}", change) : fmt::format("{}", change);
}

std::string daysText(int32_t days) {
  return signedText(days) + (days == 1 || days == -1 ? " day" : " days");
}

void figure(std::string& out, std::string_view name, const models::Both<uint32_t>& f) {
  out += fmt::format(
      "<tr><th>{}</th><td class=\"number\">{}</td><td class=\"number\">{}</td>"
      "<td class=\"number\">{}</td></tr>\n",
      name, f.before, f.after, signedText(int64_t{f.after} - int64_t{f.before}));
}

void figures(std::string& out, const models::PlanDiff& diff) {
  const models::PlanDiffSummary& s = diff.summary;
  size_t nowScheduled = 0;
  for (const auto& change : diff.strategyChanged)
    nowScheduled += change.nowScheduled() ? 1 : 0;
  out += "<div class=\"figures\">\n";
  const auto box = [&](size_t value, std::string_view label) {
    out += fmt::format("<div class=\"figure\"><b>{}</b><span>{}</span></div>\n", value, label);
  };
  box(diff.moved.size(),
      fmt::format("moved ({} earlier, {} later)", diff.movedEarlier(), diff.movedLater()));
  box(diff.added.size(), "added");
  box(diff.removed.size(), "removed");
  box(nowScheduled, "now scheduled");
  box(diff.strategyChanged.size() - nowScheduled, "now retained");
  box(diff.waves.size(), "waves with new dates");
  if (s.newChurn) box(*s.newChurn, "churn the new plan records");
  out += "</div>\n";
  if (!diff.differs()) {
    out +=
        "<p>The plans do not differ: every system is in the same wave, every wave on the same "
        "dates.</p>\n";
  }
  out +=
      "<table class=\"compact\"><thead><tr><th></th><th class=\"number\">old</th>"
      "<th class=\"number\">new</th><th class=\"number\">change</th></tr></thead><tbody>\n";
  figure(out, "systems", s.systems);
  figure(out, "scheduled", s.scheduled);
  figure(out, "waves", s.waves);
  const auto date = [](const std::optional<models::Date>& d) {
    return d ? models::formatDate(*d) : std::string("-");
  };
  const std::string days =
      s.end.before && s.end.after ? daysText(*s.end.after - *s.end.before) : std::string("-");
  out += fmt::format(
      "<tr><th>end date</th><td class=\"number\">{}</td><td class=\"number\">{}</td>"
      "<td class=\"number\">{}</td></tr>\n",
      date(s.end.before), date(s.end.after), days);
  figure(out, "lower bound", s.lowerBound);
  figure(out, "peak hybrid links", s.peakHybridLinks);
  figure(out, "permanent hybrid links", s.permanentHybridLinks);
  out += kTableEnd;
}

void moved(std::string& out, const models::PlanDiff& diff) {
  if (diff.moved.empty()) return;
  out += "<section id=\"moved\">\n";
  head(out, "Moved, by new wave", {"System", "Agency", "Old wave", "New wave", "", "Reasons now"},
       diff.moved.size());
  for (const models::MovedSystem& m : diff.moved) {
    out += "<tr>";
    cell(out, m.id, "id");
    agencyCell(out, m.agency);
    number(out, m.oldWave);
    number(out, m.newWave);
    const std::string_view direction = m.earlier() ? "earlier" : "later";
    out += fmt::format("<td class=\"{0}\">{0}</td><td><ul class=\"reasons\">", direction);
    for (const std::string& reason : m.reasons)
      out += "<li>" + html(reason) + "</li>";
    out += "</ul></td></tr>\n";
  }
  out += kTableEnd;
  out += "</section>\n";
}

void oneSided(std::string& out, std::string_view id, std::string_view title,
              const std::vector<models::OneSidedSystem>& systems) {
  if (systems.empty()) return;
  out += fmt::format("<section id=\"{}\">\n", id);
  head(out, title, {"System", "Agency", "Wave", "Strategy"}, systems.size());
  for (const models::OneSidedSystem& s : systems) {
    out += "<tr>";
    cell(out, s.id, "id");
    agencyCell(out, s.agency);
    cell(out, waveText(s.wave));
    cell(out, models::nameOf(s.strategy));
    out += "</tr>\n";
  }
  out += kTableEnd;
  out += "</section>\n";
}

void strategyChanged(std::string& out, const models::PlanDiff& diff) {
  if (diff.strategyChanged.empty()) return;
  out += "<section id=\"strategy\">\n";
  head(out, "Between scheduled and retained", {"System", "Agency", "Old", "New"},
       diff.strategyChanged.size());
  for (const models::StrategyChange& c : diff.strategyChanged) {
    out += "<tr>";
    cell(out, c.id, "id");
    agencyCell(out, c.agency);
    cell(out, fmt::format("{} ({})", waveText(c.oldWave), models::nameOf(c.oldStrategy)));
    cell(out, fmt::format("{} ({})", waveText(c.newWave), models::nameOf(c.newStrategy)));
    out += "</tr>\n";
  }
  out += kTableEnd;
  out += "</section>\n";
}

void waves(std::string& out, const models::PlanDiff& diff) {
  if (diff.waves.empty()) return;
  out += "<section id=\"waves\">\n";
  head(out, "Waves whose dates changed", {"Wave", "Old", "New"}, diff.waves.size());
  const auto dates = [](const std::optional<models::WaveDates>& d) {
    return d ? fmt::format("{} to {}", models::formatDate(d->start), models::formatDate(d->end))
             : std::string("no such wave");
  };
  for (const models::WaveChange& w : diff.waves) {
    out += "<tr>";
    number(out, w.number);
    cell(out, dates(w.oldDates));
    cell(out, dates(w.newDates));
    out += "</tr>\n";
  }
  out += kTableEnd;
  out += "</section>\n";
}

void agencies(std::string& out, const models::PlanDiff& diff) {
  if (diff.moved.empty()) return;
  out += "<section id=\"agencies\">\n";
  head(out, "Churn per agency", {"Agency", "Moved", "Scheduled in both plans"},
       diff.agencies.size());
  for (const models::AgencyChurn& a : diff.agencies) {
    out += "<tr>";
    agencyCell(out, a.code);
    number(out, a.moved);
    number(out, a.scheduled);
    out += "</tr>\n";
  }
  out += kTableEnd;
  out += "</section>\n";
}

void fileRow(std::string& out, std::string_view which, const models::InputFile& file) {
  out += fmt::format("<tr><th>{}</th>", which);
  cell(out, file.path, "id");
  cell(out, file.sha256, "id");
  out += "</tr>\n";
}

}  // namespace

std::string planDiffToHtml(const models::PlanDiff& diff, const models::InputFile& oldFile,
                           const models::InputFile& newFile) {
  std::string out;
  out +=
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>Plan comparison</title>\n<style>";
  out += kPageStyle;
  out += kStyle;
  out += "</style>\n</head>\n<body>\n<header>\n<h1>Plan comparison</h1>\n";
  out += "<table class=\"compact\"><tbody>\n";
  fileRow(out, "old", oldFile);
  fileRow(out, "new", newFile);
  out += kTableEnd;
  figures(out, diff);
  out += "</header>\n<main>\n";
  moved(out, diff);
  oneSided(out, "added", "Added", diff.added);
  oneSided(out, "removed", "Removed", diff.removed);
  strategyChanged(out, diff);
  waves(out, diff);
  agencies(out, diff);
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace cloudplan::exporters
