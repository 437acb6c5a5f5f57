#include "exporters/reports/gantt_svg.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "exporters/graphviz/graph_index.h"
#include "exporters/graphviz/graph_style.h"
#include "exporters/reports/html_escape.h"

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
constexpr double kTop = 70;  // title and month labels
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

// What a ministry moves in each wave.
struct MinistryRow {
  models::AgencyIndex ministry = kNone;
  std::map<uint32_t, uint32_t> perWave;  // wave -> systems
  uint32_t retained = 0;
};

std::vector<MinistryRow> ministryRows(const models::Inventory& inventory,
                                      const models::Plan& plan) {
  std::vector<MinistryRow> rows;
  std::map<models::AgencyIndex, size_t> rowOf;
  // The agency tree walked once, however deep it nests (and a cycle of parents cut).
  const GraphIndex tree(inventory, plan);
  for (models::SystemIndex s = 0; s < inventory.systems.size(); ++s) {
    const models::AgencyIndex ministry = tree.ancestorAt(inventory.systems[s].agency, 0);
    const auto [it, inserted] = rowOf.emplace(ministry, rows.size());
    if (inserted) rows.push_back(MinistryRow{ministry, {}, 0});
    MinistryRow& row = rows[it->second];
    if (plan.systems[s].wave == 0) {
      ++row.retained;
    } else {
      ++row.perWave[plan.systems[s].wave];
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

std::vector<WaveRow> waveRows(const models::Plan& plan) {
  std::vector<WaveRow> rows;
  for (size_t w = 0; w < plan.waves.size(); ++w) {
    size_t last = w;
    if (plan.waves[w].systems.empty()) {
      while (last + 1 < plan.waves.size() && plan.waves[last + 1].systems.empty())
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

}  // namespace

std::string scheduleToSvg(const models::Inventory& inventory, const models::Plan& plan,
                          const GanttOptions& options) {
  (void)options;  // rows, agency and today: being built (issue 12)
  const GanttScale scale = ganttScale(plan);
  const auto waves = static_cast<uint32_t>(plan.waves.size());
  const std::vector<MinistryRow> ministries = ministryRows(inventory, plan);
  const std::vector<WaveRow> waveRowList = waveRows(plan);
  const double axisRight = scale.x(scale.end);
  const double ministriesTop = kTop + waveRowList.size() * kRowHeight + 34;
  const double height = ministriesTop + ministries.size() * kRowHeight + 16;
  const double width = axisRight + kTextWidth;

  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" font-family=\"Helvetica,Arial,sans-serif\" font-size=\"12\">\n",
      number(width), number(height));
  out += "<title>Migration schedule</title>\n";
  out +=
      "<defs><pattern id=\"freeze-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
      "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#e9ecf0\"/>"
      "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#c3cad3\" stroke-width=\"2\"/>"
      "</pattern></defs>\n";
  out += fmt::format("<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", number(width),
                     number(height));
  const auto& m = plan.metrics;
  out += fmt::format(
      "<text x=\"10\" y=\"22\" font-size=\"16\" font-weight=\"bold\">Schedule: {} waves (lower "
      "bound {}), {} of {} systems scheduled</text>\n",
      m.waves, m.lowerBound.waves, m.scheduled, m.systems);

  // Freeze windows first, under everything, across all rows.
  for (const auto& window : plan.settings.freeze) {
    const Date from = std::max(window.from, scale.origin);
    const Date to = std::min(window.to + 1, scale.end);
    if (to <= from) continue;
    out += fmt::format(
        "<g class=\"freeze\"><title>freeze {} to {}</title><rect x=\"{}\" y=\"{}\" width=\"{}\" "
        "height=\"{}\" fill=\"url(#freeze-hatch)\"/><text x=\"{}\" y=\"{}\" font-size=\"10\" "
        "fill=\"#5a6570\">freeze</text></g>\n",
        models::formatDate(window.from), models::formatDate(window.to), number(scale.x(from)),
        number(kTop - 14), number((to - from) * scale.dayWidth), number(height - kTop),
        number(scale.x(from) + 2), number(kTop - 4));
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
                       number(x), number(kTop - 30), number(height - 8));
    if (c.month == 1 || (month == scale.origin && step < 12)) {
      out += fmt::format("<text x=\"{}\" y=\"{}\" font-weight=\"bold\">{}</text>\n", number(x + 3),
                         number(kTop - 32), c.year);
    }
    if (step < 12 && scale.dayWidth * 28 * step >= 24) {
      out += fmt::format("<text x=\"{}\" y=\"{}\" fill=\"#5a6570\">{}</text>\n", number(x + 3),
                         number(kTop - 18), kMonths[c.month - 1]);
    }
  }

  // A row per wave; a run of waves nothing moves in is one row.
  for (size_t r = 0; r < waveRowList.size(); ++r) {
    const models::Wave& wave = *waveRowList[r].first;
    const double y = kTop + r * kRowHeight;
    if (wave.systems.empty()) {
      const models::Wave& last = *waveRowList[r].last;
      const std::string waveNames = &last == &wave
                                        ? fmt::format("Wave {}", wave.number)
                                        : fmt::format("Waves {}-{}", wave.number, last.number);
      out += fmt::format(
          "<g class=\"idle\"><title>{} from {} to {}: no system moves</title>"
          "<text x=\"10\" y=\"{}\" fill=\"#5a6570\">{}</text>"
          "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#c3cad3\" "
          "stroke-dasharray=\"3 3\"/></g>\n",
          waveNames, models::formatDate(wave.start), models::formatDate(last.end), number(y + 14),
          waveNames, number(scale.x(wave.start)), number(y + 10), number(scale.x(last.end + 1)),
          number(y + 10));
      continue;
    }
    const double x = scale.x(wave.start);
    const double barWidth = std::max(1.0, (wave.end - wave.start + 1) * scale.dayWidth);
    const Colour colour = waveColour(wave.number, waves);
    const std::string summary =
        fmt::format("{} systems ({} migrate, {} retire), {:g} effort days; {} hybrid links after{}",
                    wave.systems.size(), wave.migrating, wave.retiring, wave.effortDays,
                    wave.hybridLinksAfter, wave.oversize ? "; oversize" : "");
    out += fmt::format(
        "<g class=\"wave\"><title>Wave {} from {} to {}: {}</title>"
        "<text x=\"10\" y=\"{}\">Wave {}</text>"
        "<rect class=\"wave-bar\" data-wave=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" "
        "rx=\"2\" fill=\"{}\" stroke=\"#333333\" stroke-width=\"0.5\"/>"
        "<text x=\"{}\" y=\"{}\" font-size=\"11\">{}</text></g>\n",
        wave.number, models::formatDate(wave.start), models::formatDate(wave.end), summary,
        number(y + 14), wave.number, wave.number, number(x), number(y + 3), number(barWidth),
        number(kBarHeight), colour.fill, number(x + barWidth + 6), number(y + 14), summary);
  }

  // A row per ministry: a block in each wave it moves systems in, with how many.
  out += fmt::format(
      "<text x=\"10\" y=\"{}\" font-weight=\"bold\">By ministry (offices "
      "included): systems moving in each wave</text>\n",
      number(ministriesTop - 10));
  for (size_t r = 0; r < ministries.size(); ++r) {
    const MinistryRow& row = ministries[r];
    const double y = ministriesTop + r * kRowHeight;
    std::string title = row.ministry == kNone ? std::string("(no agency)")
                                              : shownText(inventory.agencies[row.ministry].code);
    out += "<g class=\"ministry\"><text x=\"10\" y=\"" + number(y + 14) + "\">";
    appendHtmlEscaped(out, title);
    out += "</text>";
    for (const auto& [waveNumber, count] : row.perWave) {
      const auto& wave = plan.waves[waveNumber - 1];
      const double x = scale.x(wave.start);
      const double barWidth = std::max(1.0, (wave.end - wave.start + 1) * scale.dayWidth);
      out += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#ffffff\" "
          "stroke-width=\"0.5\"><title>",
          number(x), number(y + 3), number(barWidth), number(kBarHeight),
          waveColour(waveNumber, waves).fill);
      appendHtmlEscaped(out, title);
      out += fmt::format(": {} system{} in wave {}</title></rect>", count, count == 1 ? "" : "s",
                         waveNumber);
      if (barWidth >= 8.0 * std::to_string(count).size()) {
        out += fmt::format(
            "<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\" "
            "fill=\"{}\">{}</text>",
            number(x + barWidth / 2), number(y + 14), waveColour(waveNumber, waves).text, count);
      }
    }
    if (row.retained) {
      out += fmt::format(
          "<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#5a6570\">{} "
          "retained</text>",
          number(axisRight + 6), number(y + 14), row.retained);
    }
    out += "</g>\n";
  }
  out += "</svg>\n";
  return out;
}

}  // namespace cloudplan::exporters
