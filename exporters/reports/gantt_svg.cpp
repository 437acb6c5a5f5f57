#include "exporters/reports/gantt_svg.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "exporters/graphviz/graph_index.h"
#include "exporters/graphviz/graph_style.h"
#include "exporters/reports/html_escape.h"
#include "models/shown_text.h"

namespace cloudplan::exporters {

using models::Date;
using models::kNone;

namespace {

constexpr double kLabelWidth = 190;   // the row titles, left of the axis
constexpr double kTextWidth = 500;    // room right of the axis for the last bars' texts
constexpr double kAxisWidth = 1000;   // the time axis, for plans of a year or so
constexpr double kWidestAxis = 4000;  // for plans of years, or of centuries
constexpr int kMostTicks = 48;        // lines across the axis, at months or longer steps
constexpr double kRowHeight = 22;
constexpr double kBarHeight = 14;
constexpr double kTop = 70;         // title and month labels
constexpr double kSubtitle = 18;    // a line under the title, when there is something to say
constexpr double kLegendLine = 20;  // a line of the legend, at the bottom
constexpr double kCharWidth = 6.5;  // a character of 12 px Helvetica, for fitting text
constexpr double kSmallCharWidth = kCharWidth * 11 / 12;  // of 11 px
constexpr double kMargin = 6;                             // kept free at the drawing's right edge
constexpr size_t kNamesInTooltip = 10;
constexpr size_t kLabelChars = 27;  // a system's name in the row titles
constexpr const char* kGrey = "#5a6570";
constexpr const char* kTodayColour = "#d62728";
constexpr const char* kDoneColour = "#1a1a1a";
constexpr const char* kOnHoldColour = "#e69f00";
constexpr const char* kTrackColour = "#e3e6ea";
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

struct Civil {
  int year;
  unsigned month;
};

Civil civilOf(Date date) {
  const std::string text = models::formatDate(date);  // YYYY-MM-DD
  return {std::stoi(text.substr(0, 4)), static_cast<unsigned>(std::stoi(text.substr(5, 2)))};
}

Date firstOfMonth(Date date) {
  const Civil c = civilOf(date);
  return models::dateFromCivil(c.year, c.month, 1);
}

Date firstOfNextMonth(Date date) {
  const Civil c = civilOf(date);
  return c.month == 12 ? models::dateFromCivil(c.year + 1, 1, 1)
                       : models::dateFromCivil(c.year, c.month + 1, 1);
}

std::string number(double value) {
  return fmt::format("{:.1f}", value);
}

std::string plural(size_t count, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

// At most `most` characters (not bytes) of `text`, the last of them an ellipsis when it is cut.
std::string fitted(std::string_view text, size_t most) {
  size_t characters = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (++characters == most && i + 1 < text.size()) {
      size_t end = i + 1;
      while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        ++end;
      if (end == text.size()) return std::string(text);
      return std::string(text.substr(0, i)) + "\xE2\x80\xA6";
    }
  }
  return std::string(text);
}

// What the systems of a row (a wave, a ministry's wave, one system) come to.
struct Tally {
  uint32_t systems = 0;
  uint32_t migrating = 0;
  uint32_t retiring = 0;
  double effortDays = 0;
  uint32_t done = 0;
  uint32_t inProgress = 0;
  uint32_t onHold = 0;
  uint32_t slipped = 0;  // in a later wave than the baseline's

  void add(const models::System& system, const models::SystemPlan& planned) {
    ++systems;
    ++(system.action() == models::Action::retire ? retiring : migrating);
    effortDays += system.effortDays;
    if (planned.status == models::ProgressStatus::done) ++done;
    if (planned.status == models::ProgressStatus::inProgress) ++inProgress;
    if (planned.status == models::ProgressStatus::onHold) ++onHold;
    if (planned.baselineWave != 0 && planned.wave > planned.baselineWave) ++slipped;
  }
  void add(const Tally& other) {
    systems += other.systems;
    migrating += other.migrating;
    retiring += other.retiring;
    effortDays += other.effortDays;
    done += other.done;
    inProgress += other.inProgress;
    onHold += other.onHold;
    slipped += other.slipped;
  }
  // "3 done, 1 in progress, 2 slipped", or empty.
  std::string progress() const {
    std::vector<std::string> parts;
    if (done) parts.push_back(fmt::format("{} done", done));
    if (inProgress) parts.push_back(fmt::format("{} in progress", inProgress));
    if (onHold) parts.push_back(fmt::format("{} on hold", onHold));
    if (slipped) parts.push_back(fmt::format("{} slipped", slipped));
    return fmt::format("{}", fmt::join(parts, ", "));
  }
};

// Which systems a chart is about: all, or one agency's and its offices'.
struct Scope {
  const models::Inventory& inventory;
  const GraphIndex& tree;
  models::AgencyIndex agency = kNone;

  bool everything() const { return agency == kNone; }
  bool contains(models::SystemIndex s) const {
    if (agency == kNone) return true;
    if (agency >= inventory.agencies.size()) return false;
    return tree.within(inventory.systems[s].agency, agency);
  }
  std::string name() const {
    if (agency >= inventory.agencies.size()) return "(no such agency)";
    return models::shownText(inventory.agencies[agency].code);
  }
};

// What a ministry (or, in one agency's chart, an office) moves in each wave.
struct MinistryRow {
  models::AgencyIndex ministry = kNone;
  std::map<uint32_t, Tally> perWave;  // wave -> its systems
  uint32_t retained = 0;
  Tally total;
};

// In one agency's chart, the row of each agency within it: the office right below the agency
// that it is or is in, or the agency itself. Each agency is walked up once, however deep the
// tree nests below the chart's agency.
class OfficeRows {
 public:
  explicit OfficeRows(const Scope& scope)
      : scope_(scope), row_(scope.inventory.agencies.size(), kUnset) {}
  models::AgencyIndex of(models::AgencyIndex agency) {
    std::vector<models::AgencyIndex> walked;
    models::AgencyIndex at = agency, row = kNone;
    while (at != kNone) {
      if (row_[at] != kUnset) {
        row = row_[at];
        break;
      }
      if (at == scope_.agency || scope_.tree.parentOf(at) == scope_.agency) {
        row = at;
        break;
      }
      walked.push_back(at);
      at = scope_.tree.parentOf(at);
    }
    for (const auto a : walked)
      row_[a] = row;
    if (at != kNone) row_[at] = row;
    return row;
  }

