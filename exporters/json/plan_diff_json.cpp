#include "exporters/json/plan_diff_json.h"

#include "exporters/json/json_text.h"

namespace cloudplan::exporters {
namespace {

// A wave number, or null for none (a retained system).
void wave(JsonObject& json, std::string_view key, uint32_t number) {
  if (number) {
    json.integer(key, number);
  } else {
    json.null(key);
  }
}

void agency(JsonObject& json, const std::string& code) {
  if (code.empty()) {
    json.null("agency");
  } else {
    json.string("agency", code);
  }
}

void file(std::string& out, const models::InputFile& input) {
  JsonObject(out).string("path", input.path).string("sha256", input.sha256);
}

void both(JsonObject& json, std::string_view key, const models::Both<uint32_t>& figure) {
  JsonObject(json.member(key)).integer("old", figure.before).integer("new", figure.after);
}

void date(JsonObject& json, std::string_view key, const std::optional<models::Date>& value) {
  if (value) {
    json.string(key, models::formatDate(*value));
  } else {
    json.null(key);
  }
}

void summary(std::string& out, const models::PlanDiff& diff) {
  const models::PlanDiffSummary& s = diff.summary;
  size_t nowScheduled = 0;
  for (const auto& change : diff.strategyChanged)
    nowScheduled += change.nowScheduled() ? 1 : 0;
  JsonObject json(out);
  json.boolean("differ", diff.differs());
  both(json, "systems", s.systems);
  both(json, "scheduled", s.scheduled);
  both(json, "waves", s.waves);
  {
    JsonObject end(json.member("end"));
    date(end, "old", s.end.before);
    date(end, "new", s.end.after);
  }
  both(json, "lower_bound_waves", s.lowerBound);
  both(json, "peak_hybrid_links", s.peakHybridLinks);
  both(json, "permanent_hybrid_links", s.permanentHybridLinks);
  json.integer("moved", diff.moved.size())
      .integer("moved_earlier", diff.movedEarlier())
      .integer("moved_later", diff.movedLater())
      .integer("added", diff.added.size())
      .integer("removed", diff.removed.size())
      .integer("now_scheduled", nowScheduled)
      .integer("now_retained", diff.strategyChanged.size() - nowScheduled)
      .integer("waves_changed", diff.waves.size());
  if (s.newChurn) {
    json.integer("churn", *s.newChurn);
  } else {
    json.null("churn");
  }
}

void oneSided(std::string& out, const models::OneSidedSystem& system) {
  JsonObject json(out);
  json.string("id", system.id);
  agency(json, system.agency);
  wave(json, "wave", system.wave);
  json.string("strategy", models::nameOf(system.strategy));
}

void dates(JsonObject& json, std::string_view key, const std::optional<models::WaveDates>& d) {
  if (!d) {
    json.null(key);
    return;
  }
  JsonObject(json.member(key))
      .string("start", models::formatDate(d->start))
      .string("end", models::formatDate(d->end));
}

// The document: top-level members a line each, array elements a line each.
class Document {
 public:
  std::string& member(std::string_view key) {
    out_ += first_ ? "{\n  " : ",\n  ";
    first_ = false;
    appendJsonString(out_, key);
    out_ += ": ";
    return out_;
  }
  template <class Range, class Write>
  void array(std::string_view key, const Range& range, Write write) {
    member(key) += '[';
    bool first = true;
    for (const auto& element : range) {
      out_ += first ? "\n    " : ",\n    ";
      first = false;
      write(out_, element);
    }
    out_ += first ? "]" : "\n  ]";
  }
  std::string finish() { return std::move(out_) + "\n}\n"; }

 private:
  std::string out_;
  bool first_ = true;
};

}  // namespace

std::string planDiffToJson(const models::PlanDiff& diff, const models::InputFile& oldFile,
                           const models::InputFile& newFile) {
  Document document;
  appendJsonString(document.member("format"), "cloudplan-diff/1");
  file(document.member("old"), oldFile);
  file(document.member("new"), newFile);
  summary(document.member("summary"), diff);
  document.array("moved", diff.moved, [](std::string& out, const models::MovedSystem& m) {
    JsonObject json(out);
    json.string("id", m.id);
    agency(json, m.agency);
    json.integer("old_wave", m.oldWave)
        .integer("new_wave", m.newWave)
        .string("direction", m.earlier() ? "earlier" : "later");
    appendJsonStringArray(json.member("reasons"), m.reasons,
                          [](const std::string& reason) { return std::string_view(reason); });
  });
  document.array("added", diff.added, oneSided);
  document.array("removed", diff.removed, oneSided);
  document.array("strategy_changed", diff.strategyChanged,
                 [](std::string& out, const models::StrategyChange& c) {
                   JsonObject json(out);
                   json.string("id", c.id);
                   agency(json, c.agency);
                   json.string("old_strategy", models::nameOf(c.oldStrategy))
                       .string("new_strategy", models::nameOf(c.newStrategy));
                   wave(json, "old_wave", c.oldWave);
                   wave(json, "new_wave", c.newWave);
                 });
  document.array("waves", diff.waves, [](std::string& out, const models::WaveChange& w) {
    JsonObject json(out);
    json.integer("wave", w.number);
    dates(json, "old", w.oldDates);
    dates(json, "new", w.newDates);
  });
  document.array("agencies", diff.agencies, [](std::string& out, const models::AgencyChurn& a) {
    JsonObject json(out);
    if (a.code.empty()) {
      json.null("code");
    } else {
      json.string("code", a.code);
    }
    json.integer("moved", a.moved).integer("scheduled", a.scheduled);
  });
  return document.finish();
}

}  // namespace cloudplan::exporters
