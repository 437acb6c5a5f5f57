// Systems defined outside the files read (the national register, the store): KnownSystems itself,
// and how the builder resolves the files' references against it.
#include "importers/known_systems.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "importers/csv/inventory_csv.h"
#include "importers/inventory_builder.h"

using namespace cloudplan;
using importers::KnownSystems;
using models::Coupling;
using Lines = std::vector<std::string>;

namespace {

// The register of the tests: three systems of two other agencies.
KnownSystems otherAgencies() {
  KnownSystems known;
  known.add("MOJ/courts", "MOJ", "Court records");
  known.add("MOJ/prisons", "MOJ", "Prison register");
  known.add("DGA/xbus", "DGA", "Exchange bus");
  return known;
}

// One run of the builder over CSV texts, read against `known` (may be null).
class Run {
 public:
  explicit Run(const KnownSystems* known, bool keep = false) : builder_(diagnostics_) {
    builder_.resolveAgainst(known, keep);
  }

  Run& add(const std::string& name, std::string text) {
    const uint32_t file = builder_.addFile(name, models::InputKind::unknown);
    importers::readInventoryCsv(builder_, file, std::move(text));
    return *this;
  }

  Lines finish() {
    inventory = builder_.finish();
    diagnostics_.sort();
    Lines lines;
    for (const models::Diagnostic& d : diagnostics_.all()) {
      lines.push_back(d.file + (d.line ? ":" + std::to_string(d.line) : "") + ": " +
                      std::string(models::nameOf(d.severity)) + ": " + d.message + " [" + d.code +
                      "]");
    }
    return lines;
  }

  models::Inventory inventory;