 private:
  static constexpr models::AgencyIndex kUnset = kNone - 1;
  const Scope& scope_;
  std::vector<models::AgencyIndex> row_;
};

std::vector<MinistryRow> ministryRows(const Scope& scope, const models::Plan& plan) {
  std::vector<MinistryRow> rows;
  std::map<models::AgencyIndex, size_t> rowOf;
  // In one agency's chart, a row per office right below it (the agency's own systems a row too).
  OfficeRows offices(scope);
  for (models::SystemIndex s = 0; s < scope.inventory.systems.size(); ++s) {
    if (!scope.contains(s)) continue;
    const models::AgencyIndex agency = scope.inventory.systems[s].agency;
    const models::AgencyIndex ministry =
        scope.everything() ? scope.tree.ancestorAt(agency, 0) : offices.of(agency);
    const auto [it, inserted] = rowOf.emplace(ministry, rows.size());
    if (inserted) rows.push_back(MinistryRow{ministry, {}, 0, {}});
    MinistryRow& row = rows[it->second];
    const models::SystemPlan& planned = plan.systems[s];
    if (planned.wave == 0) {
      ++row.retained;
    } else {
      row.perWave[planned.wave].add(scope.inventory.systems[s], planned);
      row.total.add(scope.inventory.systems[s], planned);
    }
  }
  return rows;
}

// A wave, or a run of waves nothing moves in (one row however many they are).
struct WaveRow {
  const models::Wave* first;
  const models::Wave* last;
};

}  // namespace

GanttScale ganttScale(const models::Plan& plan) {
  Date first = plan.settings.start, last = plan.settings.start;
  if (!plan.waves.empty()) {
    first = plan.waves.front().start;
    last = plan.waves.back().end;
  }
  GanttScale scale;
  scale.origin = firstOfMonth(first);
  scale.end = firstOfNextMonth(last);
  scale.left = kLabelWidth;
  // A year fills the axis; a long plan gets narrower days, down to half a pixel, and one of
  // decades or centuries narrower still: the chart's width is bounded, whatever the dates.
  const double days = std::max(1, scale.end - scale.origin);
  scale.dayWidth = std::clamp(kAxisWidth / days, 0.5, 6.0);
  if (days * scale.dayWidth > kWidestAxis) scale.dayWidth = kWidestAxis / days;
  return scale;
}

namespace {

std::vector<WaveRow> waveRows(const models::Plan& plan, const std::vector<Tally>& tallies) {
  std::vector<WaveRow> rows;
  for (size_t w = 0; w < plan.waves.size(); ++w) {
    size_t last = w;
    if (tallies[w].systems == 0) {
      while (last + 1 < plan.waves.size() && tallies[last + 1].systems == 0)
        ++last;
    }
    rows.push_back({&plan.waves[w], &plan.waves[last]});
    w = last;
  }
  return rows;
}

// The months the axis has a line at: every month, or every 3, 6, 12, 24, ... months for a longer
// plan, so that there are at most kMostTicks lines.
int monthsBetweenTicks(const GanttScale& scale) {
  const Civil from = civilOf(scale.origin), to = civilOf(scale.end);
  const long months = (to.year - from.year) * 12L + (static_cast<long>(to.month) - from.month);
  for (const int step : {1, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000}) {
    if (months / step <= kMostTicks) return step;
  }
  return 12000;
}

// A system as a tooltip names it: "name (id)", or its id alone when it has no name.
std::string systemName(const models::System& system) {
  if (system.name.empty()) return models::shownText(system.id);
  return fmt::format("{} ({})", models::shownText(system.name), models::shownText(system.id));
}

std::string_view statusText(models::ProgressStatus status) {
  switch (status) {
    case models::ProgressStatus::done:
      return "done";
    case models::ProgressStatus::inProgress:
      return "in progress";
    case models::ProgressStatus::onHold:
      return "on hold";
    default:
      return "planned";
  }
}

enum class MilestoneKind : uint8_t { pin, notBefore, finishBy };

// Milestones of one kind on one day of one row: one marker, whose tooltip names its systems.
struct MilestoneKey {
  size_t row;
  MilestoneKind kind;
  Date date;
  uint32_t wave;  // a pin's
  friend auto operator<=>(const MilestoneKey&, const MilestoneKey&) = default;
};
using Milestones = std::map<MilestoneKey, std::vector<models::SystemIndex>>;

// A system's milestones on row `row`: its pin (at the start of the pinned wave), not_before (at
// the start of the day) and finish_by (at the end of the day: its wave may end on it).
void addMilestones(Milestones& milestones, const models::Plan& plan, const models::System& system,
                   models::SystemIndex s, size_t row) {
  if (system.pinnedWave != 0 && system.pinnedWave <= plan.waves.size()) {
    milestones[{row, MilestoneKind::pin, plan.waves[system.pinnedWave - 1].start,
                system.pinnedWave}]
        .push_back(s);
  }
  if (system.notBefore)
    milestones[{row, MilestoneKind::notBefore, *system.notBefore, 0}].push_back(s);
  if (system.finishBy) milestones[{row, MilestoneKind::finishBy, *system.finishBy, 0}].push_back(s);
}

void appendMilestones(std::string& out, const Milestones& milestones,
                      const models::Inventory& inventory, const GanttScale& scale, double rowsTop) {
  const double left = scale.x(scale.origin), right = scale.x(scale.end);
  for (const auto& [key, systems] : milestones) {
    const Date at = key.kind == MilestoneKind::finishBy ? key.date + 1 : key.date;
    const double x = std::clamp(scale.x(at), left, right);
    const double y = rowsTop + key.row * kRowHeight;
    std::string what;
    std::string_view kind, shape;
    switch (key.kind) {
      case MilestoneKind::pin:
        kind = "pin";
        what = fmt::format("pinned to wave {} (from {})", key.wave, models::formatDate(key.date));
        shape =
            "<line x1=\"0\" y1=\"2\" x2=\"0\" y2=\"19\" stroke=\"#000000\" stroke-width=\"1.5\"/>"
            "<circle cx=\"0\" cy=\"3\" r=\"3.5\" fill=\"#000000\" stroke=\"#ffffff\"/>";
        break;
      case MilestoneKind::notBefore:
        kind = "not-before";
        what = fmt::format("not before {}", models::formatDate(key.date));
        shape =
            "<path d=\"M0 2V19M0 5L7 10L0 15Z\" fill=\"#000000\" stroke=\"#000000\" "
            "stroke-width=\"1.2\"/>";
        break;
      case MilestoneKind::finishBy:
        kind = "finish-by";
        what = fmt::format("finish by {}", models::formatDate(key.date));
        shape = "<path d=\"M0 3L6 10L0 17L-6 10Z\" fill=\"#000000\" stroke=\"#ffffff\"/>";
        break;
    }
    out += fmt::format("<g class=\"milestone {}\" transform=\"translate({} {})\"><title>{}: ", kind,
                       number(x), number(y), what);
    for (size_t i = 0; i < systems.size() && i < kNamesInTooltip; ++i) {
      if (i) out += ", ";
      appendHtmlEscaped(out, systemName(inventory.systems[systems[i]]));
    }
    if (systems.size() > kNamesInTooltip) {
      out += fmt::format(" and {} more", systems.size() - kNamesInTooltip);
    }
    out += "</title>";
    out += shape;
    out += "</g>\n";
  }
}

// Under a bar, how far its systems have come: a track, done solid, in progress hatched, on hold
// orange; what is still planned leaves the track bare.
void appendProgressStrip(std::string& out, double x, double width, double y, const Tally& tally) {
  if (tally.systems == 0) return;
  out += fmt::format(
      "<g class=\"progress\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"3\" fill=\"{}\"/>",
      number(x), number(y), number(width), kTrackColour);
  double at = x;
  auto part = [&](uint32_t count, std::string_view fill, std::string_view kind) {
    if (count == 0) return;
    const double w = width * count / tally.systems;
    out +=
        fmt::format("<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"3\" fill=\"{}\"/>",
                    kind, number(at), number(y), number(w), fill);
    at += w;
  };
  part(tally.done, kDoneColour, "done");
  part(tally.inProgress, "url(#in-progress-hatch)", "in-progress");
  part(tally.onHold, kOnHoldColour, "on-hold");
  out += "</g>";
}

// The wave number on its bar, when it fits.
void appendWaveNumber(std::string& out, uint32_t wave, const Colour& colour, double x, double width,
                      double y) {
  const std::string text = std::to_string(wave);
  if (width < 6.0 * text.size() + 4) return;
  out += fmt::format(
      "<text class=\"wave-number\" x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\" "
      "fill=\"{}\">{}</text>",
      number(x + width / 2), number(y + 14), colour.text, text);
}

// Text right of a bar, kept readable over the lines it crosses.
constexpr const char* kHalo =
    " paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\"";

// One row per system: its place in the drawing order, and the office heading it starts.
struct SystemRow {
  models::SystemIndex system = kNone;  // kNone: a heading
  models::AgencyIndex office = kNone;
  uint32_t officeSystems = 0;  // a heading's
  bool continued = false;      // a heading of an office whose first systems are on an earlier page
};

// The systems of the scope, by office (in the order of the agency tree: an agency, then its
// offices, by code) and in each office by wave (retained last), in input order within a wave;
// the page asked for, with a heading where an office starts or the page does.
std::vector<SystemRow> systemRows(const Scope& scope, const models::Plan& plan,
                                  const GanttOptions& options, size_t& total) {
  const auto& inventory = scope.inventory;
  // Each agency's place in a walk of the tree from the ministries, each agency's offices by
  // code: one pass, however deep the tree (GraphIndex has cut any cycle of parents).
  const size_t agencies = inventory.agencies.size();
  std::vector<std::vector<models::AgencyIndex>> children(agencies + 1);  // last: the ministries
  for (models::AgencyIndex a = 0; a < agencies; ++a) {
    const auto parent = scope.tree.parentOf(a);
    children[parent == kNone ? agencies : parent].push_back(a);
  }
  auto byCode = [&](auto a, auto b) {
    return inventory.agencies[a].code < inventory.agencies[b].code;
  };
  std::vector<uint32_t> order(agencies + 1, static_cast<uint32_t>(agencies));  // kNone: last
  std::vector<models::AgencyIndex> stack;
  std::sort(children[agencies].begin(), children[agencies].end(), byCode);
  stack.assign(children[agencies].rbegin(), children[agencies].rend());
  for (uint32_t next = 0; !stack.empty();) {
    const auto a = stack.back();
    stack.pop_back();
    order[a] = next++;
    std::sort(children[a].begin(), children[a].end(), byCode);
    stack.insert(stack.end(), children[a].rbegin(), children[a].rend());
  }
  auto orderOf = [&](models::AgencyIndex a) { return order[a == kNone ? agencies : a]; };
  std::vector<models::SystemIndex> systems;
  for (models::SystemIndex s = 0; s < inventory.systems.size(); ++s) {
    if (scope.contains(s)) systems.push_back(s);
  }
  auto waveKey = [&](models::SystemIndex s) {
    return plan.systems[s].wave == 0 ? UINT32_MAX : plan.systems[s].wave;
  };
  std::stable_sort(systems.begin(), systems.end(), [&](auto a, auto b) {
    const auto agencyA = inventory.systems[a].agency, agencyB = inventory.systems[b].agency;
    if (agencyA != agencyB) return orderOf(agencyA) < orderOf(agencyB);
    return waveKey(a) < waveKey(b);
  });
  total = systems.size();
  std::map<models::AgencyIndex, uint32_t> perOffice;
  for (const auto s : systems)
    ++perOffice[inventory.systems[s].agency];
  std::vector<SystemRow> rows;
  const size_t first = std::min<size_t>(options.firstSystemRow, systems.size());
  const size_t last = std::min<size_t>(first + options.maxSystemRows, systems.size());
  for (size_t i = first; i < last; ++i) {
    const auto office = inventory.systems[systems[i]].agency;
    if (i == first || inventory.systems[systems[i - 1]].agency != office) {
      const bool continued = i > 0 && inventory.systems[systems[i - 1]].agency == office;
      rows.push_back({kNone, office, perOffice[office], continued});
    }
    rows.push_back({systems[i], office, 0, false});
  }
  return rows;
}

// The legend's items: a symbol and what it means, only for what the chart shows.
struct LegendItem {
  std::string symbol;  // drawn with its left edge at 0 and its middle at y 0
  std::string text;
};

// The legend: what the chart shows beyond the bars.
std::vector<LegendItem> legendItems(const Milestones& milestones, bool today, bool freeze,
                                    bool replan, bool slipped) {
  std::vector<LegendItem> legend;
  auto hasMilestone = [&](MilestoneKind kind) {
    return std::any_of(milestones.begin(), milestones.end(),
                       [&](const auto& m) { return m.first.kind == kind; });
  };
  if (hasMilestone(MilestoneKind::pin)) {
    legend.push_back(
        {"<line x1=\"6\" y1=\"-8\" x2=\"6\" y2=\"8\" stroke=\"#000000\" "
         "stroke-width=\"1.5\"/><circle cx=\"6\" cy=\"-7\" r=\"3.5\"/>",
         "pinned to a wave"});
  }
  if (hasMilestone(MilestoneKind::notBefore)) {
    legend.push_back(
        {"<path d=\"M3 -8V8M3 -5L10 0L3 5Z\" stroke=\"#000000\" stroke-width=\"1.2\"/>",
         "not before"});
  }
  if (hasMilestone(MilestoneKind::finishBy)) {
    legend.push_back({"<path d=\"M6 -7L12 0L6 7L0 0Z\"/>", "finish by"});
  }
  if (today) {
    legend.push_back({fmt::format("<line x1=\"6\" y1=\"-8\" x2=\"6\" y2=\"8\" stroke=\"{}\" "
                                  "stroke-width=\"2\"/>",
                                  kTodayColour),
                      "today"});
  }
  if (freeze) {
    legend.push_back(
        {"<rect x=\"0\" y=\"-6\" width=\"14\" height=\"12\" fill=\"url(#freeze-hatch)\"/>",
         "freeze"});
  }
  if (replan) {
    legend.push_back(
        {fmt::format("<rect x=\"0\" y=\"-2\" width=\"14\" height=\"4\" fill=\"{}\"/>", kDoneColour),
         "done"});
    legend.push_back(
        {"<rect x=\"0\" y=\"-2\" width=\"14\" height=\"4\" "
         "fill=\"url(#in-progress-hatch)\" stroke=\"#1a1a1a\" stroke-width=\"0.5\"/>",
         "in progress"});
    legend.push_back({fmt::format("<rect x=\"0\" y=\"-2\" width=\"14\" height=\"4\" fill=\"{}\"/>",
                                  kOnHoldColour),
                      "on hold"});
  }
  if (slipped) {
    legend.push_back(
        {"<rect x=\"0\" y=\"-6\" width=\"14\" height=\"12\" fill=\"none\" "
         "stroke=\"#333333\" stroke-dasharray=\"2 2\"/>",
         "its baseline wave (slipped)"});
  }

  return legend;
}

// What every part of a chart draws with.
struct Chart {
  const models::Inventory& inventory;
  const models::Plan& plan;
  const GanttScale& scale;
  const Scope& scope;
  uint32_t waves = 0;
  bool replan = false;
  double top = kTop;  // the first row's

