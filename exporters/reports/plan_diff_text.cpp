#include "exporters/reports/plan_diff_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <vector>

#include "models/printable_text.h"

namespace cloudplan::exporters {

namespace {

// Every value of a plan is data: control characters and bidirectional overrides are written out.
std::string safe(std::string_view value) {
  return models::printable(value, models::Bidi::escape);
}

std::string agencyText(const std::string& code) {
  return code.empty() ? std::string("-") : safe(code);
}

std::string waveText(uint32_t wave) {
  return wave ? fmt::format("{}", wave) : std::string("retained");
}

std::string signedText(int64_t change) {
  return change > 0 ? fmt::format("+{}", change) : fmt::format("{}", change);
}

std::string daysText(int32_t days) {
  return signedText(days) + (days == 1 || days == -1 ? " day" : " days");
}

// Columns are as wide as their text in characters (UTF-8 code points), not bytes.
size_t widthOf(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

enum class Align { left, right };

// Rows of cells in aligned columns, two spaces apart; the last column is never padded, and a
// row's further lines (a moved system's other reasons) sit under the last column.
class Table {
 public:
  explicit Table(std::vector<Align> align) : align_(std::move(align)) {}
  void row(std::vector<std::string> cells, std::vector<std::string> more = {}) {
    rows_.push_back({std::move(cells), std::move(more)});
  }
  void write(std::string& out, std::string_view indent) const {
    std::vector<size_t> widths(align_.size(), 0);
    for (const Row& row : rows_) {
      for (size_t c = 0; c < row.cells.size(); ++c)
        widths[c] = std::max(widths[c], widthOf(row.cells[c]));
    }
    for (const Row& row : rows_) {
      std::string line(indent);
      size_t lastColumn = 0;
      for (size_t c = 0; c < row.cells.size(); ++c) {
        if (c > 0) line += "  ";
        lastColumn = widthOf(line);
        const std::string padding(widths[c] - widthOf(row.cells[c]), ' ');
        const bool last = c + 1 == row.cells.size();
        if (align_[c] == Align::right) line += padding;
        line += row.cells[c];
        if (align_[c] == Align::left && !last) line += padding;
      }
      while (!line.empty() && line.back() == ' ')
        line.pop_back();
      out += line + '\n';
      for (const std::string& more : row.more)
        out += std::string(lastColumn, ' ') + more + '\n';
    }
  }

 private:
  struct Row {
    std::vector<std::string> cells;
    std::vector<std::string> more;
  };
  std::vector<Align> align_;
  std::vector<Row> rows_;
};

std::string shortSha(const std::string& sha256) {
  return sha256.empty() ? std::string() : "  sha256 " + safe(sha256.substr(0, 12));
}

void figures(std::string& out, const models::PlanDiffSummary& s) {
  Table table({Align::left, Align::right, Align::right, Align::right});
  table.row({"", "old", "new", "change"});
  const auto count = [&](std::string_view name, const models::Both<uint32_t>& figure) {
    table.row({std::string(name), fmt::format("{}", figure.before), fmt::format("{}", figure.after),
               signedText(int64_t{figure.after} - int64_t{figure.before})});
  };
  count("systems", s.systems);
  count("scheduled", s.scheduled);
  count("waves", s.waves);
  const auto date = [](const std::optional<models::Date>& d) {
    return d ? models::formatDate(*d) : std::string("-");
  };
  table.row(
      {"end date", date(s.end.before), date(s.end.after),
       s.end.before && s.end.after ? daysText(*s.end.after - *s.end.before) : std::string("-")});
  count("lower bound", s.lowerBound);
  count("peak hybrid links", s.peakHybridLinks);
  count("permanent hybrid links", s.permanentHybridLinks);
  table.write(out, "");
}

void counts(std::string& out, const models::PlanDiff& diff) {
  size_t nowScheduled = 0;
  for (const auto& change : diff.strategyChanged)
    nowScheduled += change.nowScheduled() ? 1 : 0;
  Table table({Align::left, Align::right, Align::left});
  table.row({"moved systems", fmt::format("{}", diff.moved.size()),
             fmt::format("({} earlier, {} later)", diff.movedEarlier(), diff.movedLater())});
  table.row({"added systems", fmt::format("{}", diff.added.size())});
  table.row({"removed systems", fmt::format("{}", diff.removed.size())});
  table.row({"now scheduled", fmt::format("{}", nowScheduled)});
  table.row({"now retained", fmt::format("{}", diff.strategyChanged.size() - nowScheduled)});
  table.row({"waves with new dates", fmt::format("{}", diff.waves.size())});
  if (diff.summary.newChurn) {
    table.row({"churn the new plan records", fmt::format("{}", *diff.summary.newChurn),
               "(against its baseline)"});
  }
  table.write(out, "");
}

void moved(std::string& out, const models::PlanDiff& diff) {
  if (diff.moved.empty()) return;
  out += fmt::format("\nMoved ({}), by new wave:\n", diff.moved.size());
  Table table({Align::left, Align::left, Align::right, Align::right, Align::left, Align::left});
  table.row({"system", "agency", "old", "new", "moved", "reasons now"});
  for (const models::MovedSystem& m : diff.moved) {
    std::vector<std::string> more;
    for (size_t i = 1; i < m.reasons.size(); ++i)
      more.push_back(safe(m.reasons[i]));
    table.row({safe(m.id), agencyText(m.agency), fmt::format("{}", m.oldWave),
               fmt::format("{}", m.newWave), m.earlier() ? "earlier" : "later",
               m.reasons.empty() ? std::string("-") : safe(m.reasons.front())},
              std::move(more));
  }
  table.write(out, "  ");
}

void oneSided(std::string& out, std::string_view title,
              const std::vector<models::OneSidedSystem>& systems) {
  if (systems.empty()) return;
  out += fmt::format("\n{} ({}):\n", title, systems.size());
  Table table({Align::left, Align::left, Align::left, Align::left});
  table.row({"system", "agency", "wave", "strategy"});
  for (const models::OneSidedSystem& s : systems) {
    table.row({safe(s.id), agencyText(s.agency), waveText(s.wave),
               std::string(models::nameOf(s.strategy))});
  }
  table.write(out, "  ");
}

void strategyChanged(std::string& out, const models::PlanDiff& diff) {
  if (diff.strategyChanged.empty()) return;
  out += fmt::format("\nBetween scheduled and retained ({}):\n", diff.strategyChanged.size());
  Table table({Align::left, Align::left, Align::left, Align::left});
  table.row({"system", "agency", "old", "new"});
  const auto side = [](uint32_t wave, models::Strategy strategy) {
    return fmt::format("{} ({})", wave ? fmt::format("wave {}", wave) : "retained",
                       models::nameOf(strategy));
  };
  for (const models::StrategyChange& c : diff.strategyChanged) {
    table.row({safe(c.id), agencyText(c.agency), side(c.oldWave, c.oldStrategy),
               side(c.newWave, c.newStrategy)});
  }
  table.write(out, "  ");
}

void waves(std::string& out, const models::PlanDiff& diff) {
  if (diff.waves.empty()) return;
  out += fmt::format("\nWaves whose dates changed ({}):\n", diff.waves.size());
  Table table({Align::right, Align::left, Align::left});
  table.row({"wave", "old", "new"});
  const auto dates = [](const std::optional<models::WaveDates>& d) {
    return d ? fmt::format("{}..{}", models::formatDate(d->start), models::formatDate(d->end))
             : std::string("(no such wave)");
  };
  for (const models::WaveChange& w : diff.waves)
    table.row({fmt::format("{}", w.number), dates(w.oldDates), dates(w.newDates)});
  table.write(out, "  ");
}

void agencies(std::string& out, const models::PlanDiff& diff) {
  if (diff.moved.empty()) return;
  out += "\nChurn per agency (its systems scheduled in both plans, and those of them moved):\n";
  Table table({Align::left, Align::right, Align::right});
  table.row({"agency", "moved", "scheduled"});
  for (const models::AgencyChurn& a : diff.agencies) {
    table.row({agencyText(a.code), fmt::format("{}", a.moved), fmt::format("{}", a.scheduled)});
  }
  table.write(out, "  ");
}

}  // namespace

std::string planDiffText(const models::PlanDiff& diff, const models::InputFile& oldFile,
                         const models::InputFile& newFile) {
  std::string out;
  out += fmt::format("old: {}{}\n", safe(oldFile.path), shortSha(oldFile.sha256));
  out += fmt::format("new: {}{}\n\n", safe(newFile.path), shortSha(newFile.sha256));
  figures(out, diff.summary);
  out += '\n';
  counts(out, diff);
  if (!diff.differs()) {
    out +=
        "\nThe plans do not differ: every system is in the same wave, every wave on the same "
        "dates.\n";
  }
  moved(out, diff);
  oneSided(out, "Added", diff.added);
  oneSided(out, "Removed", diff.removed);
  strategyChanged(out, diff);
  waves(out, diff);
  agencies(out, diff);
  return out;
}

}  // namespace cloudplan::exporters
