// schedule.svg: the waves on a calendar, for the reviewers who plan around dates. A row per wave
// (its bar from its first to its last day, with its systems, effort and the hybrid links after
// it), then a row per ministry (its offices included) with how many of its systems move in each
// wave; freeze windows shaded across every row. Written as SVG text, no layout engine.
#pragma once

#include <optional>
#include <string>

#include "models/date.h"
#include "models/inventory.h"
#include "models/plan.h"

namespace cloudplan::exporters {

// Where dates fall on the time axis: the axis starts on the first day of the month the plan
// starts in and ends after the month it ends in; x grows by `dayWidth` pixels a day.
struct GanttScale {
  models::Date origin;
  models::Date end;  // the first day after the axis
  double left = 0;   // x of `origin`
  double dayWidth = 0;
  double x(models::Date date) const { return left + (date - origin) * dayWidth; }
};

GanttScale ganttScale(const models::Plan& plan);

// What a schedule shows: the whole plan (a row per wave and per ministry), or one row per system
// (a ministry's page, with `--gantt systems`); only one agency's (and its offices') rows, or all.
enum class GanttRows : uint8_t { waves, systems };
struct GanttOptions {
  GanttRows rows = GanttRows::waves;
  models::AgencyIndex agency = models::kNone;  // kNone: every agency
  // The day the "today" line is drawn on; none: the re-plan's today, or no line for a new plan.
  std::optional<models::Date> today;
};

std::string scheduleToSvg(const models::Inventory& inventory, const models::Plan& plan,
                          const GanttOptions& options = {});

}  // namespace cloudplan::exporters