  // A wave's bar: its x and width.
  std::pair<double, double> bar(const models::Wave& wave) const {
    return {scale.x(wave.start), std::max(1.0, (wave.end - wave.start + 1) * scale.dayWidth)};
  }
};

// Freeze windows first, under everything, across all rows; then a line per month.
void appendAxis(std::string& out, const Chart& chart, double rowsBottom) {
  const auto& plan = chart.plan;
  const auto& scale = chart.scale;
  const auto top = chart.top;
  for (const auto& window : plan.settings.freeze) {
    const Date from = std::max(window.from, scale.origin);
    const Date to = std::min(window.to + 1, scale.end);
    if (to <= from) continue;
    out += fmt::format(
        "<g class=\"freeze\"><title>freeze {} to {}</title><rect x=\"{}\" y=\"{}\" width=\"{}\" "
        "height=\"{}\" fill=\"url(#freeze-hatch)\"/><text x=\"{}\" y=\"{}\" font-size=\"10\" "
        "fill=\"{}\">freeze</text></g>\n",
        models::formatDate(window.from), models::formatDate(window.to), number(scale.x(from)),
        number(top - 14), number((to - from) * scale.dayWidth), number(rowsBottom - top),
        number(scale.x(from) + 2), number(top - 4), kGrey);
  }
  // Months: a line at each first day (of every few months for a long plan), its name, and the
  // year at January and at the start.
  const int step = monthsBetweenTicks(scale);
  const Civil start = civilOf(scale.origin);
  for (long k = 0;; ++k) {
    const long index = start.year * 12L + (start.month - 1) + k;
    if (index % step != 0 && k != 0) continue;
    const Date month = models::dateFromCivil(static_cast<int>(index / 12),
                                             static_cast<unsigned>(index % 12) + 1, 1);
    if (month >= scale.end) break;
    const Civil c = civilOf(month);
    const double x = scale.x(month);
    out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#d5dae0\"/>\n",
                       number(x), number(top - 30), number(rowsBottom - 8));
    if (c.month == 1 || (month == scale.origin && step < 12)) {
      out += fmt::format("<text x=\"{}\" y=\"{}\" font-weight=\"bold\">{}</text>\n", number(x + 3),
                         number(top - 32), c.year);
    }
    if (step < 12 && scale.dayWidth * 28 * step >= 24) {
      out += fmt::format("<text x=\"{}\" y=\"{}\" fill=\"{}\">{}</text>\n", number(x + 3),
                         number(top - 18), kGrey, kMonths[c.month - 1]);
    }
  }
}

// A row per wave; a run of waves nothing moves in is one row.
void appendWaveRows(std::string& out, const Chart& chart, const std::vector<WaveRow>& rows,
                    const std::vector<Tally>& tallies) {
  const auto& scale = chart.scale;
  const auto& scope = chart.scope;
  const auto replan = chart.replan;
  const auto top = chart.top;
  const std::string nobody = scope.everything()
                                 ? std::string("no system moves")
                                 : fmt::format("no system of {} moves", htmlEscaped(scope.name()));
  for (size_t r = 0; r < rows.size(); ++r) {
    const models::Wave& wave = *rows[r].first;
    const Tally& tally = tallies[wave.number - 1];
    const double y = top + r * kRowHeight;
    if (tally.systems == 0) {
      const models::Wave& last = *rows[r].last;
      const std::string waveNames = &last == &wave
                                        ? fmt::format("Wave {}", wave.number)
                                        : fmt::format("Waves {}-{}", wave.number, last.number);
      out += fmt::format(
          "<g class=\"idle\"><title>{} from {} to {}: {}</title>"
          "<text x=\"10\" y=\"{}\" fill=\"{}\">{}</text>"
          "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#c3cad3\" "
          "stroke-dasharray=\"3 3\"/></g>\n",
          waveNames, models::formatDate(wave.start), models::formatDate(last.end), nobody,
          number(y + 14), kGrey, waveNames, number(scale.x(wave.start)), number(y + 10),
          number(scale.x(last.end + 1)), number(y + 10));
      continue;
    }
    const auto [x, barWidth] = chart.bar(wave);
    const Colour colour = waveColour(wave.number);
    std::string summary =
        scope.everything()
            ? fmt::format(
                  "{} systems ({} migrate, {} retire), {:g} effort days; {} hybrid links after{}",
                  wave.systems.size(), wave.migrating, wave.retiring, wave.effortDays,
                  wave.hybridLinksAfter, wave.oversize ? "; oversize" : "")
            : fmt::format("{} of the wave's {} systems ({} migrate, {} retire), {:g} effort days",
                          tally.systems, wave.systems.size(), tally.migrating, tally.retiring,
                          tally.effortDays);
    if (wave.started) summary += "; started";
    if (replan && !tally.progress().empty()) summary += "; " + tally.progress();
    out += fmt::format(
        "<g class=\"wave\"><title>Wave {} from {} to {}: {}</title>"
        "<text x=\"10\" y=\"{}\">Wave {}</text>"
        "<rect class=\"wave-bar\" data-wave=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" "
        "rx=\"2\" fill=\"{}\" stroke=\"#333333\" stroke-width=\"0.5\"/>",
        wave.number, models::formatDate(wave.start), models::formatDate(wave.end), summary,
        number(y + 14), wave.number, wave.number, number(x), number(y + 3), number(barWidth),
        number(kBarHeight), colour.fill);
    appendWaveNumber(out, wave.number, colour, x, barWidth, y);
    if (replan) appendProgressStrip(out, x, barWidth, y + 3 + kBarHeight, tally);
    out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\"{}>{}</text></g>\n",
                       number(x + barWidth + 6), number(y + 14), kHalo, summary);
  }
}

