// schedule.svg: the waves on a calendar, for the reviewers who plan around dates. A row per wave
// (its bar from its first to its last day, with its systems, effort and the hybrid links after
// it), then a row per ministry (its offices included) with how many of its systems move in each
// wave; or a row per system of one ministry. Pins, not_before and finish_by dates are marked on
// the rows they concern, freeze windows shaded across every row, today a line, and a re-plan's
// progress (done, in progress, on hold, slipped) shown per row. Written as SVG text, no layout
// engine; its size grows with the waves and ministries, never with the systems.
#pragma once

#include <optional>
#include <string>

#include "exporters/graphviz/graph_index.h"
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
  // kNone: every agency. Otherwise an index into Inventory::agencies (any other draws nothing).
  models::AgencyIndex agency = models::kNone;
  // The day the "today" line is drawn on; none: the re-plan's today, or no line for a new plan.
  std::optional<models::Date> today;
  // A page of system rows: the systems in drawing order (by office, then by wave) from
  // `firstSystemRow`, at most `maxSystemRows` of them; the drawing says which of how many it
  // shows. A ministry of 5,000 systems is ten pages, not one chart 110,000 pixels tall.
  uint32_t firstSystemRow = 0;
  uint32_t maxSystemRows = 500;
};

std::string scheduleToSvg(const models::Inventory& inventory, const models::Plan& plan,
                          const GanttOptions& options = {});
// The same, with the plan's GraphIndex that the diagrams use: the ministry pages draw a schedule
// each, and the agency tree need not be walked again for every one.
std::string scheduleToSvg(const GraphIndex& index, const GanttOptions& options = {});

}  // namespace cloudplan::exporters