 private:
  models::Diagnostics diagnostics_;
  importers::InventoryBuilder builder_;
};

struct Outside {
  std::string consumer, provider;
  bool known;
  Coupling coupling;
  std::string kind, where;
  bool operator==(const Outside&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Outside& o) {
  return out << o.consumer << " -> " << o.provider << (o.known ? " known " : " unresolved ")
             << models::nameOf(o.coupling) << " " << o.kind << " @" << o.where;
}

std::vector<Outside> outsideOf(const models::Inventory& inventory) {
  std::vector<Outside> outside;
  for (const auto& d : inventory.outsideDependencies) {
    outside.push_back({std::string(inventory.systems[d.consumer].id), std::string(d.provider),
                       d.known, d.coupling, std::string(d.kind), inventory.describe(d.where)});
  }
  return outside;
}

const std::string kSystems =
    "id,name,agency,depends_on,move_with\n"
    "MOF/pay,Payroll,MOF,MOJ/courts;MOF/tax,DGA/xbus\n"
    "MOF/tax,Tax,MOF,,\n";

}  // namespace

TEST_CASE("known systems are found by id, with their agency and name") {
  KnownSystems known = otherAgencies();
  CHECK(known.size() == 3);
  const auto courts = known.find("MOJ/courts");
  REQUIRE(courts);
  CHECK(courts->id == "MOJ/courts");
  CHECK(courts->agency == "MOJ");
  CHECK(courts->name == "Court records");
  CHECK_FALSE(known.find("MOJ/court"));
  CHECK_FALSE(known.find(""));
  CHECK(known.ids() == std::vector<std::string_view>{"MOJ/courts", "MOJ/prisons", "DGA/xbus"});
}

TEST_CASE("known systems keep the first entry of a repeated id") {
  KnownSystems known;
  CHECK(known.add("MOJ/courts", "MOJ", "Court records"));
  CHECK_FALSE(known.add("MOJ/courts", "MOI", "Other"));
  CHECK(known.size() == 1);
  CHECK(known.find("MOJ/courts")->agency == "MOJ");
  CHECK(known.add("MOJ/prisons", "MOJ", "Prison register"));
  CHECK(known.ids() == std::vector<std::string_view>{"MOJ/courts", "MOJ/prisons"});
}

TEST_CASE("known systems own their strings, short and very long, and survive a move") {
  KnownSystems known;
  const std::string longName(3'000'000, 'n');
  for (int i = 0; i < 100'000; ++i) {
    std::string id = "AG" + std::to_string(i % 7) + "/system-" + std::to_string(i);
    known.add(id, "AG" + std::to_string(i % 7), i == 500 ? longName : "name " + std::to_string(i));
    id.assign(id.size(), 'x');  // the caller's buffer changes: the copy must not
  }
  KnownSystems moved = std::move(known);
  CHECK(moved.size() == 100'000);
  const auto entry = moved.find("AG3/system-99998");
  REQUIRE(entry);
  CHECK(entry->agency == "AG3");
  CHECK(entry->name == "name 99998");
  CHECK(moved.find("AG3/system-500")->name == longName);
  CHECK(moved.find("AG4/system-501")->name == "name 501");
  CHECK_FALSE(moved.find("AG3/system-100000"));
}

TEST_CASE("a reference to a known system outside the files is kept as an outside dependency") {
  const KnownSystems known = otherAgencies();
  Run run(&known);
  run.add("systems.csv", kSystems)
      .add("deps.csv",
           "from,to,coupling,kind,description\n"
           "MOF/tax,MOJ/prisons,loose,data,fines\n");
  CHECK(run.finish() == Lines{});
  CHECK(outsideOf(run.inventory) ==
        std::vector<Outside>{
            {"MOF/pay", "MOJ/courts", true, Coupling::normal, "", "systems.csv:2"},
            {"MOF/pay", "DGA/xbus", true, Coupling::tight, "", "systems.csv:2"},
            {"MOF/tax", "MOJ/prisons", true, Coupling::loose, "data", "deps.csv:2"}});
  REQUIRE(run.inventory.dependencies.size() == 1);  // MOF/pay -> MOF/tax, inside the files
  CHECK(run.inventory.outsideDependencies[2].description == "fines");
}

TEST_CASE("a system the files define is theirs even when the register has it too") {
  KnownSystems known = otherAgencies();
  known.add("MOF/tax", "MOF", "Tax (as last submitted)");
  Run run(&known);
  run.add("systems.csv", kSystems);
  CHECK(run.finish() == Lines{});
  CHECK(run.inventory.dependencies.size() == 1);
  CHECK(run.inventory.outsideDependencies.size() == 2);
}

TEST_CASE("a reference to a system in neither gets a suggestion from the register too") {
  const KnownSystems known = otherAgencies();
  Run run(&known);
  run.add("systems.csv",
          "id,name,agency,depends_on\n"
          "MOF/pay,Payroll,MOF,DGA/xbuss;MOF/taxes;MOJ/nothing-like-it\n"
          "MOF/tax,Tax,MOF,\n");
  CHECK(run.finish() ==
        Lines{"systems.csv:2: error: unknown system 'DGA/xbuss' in depends_on (did you mean "
              "'DGA/xbus'?) [unknown-system]",
              "systems.csv:2: error: unknown system 'MOF/taxes' in depends_on (did you mean "
              "'MOF/tax'?) [unknown-system]",
              "systems.csv:2: error: unknown system 'MOJ/nothing-like-it' in depends_on (define "
              "it in a systems file) [unknown-system]"});
  CHECK(run.inventory.outsideDependencies.empty());
}

TEST_CASE("kept unknown references are warnings and unresolved outside dependencies") {
  const KnownSystems known = otherAgencies();
  Run run(&known, true);
  run.add("systems.csv",
          "id,name,agency,depends_on\n"
          "MOF/pay,Payroll,MOF,DGA/xbuss;MOJ/courts\n"
          "MOF/tax,Tax,MOF,MOE/schools\n");
  CHECK(run.finish() ==
        Lines{"systems.csv:2: warning: reference to 'DGA/xbuss' in depends_on is not a system of "
              "the national inventory yet (did you mean 'DGA/xbus'? if not, kept unresolved "
              "until its agency submits it) [unresolved-reference]",
              "systems.csv:3: warning: reference to 'MOE/schools' in depends_on is not a system "
              "of the national inventory yet (kept unresolved until its agency submits it) "
              "[unresolved-reference]"});
  CHECK(outsideOf(run.inventory) ==
        std::vector<Outside>{
            {"MOF/pay", "DGA/xbuss", false, Coupling::normal, "", "systems.csv:2"},
            {"MOF/pay", "MOJ/courts", true, Coupling::normal, "", "systems.csv:2"},
            {"MOF/tax", "MOE/schools", false, Coupling::normal, "", "systems.csv:3"}});
}

TEST_CASE("kept unknown references need no register: a first submission has none") {
  Run run(nullptr, true);
  run.add("systems.csv",
          "id,name,agency,depends_on\n"
          "MOF/pay,Payroll,MOF,MOJ/courts\n");
  CHECK(run.finish() ==
        Lines{"systems.csv:2: warning: reference to 'MOJ/courts' in depends_on is not a system of "
              "the national inventory yet (kept unresolved until its agency submits it) "
              "[unresolved-reference]"});
  CHECK(outsideOf(run.inventory) == std::vector<Outside>{{"MOF/pay", "MOJ/courts", false,
                                                          Coupling::normal, "", "systems.csv:2"}});
}

TEST_CASE("a kept reference that starts like a formula is refused, not kept") {
  Run run(nullptr, true);
  run.add("dependencies.csv",
          "from,to\n"
          "MOF/pay,=HYPERLINK(\"x\")\n");
  run.add("systems.csv", "id,name,agency\nMOF/pay,Payroll,MOF\n");
  CHECK(run.finish() ==
        Lines{"dependencies.csv:2: error: reference to '=HYPERLINK(\"x\")' in to starts with '=' "
              "(ids start with a letter or digit; a spreadsheet would read it as a formula) "
              "[malformed-id]"});
  CHECK(run.inventory.outsideDependencies.empty());
}

TEST_CASE("a kept reference that could never be an id is refused, not kept") {
  Run run(nullptr, true);
  run.add("systems.csv",
          "id,name,agency,depends_on\n"
          "MOF/pay,Payroll,MOF,\"DGA/x\ty;DGA/a b\"\n");
  CHECK(run.finish() ==
        Lines{"systems.csv:2: error: reference to 'DGA/x\ty' in depends_on is not an id (ids hold "
              "letters, digits and -_.:/ only; fix the reference) [malformed-id]",
              "systems.csv:2: error: reference to 'DGA/a b' in depends_on is not an id (ids hold "
              "letters, digits and -_.:/ only; fix the reference) [malformed-id]"});
  CHECK(run.inventory.outsideDependencies.empty());
}

TEST_CASE("a dependency of another agency's system is an error that names its agency") {
  const KnownSystems known = otherAgencies();
  for (const bool keep : {false, true}) {
    Run run(&known, keep);
    run.add("systems.csv", kSystems)
        .add("deps.csv",
             "from,to\n"
             "MOJ/courts,MOF/pay\n"
             "MOF/paye,MOF/tax\n");
    // The consumer's suggestion comes from the files only: it must be one of theirs.
    CHECK(run.finish() ==
          Lines{"deps.csv:2: error: system 'MOJ/courts' in from is not in these files: it is a "
                "system of 'MOJ' (list the dependencies of your own systems only) "
                "[unknown-system]",
                "deps.csv:3: error: unknown system 'MOF/paye' in from (did you mean 'MOF/pay'?) "
                "[unknown-system]"});
    CHECK(run.inventory.dependencies.size() == 1);
    CHECK(run.inventory.outsideDependencies.size() == 2);
  }
}

TEST_CASE("a repeated pair with an outside system is merged like one inside the files") {
  const KnownSystems known = otherAgencies();
  for (const bool keep : {false, true}) {
    Run run(&known, keep);
    run.add("systems.csv", kSystems)
        .add("deps.csv",
             "from,to,coupling,kind\n"
             "MOF/pay,MOJ/courts,tight,api\n"
             "MOF/tax,MOJ/courts,,\n"
             "MOF/pay,MOJ/courts,loose,data\n"
             "MOF/pay,MOF/tax,tight,\n");
    CHECK(run.finish() ==
          Lines{"deps.csv:2: warning: dependency 'MOF/pay' -> 'MOJ/courts' is listed again (first "
                "at systems.csv:2); merged into one, coupling 'tight' [repeated-dependency]",
                "deps.csv:4: warning: dependency 'MOF/pay' -> 'MOJ/courts' is listed again (first "
                "at systems.csv:2); merged into one, coupling 'tight' [repeated-dependency]",
                "deps.csv:5: warning: dependency 'MOF/pay' -> 'MOF/tax' is listed again (first "
                "at systems.csv:2); merged into one, coupling 'tight' [repeated-dependency]"});
    CHECK(outsideOf(run.inventory) ==
          std::vector<Outside>{
              {"MOF/pay", "MOJ/courts", true, Coupling::tight, "api", "systems.csv:2"},
              {"MOF/pay", "DGA/xbus", true, Coupling::tight, "", "systems.csv:2"},
              {"MOF/tax", "MOJ/courts", true, Coupling::normal, "", "deps.csv:3"}});
  }
}

TEST_CASE("a repeated unresolved reference is merged too, each listing still reported") {
  Run run(nullptr, true);
  run.add("systems.csv",
          "id,name,agency,depends_on,move_with\n"
          "MOF/pay,Payroll,MOF,MOE/schools,MOE/schools\n");
  CHECK(run.finish() ==
        Lines{"systems.csv:2: warning: reference to 'MOE/schools' in depends_on is not a system of "
              "the national inventory yet (kept unresolved until its agency submits it) "
              "[unresolved-reference]",
              "systems.csv:2: warning: reference to 'MOE/schools' in move_with is not a system of "
              "the national inventory yet (kept unresolved until its agency submits it) "
              "[unresolved-reference]",
              "systems.csv:2: warning: dependency 'MOF/pay' -> 'MOE/schools' is listed again "
              "(first at systems.csv:2); merged into one, coupling 'tight' "
              "[repeated-dependency]"});
  CHECK(outsideOf(run.inventory) == std::vector<Outside>{{"MOF/pay", "MOE/schools", false,
                                                          Coupling::tight, "", "systems.csv:2"}});
}

TEST_CASE("without a register every reference must resolve inside the files, as before") {
  Run run(nullptr);
  run.add("systems.csv", kSystems);
  CHECK(run.finish() ==
        Lines{"systems.csv:2: error: unknown system 'MOJ/courts' in depends_on (define it in a "
              "systems file) [unknown-system]",
              "systems.csv:2: error: unknown system 'DGA/xbus' in move_with (define it in a "
              "systems file) [unknown-system]"});
  CHECK(run.inventory.outsideDependencies.empty());
  CHECK(run.inventory.dependencies.size() == 1);
}