// A system's wave and dates, and after a re-plan its status and its wave against the baseline's.
std::string systemStatus(const models::Plan& plan, const models::SystemPlan& planned, bool replan) {
  std::string status;
  if (planned.wave == 0 || planned.wave > plan.waves.size()) {
    status = "retained";
  } else {
    const auto& wave = plan.waves[planned.wave - 1];
    status = fmt::format("wave {}, {} to {}", wave.number, models::formatDate(wave.start),
                         models::formatDate(wave.end));
  }
  if (replan && planned.wave != 0) {
    if (planned.status != models::ProgressStatus::planned)
      status += fmt::format(", {}", statusText(planned.status));
    if (planned.baselineWave == 0) {
      status += ", new";
    } else if (planned.wave > planned.baselineWave) {
      status += fmt::format(", slipped from wave {}", planned.baselineWave);
    } else if (planned.wave < planned.baselineWave) {
      status += fmt::format(", brought forward from wave {}", planned.baselineWave);
    }
  }
  return status;
}

// What follows a system's bar: its name and id in full (the title column holds a cut one), its
// wave and dates, and its status.
std::string afterBarText(const models::System& system, std::string_view status) {
  return systemName(system) + " · " + std::string(status);
}

// How far right a text of 11 px starting at `x` reaches, by its characters (not bytes).
double textEnd(double x, std::string_view text) {
  size_t characters = 0;
  for (const char c : text)
    characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return x + static_cast<double>(characters) * kCharWidth * 11 / 12;
}

// A row per system, under a heading per office.
void appendSystemRows(std::string& out, const Chart& chart, const std::vector<SystemRow>& rows) {
  const auto& inventory = chart.inventory;
  const auto& plan = chart.plan;
  const auto& scale = chart.scale;
  const auto replan = chart.replan;
  const auto top = chart.top;
  for (size_t r = 0; r < rows.size(); ++r) {
    const SystemRow& row = rows[r];
    const double y = top + r * kRowHeight;
    if (row.system == kNone) {
      std::string heading = row.office == kNone
                                ? std::string("(no agency)")
                                : models::shownText(inventory.agencies[row.office].code);
      if (row.office != kNone && !inventory.agencies[row.office].name.empty())
        heading += " " + models::shownText(inventory.agencies[row.office].name);
      heading += ": " + plural(row.officeSystems, "system", "systems");
      if (row.continued) heading += " (continued)";
      out +=
          "<g class=\"office\"><text x=\"10\" y=\"" + number(y + 15) + "\" font-weight=\"bold\">";
      appendHtmlEscaped(out, heading);
      out += "</text></g>\n";
      continue;
    }
    const models::System& system = inventory.systems[row.system];
    const models::SystemPlan& planned = plan.systems[row.system];
    const std::string name =
        system.name.empty() ? models::shownText(system.id) : models::shownText(system.name);
    const std::string status = systemStatus(plan, planned, replan);
    out += "<g class=\"system\"><title>";
    appendHtmlEscaped(out, systemName(system) + ": " + status);
    out += "</title><text x=\"18\" y=\"" + number(y + 14) + "\">";
    appendHtmlEscaped(out, fitted(name, kLabelChars));
    out += "</text>";
    const std::string idText = htmlEscaped(models::shownText(system.id));
    if (planned.wave == 0 || planned.wave > plan.waves.size()) {
      out +=
          fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"{}\">{} · {}</text></g>\n",
                      number(scale.left + 4), number(y + 14), kGrey, idText, status);
      continue;
    }
    const auto& wave = plan.waves[planned.wave - 1];
    if (replan && planned.baselineWave != 0 && planned.wave > planned.baselineWave &&
        planned.baselineWave <= plan.waves.size()) {
      const auto [bx, bw] = chart.bar(plan.waves[planned.baselineWave - 1]);
      out += fmt::format(
          "<rect class=\"baseline\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" "
          "stroke=\"#333333\" stroke-dasharray=\"2 2\"/>",
          number(bx), number(y + 3), number(bw), number(kBarHeight));
    }
    const auto [x, barWidth] = chart.bar(wave);
    const Colour colour = waveColour(wave.number);
    out += fmt::format(
        "<rect class=\"wave-bar\" data-wave=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" "
        "rx=\"2\" fill=\"{}\" stroke=\"#333333\" stroke-width=\"0.5\"/>",
        wave.number, number(x), number(y + 3), number(barWidth), number(kBarHeight), colour.fill);
    appendWaveNumber(out, wave.number, colour, x, barWidth, y);
    if (replan) {
      Tally one;
      one.add(system, planned);
      appendProgressStrip(out, x, barWidth, y + 3 + kBarHeight, one);
    }
    out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\"{}>", number(x + barWidth + 6),
                       number(y + 14), kHalo);
    appendHtmlEscaped(out, afterBarText(system, status));
    out += "</text></g>\n";
  }
}

// A row per ministry: a block in each wave it moves systems in, with how many.
void appendMinistryRows(std::string& out, const Chart& chart, const std::vector<MinistryRow>& rows,
                        double rowsTop) {
  const auto& inventory = chart.inventory;
  const auto& plan = chart.plan;
  const auto& scale = chart.scale;
  const auto& scope = chart.scope;
  const auto replan = chart.replan;
  const double axisRight = scale.x(scale.end);
  out += fmt::format(
      "<text x=\"10\" y=\"{}\" font-weight=\"bold\">{}</text>\n", number(rowsTop - 10),
      scope.everything() ? "By ministry (offices included): systems moving in each wave"
                         : "By office (offices below included): systems moving in each wave");
  for (size_t r = 0; r < rows.size(); ++r) {
    const MinistryRow& row = rows[r];
    const double y = rowsTop + r * kRowHeight;
    std::string title = row.ministry == kNone
                            ? std::string("(no agency)")
                            : models::shownText(inventory.agencies[row.ministry].code);
    out += "<g class=\"ministry\"><text x=\"10\" y=\"" + number(y + 14) + "\">";
    appendHtmlEscaped(out, title);
    out += "</text>";
    for (const auto& [waveNumber, tally] : row.perWave) {
      const auto& wave = plan.waves[waveNumber - 1];
      const auto [x, barWidth] = chart.bar(wave);
      const uint32_t count = tally.systems;
      out += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#ffffff\" "
          "stroke-width=\"0.5\"><title>",
          number(x), number(y + 3), number(barWidth), number(kBarHeight),
          waveColour(waveNumber).fill);
      appendHtmlEscaped(out, title);
      out += fmt::format(": {} system{} in wave {}", count, count == 1 ? "" : "s", waveNumber);
      if (replan && !tally.progress().empty()) out += " (" + tally.progress() + ")";
      out += "</title></rect>";
      if (barWidth >= 8.0 * std::to_string(count).size()) {
        out += fmt::format(
            "<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\" "
            "fill=\"{}\">{}</text>",
            number(x + barWidth / 2), number(y + 14), waveColour(waveNumber).text, count);
      }
      if (replan) appendProgressStrip(out, x, barWidth, y + 3 + kBarHeight, tally);
    }
    std::vector<std::string> after;
    if (row.retained) after.push_back(fmt::format("{} retained", row.retained));
    if (replan && !row.total.progress().empty()) after.push_back(row.total.progress());
    if (!after.empty()) {
      out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"{}\">{}</text>",
                         number(axisRight + 6), number(y + 14), kGrey, fmt::join(after, "; "));
    }
    out += "</g>\n";
  }
}

}  // namespace

std::string scheduleToSvg(const models::Inventory& inventory, const models::Plan& plan,
                          const GanttOptions& options) {
  // The agency tree walked once, however deep it nests (and a cycle of parents cut).
  return scheduleToSvg(GraphIndex(inventory, plan), options);
}

std::string scheduleToSvg(const GraphIndex& tree, const GanttOptions& options) {
  const models::Inventory& inventory = tree.inventory;
  const models::Plan& plan = tree.plan;
  const GanttScale scale = ganttScale(plan);
  const auto waves = static_cast<uint32_t>(plan.waves.size());
  const Scope scope{inventory, tree, options.agency};
  const bool systemsRows = options.rows == GanttRows::systems;
  const bool replan = plan.settings.replan.has_value();
  std::optional<Date> today = options.today;
  if (!today && replan) today = plan.settings.replan->today;

  // What each wave holds of the scope's systems.
  std::vector<Tally> tallies(plan.waves.size());
  Tally whole;
  uint32_t inScope = 0, scheduledInScope = 0;
  for (size_t w = 0; w < plan.waves.size(); ++w) {
    for (const auto s : plan.waves[w].systems) {
      if (scope.contains(s)) tallies[w].add(inventory.systems[s], plan.systems[s]);
    }
    whole.add(tallies[w]);
  }
  for (models::SystemIndex s = 0; s < inventory.systems.size(); ++s) {
    if (!scope.contains(s)) continue;
    ++inScope;
    if (inventory.systems[s].scheduled()) ++scheduledInScope;
  }

  std::vector<MinistryRow> ministries;
  std::vector<WaveRow> waveRowList;
  std::vector<SystemRow> systemRowList;
  size_t systemsTotal = 0;
  if (systemsRows) {
    systemRowList = systemRows(scope, plan, options, systemsTotal);
  } else {
    ministries = ministryRows(scope, plan);
    waveRowList = waveRows(plan, tallies);
  }

  // Under the title: whose chart it is, which page, the re-plan's progress, a today off the axis.
  std::vector<std::string> notes;
  if (!scope.everything()) {
    std::string note = scope.name();
    if (scope.agency < inventory.agencies.size() && !inventory.agencies[scope.agency].name.empty())
      note += " (" + models::shownText(inventory.agencies[scope.agency].name) + ")";
    notes.push_back(note + " and its offices only");
  }
  if (systemsRows && (options.firstSystemRow > 0 || systemsTotal > options.maxSystemRows)) {
    const size_t first = std::min<size_t>(options.firstSystemRow, systemsTotal);
    const size_t last = std::min<size_t>(first + options.maxSystemRows, systemsTotal);
    notes.push_back(first == last ? fmt::format("no systems from {} of {}", first + 1, systemsTotal)
                                  : fmt::format("systems {} to {} of {} (by office, then wave); "
                                                "the others on the other pages and in schedule.csv",
                                                first + 1, last, systemsTotal));
  }
  if (replan) {
    uint32_t started = 0;
    for (const auto& wave : plan.waves)
      started += wave.started ? 1 : 0;
    std::string note =
        fmt::format("re-plan of {}: {} started", models::formatDate(plan.settings.replan->today),
                    plural(started, "wave", "waves"));
    if (!whole.progress().empty()) note += "; " + whole.progress();
    notes.push_back(note);
  }
  bool todayDrawn = false;
  if (today) {
    if (*today < scale.origin) {
      notes.push_back(fmt::format("today, {}, is before the chart", models::formatDate(*today)));
    } else if (*today >= scale.end) {
      notes.push_back(fmt::format("today, {}, is after the chart", models::formatDate(*today)));
    } else {
      todayDrawn = true;
    }
  }
  const double top = kTop + (notes.empty() ? 0 : kSubtitle);

  // The milestones, on the row of the wave (or of the system) they concern.
  Milestones milestones;
  std::vector<size_t> rowOfWave(plan.waves.size() + 1, SIZE_MAX);
  for (size_t r = 0; r < waveRowList.size(); ++r) {
    for (uint32_t w = waveRowList[r].first->number; w <= waveRowList[r].last->number; ++w) {
      if (w <= plan.waves.size()) rowOfWave[w] = r;
    }
  }
  if (systemsRows) {
    for (size_t r = 0; r < systemRowList.size(); ++r) {
      const auto s = systemRowList[r].system;
      if (s != kNone) addMilestones(milestones, plan, inventory.systems[s], s, r);
    }
  } else {
    for (models::SystemIndex s = 0; s < inventory.systems.size(); ++s) {
      const auto& system = inventory.systems[s];
      if (system.pinnedWave == 0 && !system.notBefore && !system.finishBy) continue;
      const uint32_t wave = plan.systems[s].wave;
      if (wave == 0 || wave > plan.waves.size() || !scope.contains(s)) continue;
      addMilestones(milestones, plan, system, s, rowOfWave[wave]);
    }
  }
  bool anySlipped = false;
  for (const auto& row : systemRowList) {
    if (row.system == kNone) continue;
    const auto& planned = plan.systems[row.system];
    if (planned.baselineWave != 0 && planned.wave > planned.baselineWave) anySlipped = true;
  }

  const std::vector<LegendItem> legend =
      legendItems(milestones, todayDrawn, !plan.settings.freeze.empty(), replan, anySlipped);
  const double axisRight = scale.x(scale.end);
  const Chart chart{inventory, plan, scale, scope, waves, replan, top};
  // Room right of the axis for the texts after the bars: kTextWidth, or what the longest of a
  // system row's needs (a long name in the last wave, slipped).
  double width = axisRight + kTextWidth;
  for (const auto& row : systemRowList) {
    if (row.system == kNone) continue;
    const auto& planned = plan.systems[row.system];
    if (planned.wave == 0 || planned.wave > plan.waves.size()) continue;
    const auto [x, barWidth] = chart.bar(plan.waves[planned.wave - 1]);
    const std::string text =
        afterBarText(inventory.systems[row.system], systemStatus(plan, planned, replan));
    width = std::max(width, std::ceil(textEnd(x + barWidth + 6, text)) + 10);
  }
  const double rowsHeight =
      static_cast<double>(systemsRows ? systemRowList.size() : waveRowList.size()) * kRowHeight;
  const double ministriesTop = top + rowsHeight + 34;
  const double rowsBottom =
      systemsRows ? top + rowsHeight + 16 : ministriesTop + ministries.size() * kRowHeight + 16;
  double bottom = rowsBottom;
  // The legend's items left to right, in as many lines as the width needs.
  std::vector<std::pair<double, double>> legendAt;  // x, y of each item
  if (!legend.empty()) {
    double x = 10, y = bottom + 6;
    for (const auto& item : legend) {
      const double itemWidth = 20 + item.text.size() * kCharWidth + 16;
      if (x > 10 && x + itemWidth > width - 10) {
        x = 10;
        y += kLegendLine;
      }
      legendAt.emplace_back(x, y);
      x += itemWidth;
    }
    bottom = y + kLegendLine;
  }
  const double height = bottom;

  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" font-family=\"Helvetica,Arial,sans-serif\" font-size=\"12\">\n",
      number(width), number(height));
  out += scope.everything()
             ? "<title>Migration schedule</title>\n"
             : "<title>Migration schedule of " + htmlEscaped(scope.name()) + "</title>\n";
  out +=
      "<defs><pattern id=\"freeze-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
      "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#e9ecf0\"/>"
      "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#c3cad3\" stroke-width=\"2\"/>"
      "</pattern>";
  if (replan) {
    out +=
        "<pattern id=\"in-progress-hatch\" width=\"4\" height=\"4\" "
        "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"4\" "
        "height=\"4\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"4\" "
        "stroke=\"#1a1a1a\" stroke-width=\"2\"/></pattern>";
  }
  out += "</defs>\n";
  out += fmt::format("<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", number(width),
                     number(height));
  const auto& m = plan.metrics;
  if (scope.everything()) {
    out += fmt::format(
        "<text x=\"10\" y=\"22\" font-size=\"16\" font-weight=\"bold\">Schedule: {} waves (lower "
        "bound {}), {} of {} systems scheduled</text>\n",
        m.waves, m.lowerBound.waves, m.scheduled, m.systems);
  } else {
    uint32_t firstWave = 0, lastWave = 0;
    for (size_t w = 0; w < tallies.size(); ++w) {
      if (tallies[w].systems == 0) continue;
      if (!firstWave) firstWave = plan.waves[w].number;
      lastWave = plan.waves[w].number;
    }
    const std::string span = firstWave == 0 ? std::string("in no wave")
                             : firstWave == lastWave
                                 ? fmt::format("in wave {}", firstWave)
                                 : fmt::format("in waves {} to {}", firstWave, lastWave);
    out += fmt::format(
        "<text x=\"10\" y=\"22\" font-size=\"16\" font-weight=\"bold\">Schedule of {}: {} of {} "
        "systems scheduled, {}</text>\n",
        htmlEscaped(scope.name()), scheduledInScope, inScope, span);
  }
  if (!notes.empty()) {
    out += fmt::format("<text class=\"notes\" x=\"10\" y=\"40\" fill=\"{}\">", kGrey);
    for (size_t i = 0; i < notes.size(); ++i) {
      if (i) out += "; ";
      appendHtmlEscaped(out, notes[i]);
    }
    out += "</text>\n";
  }

  appendAxis(out, chart, rowsBottom);
  if (systemsRows) {
    appendSystemRows(out, chart, systemRowList);
  } else {
    appendWaveRows(out, chart, waveRowList, tallies);
    appendMinistryRows(out, chart, ministries, ministriesTop);
  }
  appendMilestones(out, milestones, inventory, scale, top);
  if (todayDrawn) {
    const double x = scale.x(*today);
    out += fmt::format(
        "<g class=\"today\"><title>today {0}</title><line x1=\"{1}\" y1=\"{2}\" x2=\"{1}\" "
        "y2=\"{3}\" stroke=\"{4}\" stroke-width=\"2\"/><text x=\"{5}\" y=\"{6}\" font-size=\"10\" "
        "fill=\"{4}\"{7}>today</text></g>\n",
        models::formatDate(*today), number(x), number(top - 14), number(rowsBottom - 8),
        kTodayColour, number(x + 3), number(top - 4), kHalo);
  }
  for (size_t i = 0; i < legend.size(); ++i) {
    const auto [x, y] = legendAt[i];
    out += fmt::format(
        "<g class=\"legend\" transform=\"translate({} {})\">{}<text x=\"20\" y=\"4\" "
        "font-size=\"11\">{}</text></g>\n",
        number(x), number(y + 10), legend[i].symbol, legend[i].text);
  }
  out += "</svg>\n";
  return out;
}

}  // namespace cloudplan::exporters
